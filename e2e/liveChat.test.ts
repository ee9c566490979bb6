import path from 'node:path';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT, launchChromium, screenshots, startWarmline, type Warmline } from './harness.ts';

let warmline: Warmline;
let browser: Browser;
let agentContext: BrowserContext;
let visitorContext: BrowserContext;
let agent: Page;
let visitor: Page;

// Each side's socket goes through a switch so the test can drop and restore the connection.
let agentLinkUp = true;
const agentSockets = new Set<WebSocketRoute>();
let visitorLinkUp = true;
const visitorSockets = new Set<WebSocketRoute>();

/** Records desktop notifications and chimes instead of showing and playing them. */
const recordAlerts = () => {
  const w = window as unknown as { alertsSeen: { notifications: string[]; chimes: number } };
  w.alertsSeen = { notifications: [], chimes: 0 };
  class RecordedNotification {
    static permission = 'granted';
    static requestPermission = async () => 'granted';
    onclick: (() => void) | null = null;
    constructor(title: string) {
      w.alertsSeen.notifications.push(title);
    }
    close() {}
  }
  (window as unknown as { Notification: unknown }).Notification = RecordedNotification;
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    w.alertsSeen.chimes++;
    return createOscillator.call(this);
  };
};
const alertsSeen = () =>
  agent.evaluate(() => (window as unknown as { alertsSeen: { notifications: string[]; chimes: number } }).alertsSeen);

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  agentContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  visitorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  agent = await agentContext.newPage();
  visitor = await visitorContext.newPage();
  await agent.addInitScript(recordAlerts);
  await visitor.routeWebSocket(/\/ws\/visitor/, (ws) => {
    if (!visitorLinkUp) {
      ws.close({ code: 4000, reason: 'network down' });
      return;
    }
    ws.connectToServer();
    visitorSockets.add(ws);
  });
  await agent.routeWebSocket(/\/ws\/agent/, (ws) => {
    if (!agentLinkUp) {
      ws.close({ code: 4000, reason: 'network down' });
      return;
    }
    ws.connectToServer();
    agentSockets.add(ws);
  });
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });
const visitorMessages = () => visitor.locator('[data-testid="wl-message"]');

async function visitorSends(text: string) {
  await visitor.locator('[data-testid="wl-composer"]').fill(text);
  await visitor.locator('[data-testid="wl-send"]').click();
  await expect
    .poll(() => visitorMessages().filter({ hasText: text }).getAttribute('data-seq'), { timeout: 10_000 })
    .toMatch(/^\d+$/);
}

