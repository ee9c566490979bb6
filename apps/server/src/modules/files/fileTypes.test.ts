import { describe, expect, it } from 'vitest';
import { attachmentRefusal, nameForType, sniffAttachment } from './fileTypes.ts';
import { images } from './images.testing.ts';
import { cleanFileName } from './images.ts';

const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
/** The start of a ZIP container as Word and Excel write it: the names of its parts are in plain bytes. */
const office = (part: string) =>
  Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(26), Buffer.from(`[Content_Types].xml${part}`)]);

describe('sniffAttachment', () => {
  it('knows images, PDF, Word, Excel and plain UTF-8 text by their bytes', () => {
    expect(
      [
        images.png,
        images.jpeg,
        images.gif,
        images.webp,
        pdf,
        office('word/document.xml'),
        office('xl/workbook.xml'),
        Buffer.from('Order 1042: tracking please 🙏\r\n'),
      ].map(sniffAttachment),
    ).toEqual([
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/plain',
    ]);
  });

  it('knows nothing else: pages, drawings, other ZIPs, text with NUL or invalid UTF-8, programs', () => {
    for (const bytes of [
      images.html,
      images.svg,
      images.svgWithProlog,
      images.pngSignatureThenHtml,
      Buffer.from('PK\u0003\u0004plain.zip'),
      Buffer.from('hello\u0000world'),
      Buffer.from([0x68, 0x69, 0xff, 0xfe]),
      Buffer.from('MZ\u0090\u0000\u0003'),
      Buffer.alloc(0),
    ]) {
      expect(sniffAttachment(bytes)).toBeNull();
    }
  });
});

describe('attachmentRefusal', () => {
  it('keeps a file declared as what its bytes are, as octet-stream, or as any text/* when it is text', () => {
    expect(attachmentRefusal(pdf, 'application/pdf')).toBeNull();
    expect(attachmentRefusal(images.jpeg, 'image/jpg')).toBeNull();
    expect(attachmentRefusal(pdf, 'application/octet-stream')).toBeNull();
    expect(attachmentRefusal(pdf, undefined)).toBeNull();
    expect(attachmentRefusal(Buffer.from('a,b\n1,2\n'), 'text/csv; charset=utf-8')).toBeNull();
  });

  it('refuses a declared type the bytes disagree with, saying both', () => {
    expect(attachmentRefusal(images.png, 'image/jpeg')).toBe(
      'The file was sent as JPEG image, but its bytes are a PNG image: nothing was kept. Send it with its own type.',
    );
    expect(attachmentRefusal(Buffer.from('just words'), 'application/x-msdownload')).toBe(
      'The file was sent as application/x-msdownload, but its bytes are a plain text file: nothing was kept. Send it with its own type.',
    );
  });
});

describe('names', () => {
  it('are cleaned of paths, controls and bidi characters, and end with an extension their type agrees with', () => {
    const kept = (name: string, type: Parameters<typeof nameForType>[1]) => nameForType(cleanFileName(name, 'file'), type);
    expect(kept('../../etc/\u202Egnp.exe', 'application/pdf')).toBe('gnp.exe.pdf');
    expect(kept('C:\\Users\\me\\Photo 1.JPG', 'image/jpeg')).toBe('Photo 1.JPG');
    expect(kept('photo.jpeg', 'image/png')).toBe('photo.jpeg.png');
    expect(kept('\u0000\u200B', 'text/plain')).toBe('file.txt');
    expect(kept('notes.csv', 'text/plain')).toBe('notes.csv');
    expect(kept(`${'é'.repeat(200)}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe(
      `${'é'.repeat(120)}.xlsx`,
    );
  });
});
