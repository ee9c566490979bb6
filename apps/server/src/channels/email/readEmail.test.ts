import { describe, expect, it } from 'vitest';
import { clientIdOf, dedupeKeyOf, readEmail, sanitiseEmailHtml } from './readEmail.ts';

const raw = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('reading an email', () => {
  it('prefers the text part, keeps names and subjects as one line of text, and lists what it answers newest first', async () => {
    const email = await readEmail(
      raw([
        'From: "Sam =?utf-8?Q?M=C3=BCller?=" <Sam@Example.com>',
        'Subject: Cake =?utf-8?Q?=E2=80=94?= <b>Saturday</b>',
        'Message-ID: <3@mail.example.com>',
        'In-Reply-To: <2@mail.example.com>',
        'References: <1@mail.example.com> <2@mail.example.com>',
        'Content-Type: multipart/alternative; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The text part.',
        '--b',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p onclick="x()">The <b>HTML</b> part.</p><script>alert(1)</script><a href="javascript:x()">link</a>',
        '--b--',
        '',
      ]),
    );
    expect(email).toMatchObject({
      unreadable: null,
      from: { address: 'sam@example.com', name: 'Sam Müller' },
      subject: 'Cake — <b>Saturday</b>',
      messageId: '<3@mail.example.com>',
      answers: ['<2@mail.example.com>', '<2@mail.example.com>', '<1@mail.example.com>'],
      text: 'The text part.',
    });
    expect(email.html).toBe('<p>The <b>HTML</b> part.</p>link');
  });

  it('takes the text of an HTML-only email', async () => {
    const email = await readEmail(raw(['From: a@example.com', 'Content-Type: text/html', '', '<p>Only <i>HTML</i></p>', '']));
    expect(email.text).toBe('Only HTML');
  });

  it('never throws on a malformed email: the worst is `unreadable`', async () => {
    const email = await readEmail(Buffer.from('\u0000\u0001 not an email at all =?x?Q?broken'));
    expect(typeof email.text).toBe('string');
    expect(email.text).not.toContain('\u0000');
  });

  it('gives up on an email that takes longer than its time limit to read', async () => {
    const big = raw(['From: a@example.com', 'Subject: long', '', 'word '.repeat(1_000_000), '']);
    expect((await readEmail(big, 1)).unreadable).toBe('it took longer than 0.001 s to read');
  });

  it('sanitises HTML to structure and formatting: no scripts, styles, links or event handlers', () => {
    expect(
      sanitiseEmailHtml('<style>p{}</style><img src=x onerror=alert(1)><table><tr><td colspan="2" style="x">a</td></tr></table>'),
    ).toBe('<table><tr><td colspan="2">a</td></tr></table>');
  });

  it('keeps remote images blocked: their http(s) address in data-remote-src, never src; other images dropped', () => {
    expect(sanitiseEmailHtml('<img src="https://cdn.example.com/cake.jpg" alt="Cake" width="40" onload="x()">')).toBe(
      '<img data-remote-src="https://cdn.example.com/cake.jpg" alt="Cake" width="40" />',
    );
    expect(
      sanitiseEmailHtml(
        '<img src="javascript:alert(1)"><img src="cid:logo"><img src="data:image/png;base64,AAAA"><img data-remote-src="javascript:alert(1)">',
      ),
    ).toBe('');
  });

  it('knows one email by its Message-ID, or by sender and content when it has none', async () => {
    const withId = await readEmail(raw(['From: a@example.com', 'Message-ID: <X@example.com>', '', 'hi', '']));
    expect(dedupeKeyOf(withId, 'a@example.com', Buffer.from(''))).toBe('id:<x@example.com>');
    const plain = await readEmail(raw(['From: a@example.com', 'Subject: s', '', 'hi', '']));
    const again = await readEmail(raw(['Received: by relay2', 'From: a@example.com', 'Subject: s', '', 'hi', '']));
    expect(dedupeKeyOf(plain, 'a@example.com', Buffer.from('1'))).toBe(dedupeKeyOf(again, 'a@example.com', Buffer.from('2')));
    expect(dedupeKeyOf(plain, 'b@example.com', Buffer.from('1'))).not.toBe(dedupeKeyOf(plain, 'a@example.com', Buffer.from('1')));
    expect(clientIdOf('id:<x@example.com>')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
