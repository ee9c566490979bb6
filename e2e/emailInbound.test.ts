import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dovecot, startDovecot } from '../apps/server/src/testing/dovecot.ts';
import { type Mail, sendMailTo } from '../apps/server/src/testing/mailCatcher.ts';
import { type MailRelay, startMailRelay } from '../apps/server/src/testing/mailRelay.ts';
import { apiSession } from './api.ts';
import { DEMO_AGENT, launchChromium, screenshots, signInAs, startWarmline, type Warmline } from './harness.ts';
import { photo } from './picture.ts';
import { freePort } from './warmlineProcess.ts';

const SAM = 'sam.baker@example.com';
const HELP = 'hello@juniper-rye.example';
/** The business's mailbox that replies' addresses (`reply+<token>@…`) reach, read by Warmline over IMAP. */
const REPLIES = 'reply@juniper-rye.example';
/** A customer who sends files. */
const PRIYA = 'priya.shah@example.com';
const PASSWORDS: Record<string, string> = {
  [SAM]: 'sams-password',
  [REPLIES]: 'replies-password',
  [PRIYA]: 'priyas-password',
};

let warmline: Warmline;
let relay: MailRelay;
let browser: Browser;
let inboundPort: number;
let dovecot: Dovecot;
/** Requests for the email's one image, which must wait until the agent asks for images. */
let imageRequests = 0;

