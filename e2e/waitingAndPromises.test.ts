import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { DEMO_PEOPLE, launchChromium, screenshots, signInAs, startWarmline, visitorSends, type Warmline } from './harness.ts';

const PASSWORD = 'warmline-demo';
const people = DEMO_PEOPLE;

let warmline: Warmline;
let browser: Browser;

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

async function newPage(): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
}

async function visitorWrites(text: string): Promise<Page> {
  const visitor = await newPage();
  await visitor.goto(`${warmline.url}/demo`);
  await visitor.locator('[data-testid="wl-launcher"]').click();
  await visitorSends(visitor, text);
  return visitor;
}

async function signIn(name: keyof typeof people): Promise<Page> {
  const page = await newPage();
  await signInAs(page, warmline.url, { email: people[name], password: PASSWORD });
  return page;
}

describe('promises and waiting, as people see them in Chromium', () => {
  it('a visitor books a callback for later, and the person named in the promise finds it in Mine with its window', async () => {
    const caller = await visitorWrites('Could someone call me about a christening cake?');
    await caller.locator('[data-testid="wl-choices"]').waitFor({ timeout: 10_000 });
    await caller.locator('[data-testid="wl-choice-callback"]').click();
    await caller.locator('[data-testid="wl-callback-phone"]').fill('+254 712 345 678');
    // The last window offered is hours away: the promise is booked, not yet due.
    const last = caller.locator('[data-testid="wl-callback-window"] option').last();
    await last.waitFor({ state: 'attached' });
    const label = (await last.innerText()).trim();
    await caller.locator('[data-testid="wl-callback-window"]').selectOption((await last.getAttribute('value'))!);
    await caller.locator('[data-testid="wl-callback-submit"]').click();
    const confirmation = caller.locator('[data-testid="wl-callback-confirmation"]');
    await confirmation.waitFor();
    const text = await confirmation.innerText();
    const owner = Object.keys(people).find((name) => text.startsWith(name)) as keyof typeof people;
    expect(owner).toBeDefined();

    const ownerPage = await signIn(owner);
    await ownerPage.locator('[data-testid="inbox-tab-mine"]').click();
    const row = ownerPage.locator('[data-testid="conversation-row"]', { hasText: 'christening cake' });
    await row.waitFor({ timeout: 10_000 });
    const chip = row.locator('[data-testid="callback-chip"]');
    expect(await chip.getAttribute('data-status')).toBe('scheduled');
    const window = label.match(/\d{2}:\d{2}\s*[–-]\s*\d{2}:\d{2}/)?.[0].replace(/\s/g, '');
    expect(window).toBeDefined();
    expect((await chip.innerText()).replace(/\s/g, '')).toContain(window!);
    await row.click();
    // Theirs, not "Nobody has this yet".
    await expect.poll(() => ownerPage.locator('[data-testid="conversation-assignee"]').innerText()).toMatch(/^You\b/);
    await shot(ownerPage, 'agent-callback-promised-mine');
    const conversationId = ownerPage.url().split('/').pop()!;

    // The supervisor sees the promise, and whose it is.
    const priya = await signIn('Priya Nair');
    await priya.locator('[data-testid="nav-supervisor"]').click();
    const promise = priya.locator(`[data-testid="promise-row"][data-conversation-id="${conversationId}"]`);
    await promise.waitFor({ timeout: 10_000 });
    expect(await promise.locator('[data-testid="promise-owner"]').innerText()).toContain(owner);
    await shot(priya, 'supervisor-promised-callbacks');
  });

  it('a customer routed to someone who has not answered yet is waiting on the inbox and on the live queue alike', async () => {
    const jonasApi = await apiSession(warmline.url, people['Jonas Berg'], PASSWORD);
    await jonasApi.put('/api/v1/agents/me/presence', { presence: 'available' });
    await visitorWrites('Hello, do you have sourdough today?');
    await expect
      .poll(
        async () =>
          (
            (await jonasApi.get('/api/v1/conversations?view=mine')) as { conversations: Array<{ lastMessage: { body: string } }> }
          ).conversations.some((c) => c.lastMessage.body.includes('sourdough')),
        { timeout: 10_000 },
      )
      .toBe(true);

    const priya = await signIn('Priya Nair');
    const inboxCount = priya.locator('[data-testid="inbox-count-waiting"]');
    await expect.poll(async () => Number(await inboxCount.innerText()), { timeout: 10_000 }).toBeGreaterThan(0);
    const inInbox = Number(await inboxCount.innerText());
    await priya.locator('[data-testid="nav-supervisor"]').click();
    const queueCount = priya.locator('[data-testid="queue-count"]');
    await expect.poll(() => queueCount.innerText(), { timeout: 10_000 }).toMatch(/^\d+$/);
    expect(Number(await queueCount.innerText())).toBe(inInbox);
    const routed = priya.locator('[data-testid="queue-row"] [data-testid="queue-with"]', { hasText: 'Jonas Berg' });
    expect(await routed.count()).toBeGreaterThan(0);
    await shot(priya, 'supervisor-waiting-routed');
  });
});
