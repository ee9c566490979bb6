import { describe, expect, it } from 'vitest';
import { MIME_LIMITS, mimeProblem } from './mimeLimits.ts';

const email = (head: string, body = 'hello\r\n') => Buffer.from(`From: a@example.com\r\n${head}\r\n\r\n${body}`, 'latin1');

describe('an email too hostile to parse', () => {
  it('lets an ordinary multipart email through', () => {
    const body = '--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n--b--\r\n';
    expect(mimeProblem(email('Content-Type: multipart/alternative; boundary="b"', body))).toBeNull();
  });

  it('is caught by its header size', () => {
    expect(mimeProblem(email(`X-Junk: ${'a'.repeat(MIME_LIMITS.maxHeaderBytes)}`))).toMatch(/header is \d+ bytes/);
  });

  it('is caught by nesting multipart a thousand deep', () => {
    let nested = 'Content-Type: text/plain\r\n\r\nbottom\r\n';
    for (let d = 0; d < 1000; d++)
      nested = `Content-Type: multipart/mixed; boundary="b${d}"\r\n\r\n--b${d}\r\n${nested}--b${d}--\r\n`;
    expect(mimeProblem(Buffer.from(`From: a@example.com\r\n${nested}`))).toMatch(/multipart containers/);
  });

  it('is caught by a flood of parts', () => {
    const parts = '--b\r\nContent-Type: text/plain\r\n\r\nx\r\n'.repeat(MIME_LIMITS.maxBoundaryLines + 1);
    expect(mimeProblem(email('Content-Type: multipart/mixed; boundary="b"', parts))).toMatch(/MIME parts/);
  });
});
