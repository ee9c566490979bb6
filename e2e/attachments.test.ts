import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { DEMO_AGENT, launchChromium, screenshots, signInAs, startWarmline, visitorSends, type Warmline } from './harness.ts';
import { photo } from './picture.ts';

/** The windows both sides are tried at: a laptop, and a phone held upright. */
const sizes = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;

let warmline: Warmline;
let browser: Browser;
let amina: Awaited<ReturnType<typeof apiSession>>;

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  amina = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const receipt = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** True once the image has loaded and has a size: its bytes were served and decoded. */
const loaded = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth);

async function conversationOf(text: string): Promise<string> {
  let id = '';
  await expect
    .poll(
      async () => {
        const all = (await amina.get('/api/v1/conversations?view=all')) as {
          conversations: Array<{ id: string; lastMessage: { body: string } | null }>;
        };
        id = all.conversations.find((c) => c.lastMessage?.body.includes(text))?.id ?? '';
        return id;
      },
      { timeout: 10_000 },
    )
    .not.toBe('');
  return id;
}

describe('attachments in the widget and the agent app, in Chromium', () => {
  for (const [size, viewport] of Object.entries(sizes) as Array<[keyof typeof sizes, (typeof sizes)[keyof typeof sizes]]>) {
    it(`at ${viewport.width} wide: a customer sends a photo the agent sees inline, and the agent's PDF reaches the customer as a download`, async () => {
      const visitor = await (await browser.newContext({ viewport })).newPage();
      await visitor.goto(`${warmline.url}/demo`);
      await visitor.locator('[data-testid="wl-launcher"]').click();
      const opening = `Is this the right shade for my Alder floor lamp? (${size})`;
      await visitorSends(visitor, opening);
      const conversationId = await conversationOf(opening);

      // The customer chooses a photo: it uploads at once, then goes with the message, with no words needed.
      await visitor
        .locator('[data-testid="wl-file-input"]')
        .setInputFiles({ name: 'lamp-shade.png', mimeType: 'image/png', buffer: photo() });
      await visitor.locator('[data-testid="wl-draft"]', { hasText: 'KB' }).waitFor();
      await visitor.locator('[data-testid="wl-send"]').click();
      await expect.poll(() => loaded(visitor, '[data-testid="wl-image"]'), { timeout: 10_000 }).toBe(240);
      await expect.poll(() => visitor.locator('[data-testid="wl-drafts"]').isHidden()).toBe(true);

      // The agent sees the photo inline on the conversation.
      const agent = await (await browser.newContext({ viewport })).newPage();
      await signInAs(agent, warmline.url, DEMO_AGENT);
      await agent.goto(`${warmline.url}/app/conversations/${conversationId}`);
      await agent.locator('[data-testid="timeline-entry"]', { hasText: 'right shade' }).waitFor({ timeout: 10_000 });
      await expect.poll(() => loaded(agent, '[data-testid="entry-image"]'), { timeout: 10_000 }).toBe(240);

      // A file too big is refused before it is sent, with a line that says why.
      await agent
        .locator('[data-testid="attach-input"]')
        .setInputFiles({ name: 'unboxing.mov', mimeType: 'video/quicktime', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
      await expect
        .poll(() => agent.locator('[data-testid="attach-error"]').innerText())
        .toBe('unboxing.mov: This file is over the 10 MB limit.');

      // The agent sends the receipt as a PDF with a word or two.
      await agent
        .locator('[data-testid="attach-input"]')
        .setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: receipt });
      await agent
        .locator('[data-testid="attach-chip"]', { hasText: 'receipt.pdf' })
        .filter({ hasNotText: 'Uploading' })
        .waitFor();
      await agent.locator('[data-testid="attach-error"]').waitFor({ state: 'detached' });
      await agent
        .locator('[data-testid="composer"]')
        .fill("Yes, that's the one. Here is the receipt for your order, in case you need it.");
      await agent.locator('[data-testid="send-button"]').click();
      // Stored and acknowledged: on the timeline itself, no longer pending.
      await agent
        .locator('[data-testid="timeline-entry"] [data-testid="entry-file"]', { hasText: 'receipt.pdf' })
        .waitFor({ timeout: 10_000 });
      await agent.screenshot({ path: path.join(screenshots, `attachments-agent-${size}.png`) });

      // The customer sees the receipt as a link with its name and size, and it downloads as receipt.pdf.
      const link = visitor.locator('[data-testid="wl-file"]', { hasText: 'receipt.pdf' });
      await link.waitFor({ timeout: 10_000 });
      expect(await link.innerText()).toMatch(/receipt\.pdf\s*\d+ B/);
      await visitor.screenshot({ path: path.join(screenshots, `attachments-widget-${size}.png`) });
      const [download] = await Promise.all([visitor.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('receipt.pdf');
      expect(fs.readFileSync(await download.path()).equals(receipt)).toBe(true);

      // A file whose bytes are not of an accepted kind is refused by the server, and the widget says so.
      await visitor.locator('[data-testid="wl-file-input"]').setInputFiles({
        name: 'setup.exe',
        mimeType: 'application/x-msdownload',
        buffer: Buffer.from('MZ\u0090\u0000\u0003\u0000\u0000\u0000'),
      });
      await expect
        .poll(() => visitor.locator('[data-testid="wl-attach-error"]').innerText(), { timeout: 10_000 })
        .toContain('setup.exe: This kind of file is not accepted');
      if (size === 'phone') await visitor.screenshot({ path: path.join(screenshots, 'attachments-widget-refused-phone.png') });
      await visitor.context().close();
      await agent.context().close();
    });
  }
});
