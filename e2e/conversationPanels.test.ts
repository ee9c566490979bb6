import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { DEMO_AGENT, launchChromium, screenshots, startWarmline, visitorSends, type Warmline } from './harness.ts';

const JONAS = { email: 'jonas@juniper-rye.example', password: 'warmline-demo' };
const FIRST = 'Thank you so much, the bread was lovely last week!';
const ANGRY = 'This is ridiculous. Third time asking and NOBODY answers!!';
const COLD_DRAFT = 'Refunds take 5-7 business days as per our policy.';

/** The windows, and the share of their height the messages keep with a handoff, the checklist and an alert open. */
const sizes = {
  desktop: { width: 1280, height: 800, messagesShare: 0.4 },
  // A phone also gives a line to its menu bar and one to the alert: a third of the screen still reads as a chat.
  phone: { width: 390, height: 844, messagesShare: 0.35 },
} as const;

let warmline: Warmline;
let browser: Browser;
let visitor: Page;
const amina: Partial<Record<keyof typeof sizes, Page>> = {};
let conversationId: string;

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

async function pageOf(size: keyof typeof sizes): Promise<Page> {
  const { width, height } = sizes[size];
  return (await browser.newContext({ viewport: { width, height } })).newPage();
}

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Everything drawn above the page's flow (fixed pop-ups such as alert notices), as the boxes it paints. */
function overlays(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const style = getComputedStyle(el);
        return style.position === 'fixed' && style.visibility !== 'hidden' && el.getClientRects().length > 0;
      })
      .flatMap((el) => {
        // A pass-through container paints only its children.
        const painted = getComputedStyle(el).pointerEvents === 'none' ? [...el.children] : [el];
        return painted.map((p) => {
          const r = p.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        });
      })
      .filter((b) => b.width > 0 && b.height > 0),
  );
}

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  expect(b, selector).not.toBeNull();
  return b!;
}

