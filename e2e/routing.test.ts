import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { DEMO_PEOPLE, launchChromium, screenshots, signInAs, startWarmline, visitorSends, type Warmline } from './harness.ts';

const PASSWORD = 'warmline-demo';
const people = DEMO_PEOPLE;

let warmline: Warmline;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Offer the half hour under way however little of it is left, so the callback below always falls due at once.
  warmline = await startWarmline({ demo: true, env: { CALLBACK_MIN_LEAD_MINUTES: '0' } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  return context.newPage();
}

/** A visitor on the demo shop who opens the chat and writes. */
async function visitorWrites(text: string, page?: Page): Promise<Page> {
  const visitor = page ?? (await newPage());
  if (!page) {
    await visitor.goto(`${warmline.url}/demo`);
    await visitor.locator('[data-testid="wl-launcher"]').click();
  }
  await visitorSends(visitor, text);
  return visitor;
}

async function agentSignsIn(name: keyof typeof people): Promise<Page> {
  const page = await newPage();
  await signInAs(page, warmline.url, { email: people[name], password: PASSWORD });
  return page;
}

const systemLines = (visitor: Page) => visitor.locator('[data-testid="wl-system-line"]');

describe('human-first routing, in Chromium', () => {
  let visitor: Page;
  let amina: Page;
  let jonas: Page;

  it('with nobody on shift, a visitor books a callback and it lands in the named owner’s queue when the window opens', async () => {
    const caller = await visitorWrites('Could someone call me about a wedding cake?');
    await caller.locator('[data-testid="wl-choices"]').waitFor({ timeout: 10_000 });
    await caller.locator('[data-testid="wl-choice-callback"]').click();
    await caller.locator('[data-testid="wl-callback-phone"]').fill('+254 712 345 678');
    const firstWindow = caller.locator('[data-testid="wl-callback-window"] option').first();
    await firstWindow.waitFor({ state: 'attached' });
    await caller.locator('[data-testid="wl-callback-window"]').selectOption((await firstWindow.getAttribute('value'))!);
    await shot(caller, 'widget-callback-choice');
    await caller.locator('[data-testid="wl-callback-submit"]').click();
    const confirmation = caller.locator('[data-testid="wl-callback-confirmation"]');
    await confirmation.waitFor();
    const text = await confirmation.innerText();
    expect(text).toContain('will call you on +254712345678');
    await shot(caller, 'widget-callback-booked');

    // The window chosen starts now, so the promise falls due at once: the named owner finds it as a task.
    const owner = Object.keys(people).find((name) => text.includes(name)) as keyof typeof people;
    expect(owner).toBeDefined();
    const ownerPage = await agentSignsIn(owner);
    await ownerPage.locator('[data-testid="inbox-tab-mine"]').click();
    const chip = ownerPage
      .locator('[data-testid="conversation-row"]', { hasText: 'wedding cake' })
      .locator('[data-testid="callback-chip"]');
    await expect.poll(() => chip.getAttribute('data-status'), { timeout: 15_000 }).toBe('due');
    expect(await chip.innerText()).toMatch(/call now/i);
    await shot(ownerPage, 'agent-callback-due');
  });

  it('a visitor sees an honest, live wait range, then the named person who joins', async () => {
    const aminaApi = await apiSession(warmline.url, people['Amina Odhiambo'], PASSWORD);
    await aminaApi.patch(`/api/v1/agents/${aminaApi.agentId}`, { capacity: { chat: 1 } });
    // Start from a free Amina, whoever owned the callback above.
    const open = (await aminaApi.get('/api/v1/conversations?view=mine')) as { conversations: Array<{ id: string }> };
    for (const c of open.conversations) await aminaApi.post(`/api/v1/conversations/${c.id}/resolve`);
    amina = await agentSignsIn('Amina Odhiambo');
    await amina.locator('[data-testid="presence-switch"]').selectOption('available');

    // Amina takes a first customer and is then full: the next one waits, and is told honestly for how long.
    const first = await visitorWrites('Do you deliver on Sundays?');
    await first.locator('[data-testid="wl-agent-name"]').filter({ hasText: 'Amina Odhiambo' }).waitFor({ timeout: 10_000 });
    visitor = await visitorWrites('Hello! I would like to order a birthday cake for Saturday.');
    const status = visitor.locator('[data-testid="wl-status"]');
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(/about (a minute|\d+–\d+ minutes)/);
    await shot(visitor, 'widget-wait-range');

    const busy = (await aminaApi.get('/api/v1/conversations?view=mine')) as {
      conversations: Array<{ id: string; lastMessage: { body: string } }>;
    };
    const sunday = busy.conversations.find((c) => c.lastMessage.body.includes('Sundays'))!;
    await aminaApi.post(`/api/v1/conversations/${sunday.id}/resolve`);
    await visitor.locator('[data-testid="wl-agent-name"]').filter({ hasText: 'Amina Odhiambo' }).waitFor({ timeout: 10_000 });
    await systemLines(visitor).filter({ hasText: 'Amina Odhiambo is joining.' }).waitFor();

    await amina.locator('[data-testid="conversation-row"]', { hasText: 'birthday cake' }).click();
    await amina.locator('[data-testid="composer"]').fill('Hi, I’m Amina! Which flavour would you like?');
    await amina.locator('[data-testid="send-button"]').click();
    await visitor.locator('[data-testid="wl-message"]').filter({ hasText: 'Which flavour' }).waitFor();
  });

  it('a warm transfer shows the receiver the handoff note and tells the customer who is joining and why', async () => {
    jonas = await agentSignsIn('Jonas Berg');
    await jonas.locator('[data-testid="presence-switch"]').selectOption('available');
    const jonasId = (
      (await (await apiSession(warmline.url, people['Jonas Berg'], PASSWORD)).get('/api/v1/auth/session')) as {
        agent: { id: string };
      }
    ).agent.id;

    const aminaApi = await apiSession(warmline.url, people['Amina Odhiambo'], PASSWORD);
    const mine = (await aminaApi.get('/api/v1/conversations?view=mine')) as {
      conversations: Array<{ id: string; lastMessage: { body: string } }>;
    };
    const cakeId = mine.conversations.find((c) => c.lastMessage.body.includes('Which flavour'))!.id;

    await amina.locator('[data-testid="transfer-button"]').click();
    await amina.locator('[data-testid="transfer-dialog"]').waitFor();
    await amina.locator('[data-testid="transfer-target"]').selectOption(`agent:${jonasId}`);
    await amina
      .locator('[data-testid="transfer-note"]')
      .fill('Birthday cake for Saturday, chocolate. Needs delivery to Kilimani before noon.');
    await amina.locator('[data-testid="transfer-reason"]').fill('he arranges our deliveries');
    await shot(amina, 'agent-transfer-dialog');
    await amina.locator('[data-testid="transfer-submit"]').click();

    await jonas.locator('[data-testid="inbox-tab-mine"]').click();
    const row = jonas.locator(`[data-testid="conversation-row"][data-conversation-id="${cakeId}"]`);
    await row.locator('[data-testid="transfer-badge"]').waitFor({ timeout: 10_000 });
    await row.click();
    const note = jonas.locator('[data-testid="handoff-note"]');
    await note.waitFor();
    expect(await note.innerText()).toContain('Needs delivery to Kilimani before noon.');
    // The whole story is there before saying hello.
    await jonas.locator('[data-testid="timeline-entry"]', { hasText: 'Which flavour' }).waitFor();
    await shot(jonas, 'agent-handoff');
    await jonas.locator('[data-testid="transfer-accept"]').click();

    await systemLines(visitor)
      .filter({ hasText: 'Jonas Berg is joining — he arranges our deliveries.' })
      .waitFor({ timeout: 10_000 });
    await visitor.locator('[data-testid="wl-agent-name"]').filter({ hasText: 'Jonas Berg' }).waitFor();
    expect(await systemLines(visitor).allInnerTexts()).not.toContain(expect.stringContaining('Kilimani'));
    expect(await visitor.locator('body').innerText()).not.toContain('Kilimani');
    await shot(visitor, 'widget-transfer');
  });

  it('a returning visitor is offered the person they spoke with last, even when someone else is less busy', async () => {
    const jonasApi = await apiSession(warmline.url, people['Jonas Berg'], PASSWORD);
    const mine = (await jonasApi.get('/api/v1/conversations?view=mine')) as {
      conversations: Array<{ id: string; lastMessage: { body: string } }>;
    };
    const cake = mine.conversations.find((c) => c.lastMessage.body.includes('Which flavour'))!;
    await jonasApi.post(`/api/v1/conversations/${cake.id}/resolve`);

    await visitorWrites('Sorry, one more thing — can you add candles?', visitor);
    await systemLines(visitor)
      .filter({ hasText: /Jonas Berg, who helped you .+, is joining\./ })
      .waitFor({ timeout: 10_000 });
    await visitor.locator('[data-testid="wl-agent-name"]').filter({ hasText: 'Jonas Berg' }).waitFor();
    await shot(visitor, 'widget-continuity');
  });

  it('a supervisor sees the live queue, everyone’s load and today’s time to human', async () => {
    // Amina steps away and Jonas is full: the next customer waits in the queue.
    await (await apiSession(warmline.url, people['Amina Odhiambo'], PASSWORD)).put('/api/v1/agents/me/presence', {
      presence: 'away',
    });
    const waiting = await visitorWrites('Is anyone there? My bread order is missing.');
    await waiting.locator('[data-testid="wl-status"]').waitFor();
    const priya = await agentSignsIn('Priya Nair');
    await priya.locator('[data-testid="nav-supervisor"]').click();
    const overview = (await (
      await apiSession(warmline.url, people['Priya Nair'], PASSWORD)
    ).get('/api/v1/supervisor/overview')) as {
      queue: Array<{ conversation: { id: string; lastMessage: { body: string } | null } }>;
    };
    const bread = overview.queue.find((q) => q.conversation.lastMessage?.body.includes('bread order'))!;
    await priya
      .locator(`[data-testid="queue-row"][data-conversation-id="${bread.conversation.id}"]`)
      .waitFor({ timeout: 10_000 });
    expect(await priya.locator('[data-testid="agent-load-row"]').count()).toBe(3);
    expect(await priya.locator('[data-testid="tth-median"]').innerText()).toMatch(/\d/);
    await shot(priya, 'agent-supervisor');
  });
});
