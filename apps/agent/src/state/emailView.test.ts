import { describe, expect, it } from 'vitest';
import { emailDocument, foldQuoted, hasQuotedHtml, hasRemoteImages } from './emailView.ts';

describe("an email's text, with its quoted history and signature folded", () => {
  it('folds from the attribution line, the first quoted line or the signature', () => {
    expect(foldQuoted('Chocolate, please.\n\nOn Mon, 7 Dec 2026, Rosie wrote:\n> Which flavour?')).toEqual({
      main: 'Chocolate, please.',
      folded: 'On Mon, 7 Dec 2026, Rosie wrote:\n> Which flavour?',
    });
    expect(foldQuoted('Thanks!\n-- \nSam Baker\nBaker Street 1')).toEqual({
      main: 'Thanks!',
      folded: '-- \nSam Baker\nBaker Street 1',
    });
    expect(foldQuoted('Yes\n> no')).toEqual({ main: 'Yes', folded: '> no' });
  });

  it('leaves a message without history whole, and never folds everything away', () => {
    expect(foldQuoted('Can I order a cake?\nFor Saturday.')).toEqual({ main: 'Can I order a cake?\nFor Saturday.', folded: '' });
    expect(foldQuoted('> only a quote')).toEqual({ main: '> only a quote', folded: '' });
  });
});

describe('the document of the sandboxed frame', () => {
  const html = '<p>Hi</p><img data-remote-src="https://cdn.example.com/cake.jpg" alt="Cake" /><blockquote>Earlier</blockquote>';

  it('loads nothing and hides quoted history by default', () => {
    const doc = emailDocument(html, { images: false, quoted: false });
    expect(doc).toContain("img-src 'none'");
    expect(doc).toContain("default-src 'none'");
    expect(doc).not.toMatch(/<img src=/);
    expect(doc).toContain('blockquote{display:none}');
    expect(hasRemoteImages(html)).toBe(true);
    expect(hasQuotedHtml(html)).toBe(true);
  });

  it('puts http(s) images back when the agent asks, and nothing else', () => {
    const doc = emailDocument(`${html}<img data-remote-src="javascript:alert(1)" />`, { images: true, quoted: true });
    expect(doc).toContain('<img src="https://cdn.example.com/cake.jpg" alt="Cake" />');
    expect(doc).not.toContain('<img src="javascript');
    expect(doc).toContain('img-src https: http:');
    expect(doc).not.toContain('blockquote{display:none}');
  });
});
