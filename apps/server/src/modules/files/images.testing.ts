/** Small files of every kind the image checks meet, for tests. */
export const images = {
  /** A 1×1 PNG. */
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
  /** The start of a JPEG (JFIF). */
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\u0000\u0001\u0001'),
    Buffer.alloc(32, 0x11),
  ]),
  /** A 1×1 GIF: plain ASCII with NUL bytes, the kind of image a text check would mistake for text. */
  gif: Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=', 'base64'),
  /** A 1×1 lossless WebP. */
  webp: Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
  svgWithProlog: Buffer.from(
    '\uFEFF<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>',
  ),
  html: Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/v1/auth/session")</script></body></html>'),
  /** The PNG signature followed by a page: not a PNG, whose first chunk is always IHDR. */
  pngSignatureThenHtml: Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    Buffer.from('<html><script>alert(1)</script></html>'),
  ]),
};
