import { describe, expect, it } from 'vitest';
import { images } from './images.testing.ts';
import { cleanFileName, imageRefusal, sniffImage } from './images.ts';

describe('sniffImage', () => {
  it('knows PNG, JPEG, GIF and WebP by their first bytes', () => {
    expect([images.png, images.jpeg, images.gif, images.webp].map(sniffImage)).toEqual([
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
    ]);
  });

  it('knows nothing else, however it starts', () => {
    for (const bytes of [
      images.svg,
      images.html,
      images.pngSignatureThenHtml,
      Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt '),
      Buffer.from('GIF88a'),
      Buffer.from([0xff, 0xd8]),
      Buffer.alloc(0),
    ]) {
      expect(sniffImage(bytes)).toBeNull();
    }
  });
});

describe('imageRefusal', () => {
  it('says why SVG, HTML and other bytes are not kept', () => {
    expect(imageRefusal(images.svg)).toMatch(/^SVG images are not accepted/);
    expect(imageRefusal(images.svgWithProlog)).toMatch(/^SVG images are not accepted/);
    expect(imageRefusal(Buffer.from('  <html><body>hi</body></html>'))).toMatch(/^This is an HTML page/);
    expect(imageRefusal(Buffer.from('hello'))).toMatch(/^This is not a PNG, JPEG, GIF or WebP image/);
    expect(imageRefusal(images.png)).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps the last segment of a path, without NUL, controls or bidi controls', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\amina\\me.png')).toBe('me.png');
    expect(cleanFileName('me\u0000.png')).toBe('me.png');
    expect(cleanFileName('me\r\nSet-Cookie: x.png')).toBe('meSet-Cookie: x.png');
    expect(cleanFileName('invoice\u202Egnp.exe')).toBe('invoicegnp.exe');
    expect(cleanFileName('a\u2066b\u2067c\u2068d\u2069e\u200Ef\u200Fg\u202Ah\u202Bi\u202Cj\u202Dk.png')).toBe('abcdefghijk.png');
    expect(cleanFileName('lone\ud800surrogate.png')).toBe('lonesurrogate.png');
  });

  it('drops leading dots and spaces, collapses spaces, caps the length, and falls back when nothing is left', () => {
    expect(cleanFileName('..')).toBe('image');
    expect(cleanFileName(' .hidden   photo .png')).toBe('hidden photo .png');
    expect(cleanFileName('')).toBe('image');
    expect(cleanFileName(undefined)).toBe('image');
    expect(cleanFileName('\u202E\u0007')).toBe('image');
    expect(Array.from(cleanFileName(`${'é'.repeat(200)}.png`))).toHaveLength(120);
    expect(cleanFileName('😀'.repeat(130))).toBe('😀'.repeat(120));
  });
});