beforeAll(async () => {
  inboundPort = await freePort();
  dovecot = await startDovecot();
  // Sam's own mailbox, and the business's replies mailbox: the relay delivers into them.
  for (const [user, password] of Object.entries(PASSWORDS)) dovecot.addUser(user, password);
  relay = await startMailRelay(dovecot, PASSWORDS);
  // A mailbox whose password was changed at the mail server: Warmline still has the old one.
  dovecot.addUser('orders@juniper-rye.example', 'the-new-password');
  warmline = await startWarmline({
    demo: true,
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(relay.port),
      SMTP_FROM: HELP,
      INBOUND_SMTP_PORT: String(inboundPort),
      // Room for a file over the 10 MiB a file kept from an email (base64 grows it by a third).
      INBOUND_SMTP_MAX_BYTES: String(20 * 1024 * 1024),
      INBOUND_EMAIL_ADDRESSES: `${HELP}=demo`,
      JOBS_POLL_MS: '200',
      INBOUND_IMAP_MAILBOXES: [
        `imap://orders%40juniper-rye.example:the-old-password@127.0.0.1:${dovecot.port}/INBOX=demo`,
        `imap://reply%40juniper-rye.example:${PASSWORDS[REPLIES]}@127.0.0.1:${dovecot.port}/INBOX=demo`,
      ].join(','),
      INBOUND_IMAP_POLL_SECONDS: '2',
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
  await relay?.close();
  await dovecot?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

const sendToWarmline = (mail: Mail) => sendMailTo(inboundPort, mail);

/** Sam's INBOX, read over IMAP as Sam's mail program reads it, once it holds `count` emails. */
async function samsInbox(count: number): Promise<ParsedMail[]> {
  const until = Date.now() + 20_000;
  for (;;) {
    const raws = await dovecot.messages(SAM, PASSWORDS[SAM]!);
    if (raws.length >= count) return Promise.all(raws.map((raw) => simpleParser(raw)));
    if (Date.now() > until) throw new Error(`expected ${count} emails in Sam's mailbox, found ${raws.length}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A picture on a web server: Warmline's own here (the app's page policy lets frames load images only from https: and itself). */
const imageUrl = () => `${warmline.url}/avatars/jonas.svg?from=email`;

describe('an email that reaches a person, in Chromium', () => {
  it('arrives by SMTP, is read as text or as written (sandboxed, images blocked), answered, and answered back', async () => {
    const first = await sendToWarmline({
      from: { name: 'Sam <b>Baker</b>', address: SAM },
      to: HELP,
      subject: 'Sourdough for <i>Saturday</i>?',
      text: 'Hello! Could you keep two sourdough loaves for me on Saturday morning?\n\nThanks,\nSam\n\nOn Friday, Juniper & Rye wrote:\n> Our weekend bake is out now.',
      html: [
        '<h2>Hello!</h2>',
        '<p>Could you keep <b>two sourdough loaves</b> for me on <i>Saturday morning</i>?</p>',
        `<p><img src="${imageUrl()}" alt="The baker I met" width="90" height="90"></p>`,
        '<table border="1"><tr><th>Loaf</th><th>How many</th></tr><tr><td>Sourdough</td><td>2</td></tr></table>',
        '<p onclick="alert(1)">Thanks, Sam</p><script>alert(1)</script>',
        '<blockquote>Our weekend bake is out now.</blockquote>',
      ].join('\n'),
    });

    // The customer is told at once who will answer, by when: it is in their mailbox.
    const [ack] = await samsInbox(1);
    expect(ack!.text).toMatch(/will answer you by/);
    expect(ack!.inReplyTo).toBe(first.messageId);

    const api = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const listed = (await api.get('/api/v1/conversations?view=all')) as {
      conversations: Array<{ id: string; customer: { email: string | null } }>;
    };
    const conversation = listed.conversations.find((c) => c.customer.email === SAM)!;
    expect(conversation).toBeDefined();

    const page = await browser.newContext({ viewport: { width: 1280, height: 860 } }).then((c) => c.newPage());
    page.on('request', (request) => {
      if (request.url().includes('from=email')) imageRequests++;
    });
    await signInAs(page, warmline.url, DEMO_AGENT);
    await page.goto(`${warmline.url}/app/conversations/${conversation.id}`);
    const email = page.locator('[data-testid="email-body"]').first();
    await email.waitFor({ timeout: 10_000 });
    // Text first: the subject and the customer's words, the quoted history folded.
    expect(await email.innerText()).toContain('Sourdough for <i>Saturday</i>?');
    expect(await email.innerText()).not.toContain('Our weekend bake is out now');
    await shot(page, 'email-text');
    await email.locator('[data-testid="email-quoted"]').click();
    expect(await email.innerText()).toContain('Our weekend bake is out now');
    await email.locator('[data-testid="email-quoted"]').click();

    // As written: in a frame sandboxed from everything, its remote image blocked.
    await email.locator('[data-testid="email-original"]').click();
    const frame = email.locator('[data-testid="email-frame"]');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const inside = page.frameLocator('[data-testid="email-frame"]');
    await expect.poll(() => inside.locator('b').first().innerText()).toBe('two sourdough loaves');
    expect(await inside.locator('script').count()).toBe(0);
    expect(await inside.locator('[onclick]').count()).toBe(0);
    expect(await inside.locator('blockquote').isVisible()).toBe(false);
    expect(imageRequests).toBe(0);
    // Subject and sender as text above the frame, never markup.
    expect(await email.locator('[data-testid="email-headers"]').innerText()).toContain(
      'Sam <b>Baker</b> <sam.baker@example.com>',
    );
    await email.locator('[data-testid="email-headers"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'email-original-images-blocked');

    await email.locator('[data-testid="email-load-images"]').click();
    await expect.poll(() => imageRequests, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => inside.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await shot(page, 'email-original-images-loaded');

    // The agent answers from the app: the reply reaches Sam's mailbox, threaded under Sam's email (after the
    // acknowledgement, the last email of the thread it answers).
    await page.locator('[data-testid="composer"]').fill('Hi Sam, two sourdough loaves are set aside for Saturday morning.');
    await page.locator('[data-testid="send-button"]').click();
    const reply = (await samsInbox(2))[1]!;
    expect(reply.text).toContain('two sourdough loaves are set aside');
    expect(reply.from!.value[0]!.address).toBe(HELP);
    expect(reply.subject).toBe('Re: Sourdough for <i>Saturday</i>?');
    expect([reply.references].flat()).toEqual([first.messageId, ack!.messageId]);
    expect(reply.inReplyTo).toBe(ack!.messageId);
    expect(relay.delivered.filter((d) => d.mailbox === SAM)).toHaveLength(2);

    // Sam answers it from their mail program, through their provider's relay: the answer is delivered to the
    // business's replies mailbox, Warmline reads it there by IMAP, and it lands in the same conversation, live.
    const answer = await sendMailTo(relay.port, {
      from: SAM,
      to: reply.replyTo!.value[0]!.address!,
      subject: `Re: ${reply.subject}`,
      text: 'Wonderful, see you on Saturday!',
      inReplyTo: reply.messageId,
      references: [first.messageId!, ack!.messageId!, reply.messageId!],
    });
    expect(relay.delivered.at(-1)).toEqual({ mailbox: REPLIES, from: SAM });
    await page
      .locator('[data-testid="timeline-entry"]')
      .filter({ hasText: 'Wonderful, see you on Saturday!' })
      .waitFor({ timeout: 20_000 });
    const after = (await api.get('/api/v1/conversations?view=all')) as typeof listed;
    expect(after.conversations.filter((c) => c.customer.email === SAM).map((c) => c.id)).toEqual([conversation.id]);
    // Marked read in the replies mailbox once stored.
    await expect
      .poll(async () => (await dovecot.flags(REPLIES, PASSWORDS[REPLIES]!)).find((m) => m.messageId === answer.messageId)?.seen, {
        timeout: 10_000,
      })
      .toBe(true);
  }, 120_000);

  it("shows an email's files on the timeline like a chat's, and names the one too large to keep", async () => {
    const receipt = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await sendToWarmline({
      from: { name: 'Priya Shah', address: PRIYA },
      to: HELP,
      subject: 'A loaf like this one for Saturday?',
      text: "Hello! Could you bake a rye loaf shaped like the one in the photo for Saturday? Last year's receipt is attached, and a short video of it.\n\nPriya",
      attachments: [
        { filename: 'rye-loaf.png', content: photo(), contentType: 'image/png' },
        { filename: '../../receipt-0412.pdf', content: receipt, contentType: 'application/pdf' },
        { filename: 'loaf-video.mov', content: Buffer.alloc(11 * 1024 * 1024, 1), contentType: 'video/quicktime' },
      ],
    });
    const api = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const listed = (await api.get('/api/v1/conversations?view=all')) as {
      conversations: Array<{ id: string; customer: { email: string | null } }>;
    };
    const conversation = listed.conversations.find((c) => c.customer.email === PRIYA)!;
    expect(conversation).toBeDefined();

    const page = await browser.newContext({ viewport: { width: 1280, height: 860 } }).then((c) => c.newPage());
    await signInAs(page, warmline.url, DEMO_AGENT);
    await page.goto(`${warmline.url}/app/conversations/${conversation.id}`);
    const files = page.locator('[data-testid="entry-files"]').first();
    await files.waitFor({ timeout: 10_000 });
    // The photo shown from its bytes, the receipt a download under its cleaned name.
    await expect
      .poll(() => files.locator('[data-testid="entry-image"]').evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(240);
    expect(await files.locator('[data-testid="entry-file"]').innerText()).toContain('receipt-0412.pdf');
    const notKept = page.locator('[data-testid="timeline-entry"]').filter({ hasText: 'Not kept from this email' });
    expect(await notKept.innerText()).toContain('loaf-video.mov (11 MB, over the 10 MB limit for one file)');
    await files.evaluate((el) => el.closest('[data-testid="timeline-entry"]')?.scrollIntoView({ block: 'center' }));
    await shot(page, 'email-attachments');
  });

  it('a mailbox whose password stopped working shows in Settings › Email', async () => {
    const page = await browser.newContext({ viewport: { width: 1280, height: 720 } }).then((c) => c.newPage());
    await signInAs(page, warmline.url, DEMO_AGENT);
    await page.goto(`${warmline.url}/app/settings/email`);
    const mailbox = page.locator('[data-testid="mailbox"]');
    // The reader tries as soon as the demo workspace exists; the page shows what it last heard.
    await expect
      .poll(
        async () => {
          await page.reload();
          await mailbox.first().waitFor();
          return mailbox.first().getAttribute('data-status');
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe('sign_in_refused');
    expect(await mailbox.first().innerText()).toMatch(
      /orders@juniper-rye\.example@127\.0\.0\.1:\d+\/INBOX[\s\S]*Sign-in refused/,
    );
    expect(await mailbox.first().innerText()).not.toContain('the-old-password');
    // The replies mailbox beside it, read since the start, is shown working.
    expect(await mailbox.nth(1).getAttribute('data-status')).toBe('reading');
    await shot(page, 'email-mailbox-sign-in-refused');

    // It is also an alert on the live queue, beside customers' alerts, leading to the mailbox's settings.
    await page.goto(`${warmline.url}/app/supervisor`);
    const alert = page.locator('[data-testid="alerts-card"] [data-testid="alert"][data-kind="mailbox_failing"]');
    await alert.waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="alert"][data-kind="mailbox_failing"]').count()).toBe(1);
    expect(await alert.locator('[data-testid="alert-customer"]').innerText()).toBe('Email');
    const said = await alert.locator('[data-testid="alert-text"]').innerText();
    expect(said).toMatch(
      /^The mailbox orders@juniper-rye\.example@127\.0\.0\.1:\d+\/INBOX cannot be read: The mail server refused the sign-in/,
    );
    expect(said).not.toContain('the-old-password');
    await alert.scrollIntoViewIfNeeded();
    await shot(page, 'email-mailbox-alert');
    await alert.locator('[data-testid="alert-open"]').click();
    await page.waitForURL(/\/app\/settings\/email$/);
  }, 60_000);
});
