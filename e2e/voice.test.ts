import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionsClosed, hearsAudio, peerConnectionCount, recordPeerConnections } from './callAudio.ts';
import { DEMO_AGENT, launchChromium, screenshots, startWarmline, type Warmline } from './harness.ts';

let warmline: Warmline;
let browser: Browser;
let agentContext: BrowserContext;
let visitorContext: BrowserContext;
let agent: Page;
let visitor: Page;
let colleague: Page;
/** While set, the server's answers to "Call us" wait here, so the widget's "connecting" state can be seen. */
let heldCallFrames: Array<() => void> | null = null;

const HOLD_CHECK_IN_SECONDS = 2;
const COLLEAGUE = { email: 'jonas@juniper-rye.example', name: 'Jonas Berg' };

/** Records desktop notifications instead of showing them. */
const recordNotifications = () => {
  const w = window as unknown as { notificationsSeen: string[] };
  w.notificationsSeen = [];
  class RecordedNotification {
    static permission = 'granted';
    static requestPermission = async () => 'granted';
    onclick: (() => void) | null = null;
    constructor(title: string) {
      w.notificationsSeen.push(title);
    }
    close() {}
  }
  (window as unknown as { Notification: unknown }).Notification = RecordedNotification;
};

beforeAll(async () => {
  warmline = await startWarmline({ demo: true, env: { CALL_HOLD_CHECK_IN_SECONDS: String(HOLD_CHECK_IN_SECONDS) } });
  browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
  agentContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
  visitorContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
  agent = await agentContext.newPage();
  visitor = await visitorContext.newPage();
  colleague = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] })).newPage();
  await colleague.addInitScript(recordPeerConnections);
  await agent.addInitScript(recordPeerConnections);
  await agent.addInitScript(recordNotifications);
  await visitor.addInitScript(recordPeerConnections);
  await visitor.routeWebSocket(/\/ws\/visitor/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (heldCallFrames && String(message).includes('"visitor_call"')) heldCallFrames.push(() => ws.send(message));
      else ws.send(message);
    });
  });
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

async function signIn(page: Page, email: string) {
  await page.goto(`${warmline.url}/app`);
  await page.locator('[data-testid="sign-in-email"]').fill(email);
  await page.locator('[data-testid="sign-in-password"]').fill(DEMO_AGENT.password);
  await page.locator('[data-testid="sign-in-submit"]').click();
  await page.locator('[data-testid="presence-switch"]').waitFor();
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });
const card = () => visitor.locator('[data-testid="wl-call-card"]');

