import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runEmotionCommand } from './emotionCommand.ts';

async function run(stdin: string) {
  const output = new PassThrough();
  const errors = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  output.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  errors.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const code = await runEmotionCommand(Readable.from([stdin]), output, errors);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('warmline emotion', () => {
  it('writes one reading per line, in order, and exits 0', async () => {
    const { code, stdout, stderr } = await run('{"text": "WHERE IS MY REFUND!!!"}\n{"text": "asante sana"}\n{"text": ""}\n');
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.emotion)).toEqual(['angry', 'grateful', 'neutral']);
    expect(lines[0]).toEqual({ emotion: 'angry', sentiment: expect.any(Number), upset: true });
    expect(lines[2]).toEqual({ emotion: 'neutral', sentiment: 0, upset: false });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('reports malformed lines by number on stderr, keeps stdout aligned with {"error"}, skips blanks, and exits 1', async () => {
    const stdin = [
      '{"text": "Thank you so much for sorting this out"}',
      'not json',
      '',
      '[1, 2]',
      '{"body": "hi"}',
      '{"text": 42}',
      '   ',
      '{"text": "how do I change my address?"}',
    ].join('\n');
    const { code, stdout, stderr } = await run(stdin);
    expect(stderr.split('\n')).toEqual([
      expect.stringMatching(/^line 2: expected \{"text": "…"\}: Unexpected token .+/),
      'line 4: expected {"text": "…"}: not a JSON object',
      'line 5: expected {"text": "…"}: no "text" field',
      'line 6: expected {"text": "…"}: "text" is a number, not a string',
      '',
    ]);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ emotion: 'grateful', upset: false });
    expect(lines[1].error).toMatch(/^line 2: expected \{"text": "…"\}: Unexpected token/);
    expect(lines.slice(2, 5)).toEqual([
      { error: 'line 4: expected {"text": "…"}: not a JSON object' },
      { error: 'line 5: expected {"text": "…"}: no "text" field' },
      { error: 'line 6: expected {"text": "…"}: "text" is a number, not a string' },
    ]);
    expect(lines[5]).toMatchObject({ emotion: 'confused', upset: false });
    expect(code).toBe(1);
  });

  it('reads Windows line endings and a last line without a newline', async () => {
    const { code, stdout } = await run('{"text": "ok"}\r\n{"text": "😭"}');
    expect(stdout).toBe(
      '{"emotion":"neutral","sentiment":0.296,"upset":false}\n{"emotion":"sad","sentiment":-0.35,"upset":true}\n',
    );
    expect(code).toBe(0);
  });

  it('writes nothing and exits 0 for empty input', async () => {
    expect(await run('')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