describe('live chat with a named human, in Chromium', () => {
  it('an agent signs in and goes available', async () => {
    await agent.goto(`${warmline.url}/app`);
    await agent.locator('[data-testid="sign-in-email"]').waitFor();
    await shot(agent, 'agent-sign-in');
    await agent.locator('[data-testid="sign-in-email"]').fill(DEMO_AGENT.email);
    await agent.locator('[data-testid="sign-in-password"]').fill(DEMO_AGENT.password);
    await agent.locator('[data-testid="sign-in-submit"]').click();
    await agent.locator('[data-testid="presence-switch"]').selectOption('available');
    await expect.poll(() => agent.locator('[data-testid="presence-switch"]').inputValue()).toBe('available');
  });

  it('a visitor on /demo writes, and the agent sees it appear live with the notification count', async () => {
    await agent.locator('[data-testid="inbox-tab-waiting"]').click();
    // How many wait now, from the server (the badge may not have loaded yet); the badge must then show one more.
    const waitingBefore = await agent.evaluate(
      async () => ((await (await fetch('/api/v1/conversations/counts')).json()) as { waiting: number }).waiting,
    );

    await visitor.goto(`${warmline.url}/demo`);
    await shot(visitor, 'demo-storefront');
    await visitor.locator('[data-testid="wl-launcher"]').click();
    await visitor.locator('[data-testid="wl-panel"]').waitFor();
    await visitorSends('Hello! Can I still order a birthday cake for Saturday?');

    const row = agent.locator('[data-testid="conversation-row"]').filter({ hasText: 'birthday cake for Saturday' });
    await row.waitFor({ timeout: 10_000 });
    await expect.poll(() => agent.locator('[data-testid="inbox-count-waiting"]').innerText()).toBe(String(waitingBefore + 1));
    await expect.poll(() => agent.title()).toMatch(/^\(\d+\) Warmline/);
    // Missed chats are the most common complaint: a desktop notification and a chime as well as the count.
    await expect.poll(async () => (await alertsSeen()).notifications.length).toBeGreaterThan(0);
    expect((await alertsSeen()).chimes).toBeGreaterThan(0);
    await visitor.locator('[data-testid="wl-agent-name"]').filter({ hasText: 'Amina' }).waitFor();
    await shot(agent, 'agent-inbox');
  });

  it('the agent replies and the visitor sees the reply under the agent’s name', async () => {
    await agent.locator('[data-testid="conversation-row"]').filter({ hasText: 'birthday cake for Saturday' }).click();
    await agent
      .locator('[data-testid="composer"]')
      .fill('Hi! I’m Amina. Yes — we bake them fresh on Saturday morning. What flavour?');
    await agent.locator('[data-testid="send-button"]').click();

    const reply = visitorMessages().filter({ hasText: 'What flavour?' });
    await reply.waitFor({ timeout: 10_000 });
    expect(await reply.getAttribute('data-direction')).toBe('out');
    expect(await visitor.locator('[data-testid="wl-agent-name"]').innerText()).toContain('Amina');
    await shot(visitor, 'widget-conversation');
    await shot(agent, 'agent-conversation');
  });

  it('after a reload the visitor sees the whole history exactly once', async () => {
    const before = await visitorMessages().allInnerTexts();
    await visitor.reload();
    await visitor.locator('[data-testid="wl-launcher"]').click();
    await visitorMessages().filter({ hasText: 'What flavour?' }).waitFor();
    const after = await visitorMessages().allInnerTexts();
    expect(after).toEqual(before);
    expect(after.filter((t) => t.includes('birthday cake for Saturday'))).toHaveLength(1);
    expect(after.filter((t) => t.includes('What flavour?'))).toHaveLength(1);
  });

  it("the agent's connection drops; two visitor messages arrive exactly once, in order, after it reconnects", async () => {
    agentLinkUp = false;
    for (const ws of agentSockets) await ws.close({ code: 4000, reason: 'network down' });
    agentSockets.clear();

    await visitorSends('Chocolate, please.');
    await visitorSends('And can you write "Happy 7th, Zawadi" on it?');

    const timeline = agent.locator('[data-testid="timeline-entry"][data-kind="message"]');
    // While the link is down nothing can reach the agent: what follows comes from the resume.
    expect(await timeline.filter({ hasText: 'Chocolate, please.' }).count()).toBe(0);
    agentLinkUp = true;
    await timeline.filter({ hasText: 'Happy 7th, Zawadi' }).waitFor({ timeout: 30_000 });
    const texts = await timeline.allInnerTexts();
    const first = texts.findIndex((t) => t.includes('Chocolate, please.'));
    const second = texts.findIndex((t) => t.includes('Happy 7th, Zawadi'));
    expect(texts.filter((t) => t.includes('Chocolate, please.'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Happy 7th, Zawadi'))).toHaveLength(1);
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
  });
});

describe('a visitor whose connection drops', () => {
  it('sees a message typed while offline sent on reconnect, and the agent receives it once', async () => {
    visitorLinkUp = false;
    for (const ws of visitorSockets) await ws.close({ code: 4000, reason: 'network down' });
    visitorSockets.clear();

    const text = 'Typed on the train, in a tunnel.';
    await visitor.locator('[data-testid="wl-composer"]').fill(text);
    await visitor.locator('[data-testid="wl-send"]').click();
    const bubble = visitorMessages().filter({ hasText: text });
    await bubble.waitFor();
    expect(await bubble.getAttribute('data-seq')).toBeNull();
    const timeline = agent.locator('[data-testid="timeline-entry"][data-kind="message"]');
    expect(await timeline.filter({ hasText: text }).count()).toBe(0);

    visitorLinkUp = true;
    await expect.poll(() => bubble.getAttribute('data-seq'), { timeout: 30_000 }).toMatch(/^\d+$/);
    await timeline.filter({ hasText: text }).waitFor({ timeout: 10_000 });
    expect(await timeline.filter({ hasText: text }).count()).toBe(1);
    expect(await visitorMessages().filter({ hasText: text }).count()).toBe(1);
  });
});

describe('how the customer feels', () => {
  it('an angry message shows the agent how it reads, quietly, beside the message', async () => {
    await visitorSends('This is the THIRD time I am asking and nobody answers!!! Where is my cake?');
    const entry = agent.locator('[data-testid="timeline-entry"][data-kind="message"]', { hasText: 'THIRD time' });
    const feeling = entry.locator('[data-testid="entry-emotion"]');
    await feeling.waitFor({ timeout: 10_000 });
    expect(['angry', 'frustrated']).toContain(await feeling.getAttribute('data-emotion'));
    expect(await feeling.innerText()).toMatch(/sounds (angry|frustrated)/);
    // The customer never sees it.
    expect(await visitor.locator('body').innerText()).not.toMatch(/sounds (angry|frustrated)/);
    await shot(agent, 'agent-emotion');
  });
});

describe('the team page', () => {
  it('gives an admin the one line that adds the chat to their website', async () => {
    await agent.goto(`${warmline.url}/app/team`);
    const snippet = agent.locator('[data-testid="embed-snippet"]');
    await snippet.waitFor();
    expect(await snippet.inputValue()).toBe(`<script src="${warmline.url}/widget.js" data-workspace="demo" async></script>`);
    await agent.locator('[data-testid="agent-row"]').first().waitFor();
    await shot(agent, 'agent-team');
  });
});