/** Takes a screenshot at phone width, once the layout has settled, and goes back to the desktop width. */
async function phoneShot(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  // The sidebar slides away as the window narrows: the picture is of the settled phone layout.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  );
  await page.locator('.phone-bar').waitFor();
  await shot(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * The colleague, reading the handoff note, talks to the agent first: audio flows both ways between the two agents'
 * pages while the customer stays on hold, hearing silence; either may end the talk, and the colleague opens it again.
 * Resolves with where each page's connections of the talk begin.
 */
async function talkFirst(handoff: ReturnType<Page['locator']>) {
  const from = { agent: await peerConnectionCount(agent), colleague: await peerConnectionCount(colleague) };
  const customerConnections = await peerConnectionCount(visitor);
  const onHold = await visitor.locator('[data-testid="wl-call-status"]').innerText();
  await handoff
    .locator('[data-testid="call-talk-first"]')
    .filter({ hasText: `Talk to ${DEMO_AGENT.name.split(' ')[0]} first` })
    .click();
  await handoff.locator('[data-testid="call-consult"]').waitFor({ timeout: 10_000 });
  const agentSide = agent.locator('[data-testid="on-call"] [data-testid="call-consult"]');
  await agentSide.filter({ hasText: `Talking with ${COLLEAGUE.name.split(' ')[0]}` }).waitFor({ timeout: 10_000 });
  await hearsAudio(agent, from.agent);
  await hearsAudio(colleague, from.colleague);
  // The customer is told nothing new and has no new connection: the talk never reaches them.
  expect(await card().getAttribute('data-state')).toBe('hold');
  expect(await visitor.locator('[data-testid="wl-call-status"]').innerText()).toBe(onHold);
  expect(await peerConnectionCount(visitor)).toBe(customerConnections);
  const mute = agentSide.locator('[data-testid="consult-mute"]');
  await mute.click();
  await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('true');
  await mute.click();
  await expect.poll(() => mute.getAttribute('aria-pressed')).toBe('false');
  await shot(agent, 'voice-agent-consult');
  await shot(colleague, 'voice-agent-consult-colleague');
  await phoneShot(colleague, 'voice-agent-consult-phone');

  await agentSide.locator('[data-testid="consult-end"]').click();
  await handoff.locator('[data-testid="call-consult"]').waitFor({ state: 'detached' });
  await agentSide.waitFor({ state: 'detached' });
  await expect.poll(() => connectionsClosed(colleague, from.colleague)).toBe(true);
  await agent.locator('[data-testid="call-transfer-pending"]').waitFor();
  const again = { agent: await peerConnectionCount(agent), colleague: await peerConnectionCount(colleague) };
  await handoff.locator('[data-testid="call-talk-first"]').click();
  await agentSide.waitFor();
  await hearsAudio(colleague, again.colleague);
  return from;
}

describe('a call from the widget to a named person, in Chromium with fake media', () => {
  it('the agent signs in and goes available', async () => {
    await signIn(agent, DEMO_AGENT.email);
    await agent.locator('[data-testid="presence-switch"]').selectOption('available');
    await expect.poll(() => agent.locator('[data-testid="presence-switch"]').inputValue()).toBe('available');
  });

  it('a customer on /demo presses Call and sees who is being rung, with an honest wait; the agent’s app rings', async () => {
    await visitor.goto(`${warmline.url}/demo`);
    await visitor.locator('[data-testid="wl-launcher"]').click();
    await visitor.locator('[data-testid="wl-panel"]').waitFor();
    heldCallFrames = [];
    await visitor.locator('[data-testid="wl-call"]').click();
    await expect.poll(() => card().getAttribute('data-state')).toBe('placing');
    await expect.poll(() => visitor.locator('[data-testid="wl-call-status"]').innerText()).toBe('Connecting your call…');
    await shot(visitor, 'voice-widget-calling');
    const held = heldCallFrames;
    heldCallFrames = null;
    for (const release of held) release();

    await expect.poll(() => card().getAttribute('data-state')).toBe('ringing');
    expect(await visitor.locator('[data-testid="wl-call-title"]').innerText()).toBe(`Ringing ${DEMO_AGENT.name}…`);
    expect(await visitor.locator('[data-testid="wl-call-status"]').innerText()).toMatch(
      /^Up to \d+ s more, then we try a colleague/,
    );
    await shot(visitor, 'voice-widget-ringing');

    const incoming = agent.locator('[data-testid="incoming-call"]');
    await incoming.waitFor({ timeout: 10_000 });
    expect(await incoming.locator('[data-testid="call-customer"]').innerText()).not.toBe('');
    await expect.poll(() => incoming.getByRole('link', { name: 'See their story' }).count()).toBe(1);
    await shot(agent, 'voice-agent-incoming');
    await phoneShot(agent, 'voice-agent-incoming-phone');
  });

  it('the agent answers with Alt+A and audio flows both ways', async () => {
    await agent.keyboard.press('Alt+KeyA');
    await agent.locator('[data-testid="on-call"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => card().getAttribute('data-state')).toBe('answered');
    expect(await visitor.locator('[data-testid="wl-call-title"]').innerText()).toBe(`On a call with ${DEMO_AGENT.name}`);
    await hearsAudio(agent);
    await hearsAudio(visitor);
    await shot(visitor, 'voice-widget-in-call');
    await shot(agent, 'voice-agent-in-call');
  });

  it('hold is silence with a named line for the customer, and the agent is prompted to check in', async () => {
    await agent.locator('[data-testid="call-hold"]').click();
    await expect.poll(() => card().getAttribute('data-state')).toBe('hold');
    expect(await visitor.locator('[data-testid="wl-call-status"]').innerText()).toBe(
      `${DEMO_AGENT.name} put you on hold for a moment.`,
    );
    await shot(visitor, 'voice-widget-on-hold');
    await agent.locator('[data-testid="hold-note"]').waitFor();
    const prompt = agent.locator('[data-testid="hold-prompt"]');
    await prompt.waitFor({ timeout: (HOLD_CHECK_IN_SECONDS + 5) * 1000 });
    expect(await prompt.innerText()).toMatch(/Still there\? Let them know\./);
    await shot(agent, 'voice-agent-hold-prompt');
    await agent.locator('[data-testid="hold-checked-in"]').click();
    await agent.locator('[data-testid="hold-note"]').waitFor();
    await agent.locator('[data-testid="call-hold"]').click();
    await expect.poll(() => card().getAttribute('data-state')).toBe('answered');
  });

  it('the agent hangs up with Alt+H, writes a wrap-up note, and the call with its duration is on the timeline', async () => {
    await agent.getByRole('link', { name: 'Their story' }).click();
    await agent.keyboard.press('Alt+KeyH');
    await agent.locator('[data-testid="call-wrap-up"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => card().getAttribute('data-state')).toBe('ended');
    expect(await visitor.locator('[data-testid="wl-call-title"]').innerText()).toBe(`Call with ${DEMO_AGENT.name}`);
    await agent.locator('[data-testid="call-notes"]').fill('Cake for Saturday confirmed; collect at 10:00.');
    await shot(agent, 'voice-agent-wrap-up');
    await agent.locator('[data-testid="call-save-notes"]').click();
    await agent.locator('[data-testid="call-wrap-up"]').waitFor({ state: 'detached' });

    const entries = agent.locator('[data-testid="timeline-entry"]');
    await entries.filter({ hasText: new RegExp(`Call with ${DEMO_AGENT.name} · \\d+ s`) }).waitFor({ timeout: 10_000 });
    await entries.filter({ hasText: 'Call wrap-up: Cake for Saturday confirmed' }).waitFor();
    await visitor
      .locator('[data-testid="wl-panel"]')
      .getByText(new RegExp(`Call with ${DEMO_AGENT.name}, \\d+ s\\.`))
      .waitFor();
    await shot(agent, 'voice-agent-timeline');
    await shot(visitor, 'voice-widget-ended');
  });

  it('while it rings, the customer can switch to “call me back” without losing their place', async () => {
    await visitor.locator('[data-testid="wl-panel"]').getByRole('button', { name: 'Close', exact: true }).click();
    await visitor.locator('[data-testid="wl-call"]').click();
    await expect.poll(() => card().getAttribute('data-state')).toBe('ringing');
    await agent.locator('[data-testid="incoming-call"]').waitFor();
    await visitor.locator('[data-testid="wl-call-callback"]').click();
    await agent.locator('[data-testid="incoming-call"]').waitFor({ state: 'detached' });
    await visitor.locator('[data-testid="wl-callback-phone"]').waitFor();
    expect(await card().isHidden()).toBe(true);
    await shot(visitor, 'voice-widget-call-me-back');
  });

  it('a warm transfer: the colleague reads the handoff note, talks to the agent first, then joins, and the customer hears them', async () => {
    await signIn(colleague, COLLEAGUE.email);
    await visitor.locator('[data-testid="wl-call"]').click();
    await agent.locator('[data-testid="incoming-call"]').waitFor({ timeout: 10_000 });
    await agent.locator('[data-testid="call-answer"]').click();
    await agent.locator('[data-testid="on-call"]').waitFor();
    await hearsAudio(visitor);

    await agent.locator('[data-testid="call-transfer"]').click();
    const option = agent.locator('[data-testid="call-transfer-to"] option', { hasText: COLLEAGUE.name });
    await option.waitFor({ state: 'attached' });
    await agent.locator('[data-testid="call-transfer-to"]').selectOption((await option.getAttribute('value'))!);
    await agent.locator('[data-testid="call-transfer-note"]').fill('Birthday cake order: wants it gluten-free, Saturday 10:00.');
    await shot(agent, 'voice-agent-transfer');
    await agent.locator('[data-testid="call-transfer-send"]').click();
    await agent.locator('[data-testid="call-transfer-pending"]').waitFor();
    await expect.poll(() => card().getAttribute('data-state')).toBe('hold');

    const handoff = colleague.locator('[data-testid="call-handoff"]');
    await handoff.waitFor({ timeout: 10_000 });
    expect(await handoff.locator('[data-testid="call-handoff-note"]').innerText()).toBe(
      'Birthday cake order: wants it gluten-free, Saturday 10:00.',
    );
    await shot(colleague, 'voice-agent-transfer-note');
    const consult = await talkFirst(handoff);
    const joining = await peerConnectionCount(colleague);
    await handoff.locator('[data-testid="call-join"]').click();
    await colleague.locator('[data-testid="on-call"]').waitFor({ timeout: 10_000 });
    // Joining ends the talk between the two: its audio stops in both pages.
    await expect.poll(() => connectionsClosed(colleague, consult.colleague, joining)).toBe(true);
    await expect.poll(() => connectionsClosed(agent, consult.agent)).toBe(true);
    await expect
      .poll(() => visitor.locator('[data-testid="wl-call-title"]').innerText())
      .toBe(`On a call with ${COLLEAGUE.name}`);
    await agent
      .locator('[data-testid="call-notice"]')
      .filter({ hasText: `${COLLEAGUE.name} has the call now.` })
      .waitFor();
    await hearsAudio(colleague, joining);
    await hearsAudio(visitor);
    await colleague.locator('[data-testid="call-hangup"]').click();
    await colleague.locator('[data-testid="call-wrap-up"]').waitFor();
  });
});
