import { describe, expect, it } from 'vitest';
import { receivedFileName } from '../../modules/files/index.ts';
import { chooseFiles, type EmailFile, emailFileName, refusedInWords } from './emailFiles.ts';
import { EMAIL_FILE_LIMITS } from './mimeLimits.ts';

const MiB = 1024 * 1024;
const file = (name: string, size: number): EmailFile => ({ name, bytes: Buffer.alloc(size, 0x61) });

describe("an email file's name", () => {
  it('keeps only the last path segment, without NUL, control or bidi override characters', () => {
    expect(emailFileName('../../etc/passwd')).toBe('passwd');
    expect(emailFileName('..\\..\\Windows\\system.ini')).toBe('system.ini');
    expect(emailFileName('in\u0000voice\u0007.pdf')).toBe('invoice.pdf');
    expect(emailFileName('line\r\nSet-Cookie: x.txt')).toBe('lineSet-Cookie: x.txt');
    expect(emailFileName('\u202Eexe.pdf')).toBe('exe.pdf');
    expect(emailFileName('a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069.txt')).toBe('abcdefghi.txt');
  });

  it('is capped at 120 characters, and "attachment" when nothing is left', () => {
    expect(Array.from(emailFileName(`${'é'.repeat(300)}.pdf`))).toHaveLength(120);
    for (const empty of [undefined, null, '', '   ', '../', '\u0000\u202E', '...'])
      expect(emailFileName(empty)).toBe('attachment');
  });

  it('ends with an extension its recognised kind agrees with; a kind not recognised keeps its cleaned name', () => {
    expect(receivedFileName('\u202Efdp.exe', 'application/pdf')).toBe('fdp.exe.pdf');
    expect(receivedFileName('scan.pdf', 'application/pdf')).toBe('scan.pdf');
    expect(receivedFileName('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
    expect(receivedFileName('../archive.zip', 'application/octet-stream')).toBe('archive.zip');
    expect(receivedFileName('', 'application/octet-stream')).toBe('attachment');
  });
});

describe("which of an email's files are kept", () => {
  it('keeps files up to the limits, in order, and names each refused one with its reason', () => {
    const limits = { maxFileBytes: 4 * MiB, maxFiles: 3, maxTotalBytes: 6 * MiB };
    const { keep, refused } = chooseFiles(
      [
        file('a.pdf', 2 * MiB),
        file('video.mov', 5 * MiB),
        file('empty.txt', 0),
        file('b.pdf', 3 * MiB),
        file('c.pdf', 2 * MiB),
        file('d.txt', 100),
        file('e.txt', 100),
      ],
      limits,
    );
    expect(keep.map((f) => f.name)).toEqual(['a.pdf', 'b.pdf', 'd.txt']);
    expect(refused).toEqual([
      { name: 'video.mov', why: '5 MB, over the 4 MB limit for one file' },
      { name: 'empty.txt', why: 'it is empty' },
      { name: 'c.pdf', why: '2 MB, past the 6 MB kept from one email in all' },
      { name: 'e.txt', why: 'past the 3 files kept from one email' },
    ]);
  });

  it('holds to 10 MiB a file, 20 files and 25 MiB in all by default', () => {
    expect(EMAIL_FILE_LIMITS).toEqual({ maxFileBytes: 10 * MiB, maxFiles: 20, maxTotalBytes: 25 * MiB });
    expect(chooseFiles([file('exactly.bin', 10 * MiB)]).keep).toHaveLength(1);
    expect(chooseFiles([file('over.bin', 10 * MiB + 1)]).refused).toHaveLength(1);
    const many = chooseFiles(Array.from({ length: 23 }, (_, i) => file(`f${i + 1}.txt`, 10)));
    expect([many.keep.length, many.refused.map((r) => r.name)]).toEqual([20, ['f21.txt', 'f22.txt', 'f23.txt']]);
  });

  it('tells agents what was not kept, in one line, ten names at most, and nothing when all was kept', () => {
    expect(refusedInWords([])).toBeNull();
    expect(refusedInWords([{ name: 'video.mov', why: '14 MB, over the 10 MB limit for one file' }])).toBe(
      'Not kept from this email: video.mov (14 MB, over the 10 MB limit for one file). Ask the customer for it another way if needed.',
    );
    const many = refusedInWords(Array.from({ length: 13 }, (_, i) => ({ name: `f${i + 1}.txt`, why: 'why' })))!;
    expect(many).not.toContain('\n');
    expect(many).toContain('f10.txt (why); and 3 more. Ask the customer for them another way');
    expect(many).not.toContain('f11.txt');
  });
});
