import { describe, expect, it } from 'vitest';
import { baseFromScriptSrc, isWidgetSrc, safeImageUrl, visitorSocketUrl } from './url.ts';

describe('urls', () => {
  it('derives the base from the script src', () => {
    expect(baseFromScriptSrc('https://help.example.com/widget.js')).toBe('https://help.example.com');
    expect(baseFromScriptSrc('http://localhost:3999/warmline/widget.js?v=2')).toBe('http://localhost:3999/warmline');
  });

  it('recognises the widget script', () => {
    expect(isWidgetSrc('https://x.test/widget.js')).toBe(true);
    expect(isWidgetSrc('https://x.test/widget.js?v=1')).toBe(true);
    expect(isWidgetSrc('https://x.test/other-widget.jsx')).toBe(false);
  });

  it('builds the socket url with the right scheme and an encoded token', () => {
    expect(visitorSocketUrl('https://h.test', 'a.b+c')).toBe('wss://h.test/ws/visitor?token=a.b%2Bc');
    expect(visitorSocketUrl('http://localhost:3999/p', 't')).toBe('ws://localhost:3999/p/ws/visitor?token=t');
  });

  it('accepts only http(s) avatars, resolved against the server', () => {
    expect(safeImageUrl('/avatars/a.png', 'https://h.test')).toBe('https://h.test/avatars/a.png');
    expect(safeImageUrl('https://cdn.test/a.png', 'https://h.test')).toBe('https://cdn.test/a.png');
    expect(safeImageUrl('javascript:alert(1)', 'https://h.test')).toBeNull();
    expect(safeImageUrl(null, 'https://h.test')).toBeNull();
  });
});
