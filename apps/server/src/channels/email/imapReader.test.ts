import { describe, expect, it } from 'vitest';
import { returnPathOf } from './imapReader.ts';

describe('the envelope sender of an email read from a mailbox', () => {
  it("is the delivering server's Return-Path, empty for a bounce, unknown without one", () => {
    expect(returnPathOf(Buffer.from('Return-Path: <Sam@Example.com>\r\nFrom: x@y.z\r\n\r\nhi'))).toBe('Sam@Example.com');
    expect(returnPathOf(Buffer.from('Received: by mx\r\nreturn-path: <>\r\n\r\nhi'))).toBe('');
    expect(returnPathOf(Buffer.from('From: x@y.z\r\n\r\nReturn-Path: <in@the.body>\r\n'))).toBeNull();
  });
});
