import { createInterface } from 'node:readline';
import { classifyEmotion } from '../modules/emotion/index.ts';

const EXPECTED = 'expected {"text": "…"}';

/** The text of one input line, or why it is not `{"text": string}`. */
function problemWith(line: string): { problem: string } | { text: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { problem: `${EXPECTED}: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: `${EXPECTED}: not a JSON object` };
  const text = (value as { text?: unknown }).text;
  if (text === undefined) return { problem: `${EXPECTED}: no "text" field` };
  if (typeof text !== 'string')
    return { problem: `${EXPECTED}: "text" is a ${text === null ? 'null' : typeof text}, not a string` };
  return { text };
}

/**
 * `warmline emotion`: reads JSON lines `{"text": "…"}` and writes one `{"emotion","sentiment","upset"}` line per input line,
 * in order. A malformed line writes `{"error": "…"}` in its place (so outputs stay aligned) and a message naming the line
 * on `errors`; blank lines are skipped. Resolves to the exit code: 0 when every line was read, 1 when any was malformed.
 */
export async function runEmotionCommand(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  errors: NodeJS.WritableStream,
): Promise<number> {
  let lineNumber = 0;
  let malformed = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    const line = raw.trim();
    if (line === '') continue;
    const read = problemWith(line);
    if ('problem' in read) {
      malformed++;
      errors.write(`line ${lineNumber}: ${read.problem}\n`);
      await write(output, `${JSON.stringify({ error: `line ${lineNumber}: ${read.problem}` })}\n`);
      continue;
    }
    await write(output, `${JSON.stringify(classifyEmotion(read.text))}\n`);
  }
  return malformed === 0 ? 0 : 1;
}

/** Writes and, when the reader is slow (a pipe), waits for it to drain so a large input does not pile up in memory. */
function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}