describe('the conversation keeps its place beside the panels, in Chromium', () => {
  it('a customer with a service failure is handed to Amina with a note', async () => {
    visitor = await pageOf('desktop');
    await visitor.goto(`${warmline.url}/demo`);
    await visitor.locator('[data-testid="wl-launcher"]').click();
    await visitorSends(visitor, FIRST);

    const jonas = await apiSession(warmline.url, JONAS.email, JONAS.password);
    await jonas.put('/api/v1/agents/me/presence', { presence: 'available' });
    await expect
      .poll(
        async () => {
          const mine = (await jonas.get('/api/v1/conversations?view=mine')) as {
            conversations: Array<{ id: string; lastMessage: { body: string } | null }>;
          };
          conversationId = mine.conversations.find((c) => c.lastMessage?.body.includes('bread was lovely'))?.id ?? '';
          return conversationId;
        },
        { timeout: 10_000 },
      )
      .not.toBe('');
    for (const body of [
      'Hello! I am Jonas, glad you liked it.',
      'What can I do for you today?',
      'Let me look up your Saturday order.',
      'I see it here: one sourdough, two rye.',
      'It should have left the bakery this morning.',
      'I am checking with the driver now.',
    ]) {
      await jonas.post(`/api/v1/conversations/${conversationId}/messages`, { clientId: crypto.randomUUID(), body });
    }
    await jonas.post(`/api/v1/conversations/${conversationId}/service-failure`, {
      reason: 'The Saturday order never left the bakery',
    });
    const aminaApi = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
    await jonas.post(`/api/v1/conversations/${conversationId}/transfer`, {
      toAgentId: aminaApi.agentId,
      note: 'Saturday order missed; she has been patient, please arrange a redelivery and a refund of the delivery fee.',
      reason: 'Amina handles deliveries and can arrange a new one today.',
    });

    for (const size of Object.keys(sizes) as Array<keyof typeof sizes>) {
      const page = await pageOf(size);
      await page.goto(`${warmline.url}/app/sign-in`);
      await page.locator('[data-testid="sign-in-email"]').fill(DEMO_AGENT.email);
      await page.locator('[data-testid="sign-in-password"]').fill(DEMO_AGENT.password);
      await page.locator('[data-testid="sign-in-submit"]').click();
      await page.locator('[data-testid="presence-switch"]').first().waitFor({ state: 'attached' });
      await page.goto(`${warmline.url}/app/conversations/${conversationId}`);
      await page.locator('[data-testid="handoff-banner"]').waitFor({ timeout: 10_000 });
      await page.locator('[data-testid="recovery-card"]').waitFor({ timeout: 10_000 });
      amina[size] = page;
    }
  });

  it('an angry message raises a mood alert while Amina writes a reply the coach comments on', async () => {
    await visitorSends(visitor, ANGRY);
    for (const page of Object.values(amina)) {
      await page
        .locator('[data-testid="alert-notices"] [data-testid="alert"][data-kind="mood_drop"]')
        .waitFor({ timeout: 10_000 });
      await page.locator('[data-testid="timeline-entry"]', { hasText: 'NOBODY answers' }).waitFor({ timeout: 10_000 });
      await page.locator('[data-testid="composer"]').fill(COLD_DRAFT);
      await page.locator('[data-testid="coach-hints"] [data-rule="acknowledge"]').waitFor();
    }
  });

  for (const size of Object.keys(sizes) as Array<keyof typeof sizes>) {
    it(`at ${sizes[size].width}×${sizes[size].height} the messages keep a usable height, the newest in view, and nothing covers the reply`, async () => {
      const page = amina[size]!;
      const viewport = sizes[size];
      await page.screenshot({ path: path.join(screenshots, `conversation-panels-${size}.png`) });

      const messages = await box(page, '.timeline-scroll');
      expect(messages.height).toBeGreaterThanOrEqual(viewport.messagesShare * viewport.height);
      // The newest entry comes into view (the list follows it as entries settle), wholly inside the list.
      const newestInView = async () => {
        const newest = await box(page, '[data-testid="timeline-entry"]:last-child');
        return newest.y >= messages.y - 1 && newest.y + newest.height <= messages.y + messages.height + 1;
      };
      await expect.poll(newestInView, { timeout: 5_000 }).toBe(true);
      expect(await page.locator('[data-testid="timeline-entry"]:last-child').innerText()).toContain('NOBODY answers');

      // The reply's controls are on screen, not pushed below it.
      const send = await box(page, '[data-testid="send-button"]');
      expect(send.y + send.height).toBeLessThanOrEqual(viewport.height);
      const working = await Promise.all(
        ['[data-testid="send-button"]', '[data-testid="composer"]', '[data-testid="coach-hints"]'].map((s) => box(page, s)),
      );
      // The mood alert is on screen, and neither it nor anything else is drawn over the reply.
      expect(await page.locator('[data-testid="alert"][data-kind="mood_drop"]').isVisible()).toBe(true);
      const drawnOver = [...(await overlays(page)), await box(page, '[data-testid="alert"][data-kind="mood_drop"]')];
      for (const o of drawnOver) for (const w of working) expect(intersects(o, w), JSON.stringify({ o, w })).toBe(false);
    });
  }

  it('the panels fold to one line each and open again on a click', async () => {
    const page = amina.desktop!;
    for (const panel of ['recovery', 'handoff']) {
      const toggle = page.locator(`[data-testid="${panel}-toggle"]`);
      if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      const folded = await box(page, `[data-testid="${panel === 'recovery' ? 'recovery-card' : 'handoff-banner'}"]`);
      expect(folded.height).toBeLessThanOrEqual(64);
    }
    // Folded, the handoff still offers Accept: taking it needs no unfolding.
    expect(await page.locator('[data-testid="transfer-accept"]').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshots, 'conversation-panels-folded.png') });
    await page.locator('[data-testid="handoff-toggle"]').click();
    await page.locator('[data-testid="handoff-note"]').waitFor();
  });

  it('scrolled up to read, the agent keeps their place as a message arrives; back at the bottom, the list follows again', async () => {
    const page = amina.desktop!;
    const list = page.locator('.timeline-scroll');
    await list.evaluate((el) => el.scrollTo({ top: 0 }));
    await visitorSends(visitor, 'Are you still there?');
    await page.locator('[data-testid="timeline-entry"]', { hasText: 'Are you still there?' }).waitFor({ state: 'attached' });
    expect(await list.evaluate((el) => el.scrollTop)).toBe(0);

    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await visitorSends(visitor, 'Hello?');
    const newest = page.locator('[data-testid="timeline-entry"]', { hasText: 'Hello?' });
    await newest.waitFor();
    await expect
      .poll(async () => {
        const [l, n] = [await list.boundingBox(), await newest.boundingBox()];
        return !!l && !!n && n.y + n.height <= l.y + l.height + 1;
      })
      .toBe(true);
  });

  it('a draft over the length limit is refused before sending, and says by how much', async () => {
    const page = amina.desktop!;
    const composer = page.locator('[data-testid="composer"]');
    await composer.fill('x'.repeat(100_000));
    const note = page.locator('[data-testid="composer-length"]');
    await expect.poll(() => note.innerText()).toMatch(/^Far too long to send: 100,000 characters, 10 times the 10,000/);
    expect(await page.locator('[data-testid="send-button"]').isDisabled()).toBe(true);
    await composer.press('Enter');
    expect(await page.locator('[data-testid="pending-entry"], [data-testid="timeline-entry"][data-failed]').count()).toBe(0);
    await composer.fill('x'.repeat(10_050));
    await expect.poll(() => note.innerText()).toBe('A little too long to send: 50 characters over the 10,000 limit.');
    await composer.fill('Sorry for the wait — I am arranging a new delivery now.');
    expect(await page.locator('[data-testid="send-button"]').isDisabled()).toBe(false);
  });
});
