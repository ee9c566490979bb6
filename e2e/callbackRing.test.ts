import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hearsAudio, recordPeerConnections } from './callAudio.ts';
import { DEMO_AGENT, DEMO_PEOPLE, launchChromium, screenshots, signInAs, startWarmline, type Warmline } from './harness.ts';

const people = DEMO_PEOPLE;

let warmline: Warmline;
let browser: Browser;

beforeAll(async () => {
  // Offer the half hour under way however little of it is left, so the callback booked below falls due at once.
  warmline = await startWarmline({ demo: true, env: { CALLBACK_MIN_LEAD_MINUTES: '0' } });
  browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
  const page = await context.newPage();
  await page.addInitScript(recordPeerConnections);
  return page;
}

/** A visitor on the demo page writes, and books the first callback window offered (`here`: rung in the browser). */
async function visitorBooksACallback(text: string, opts: { here: boolean }) {
  const visitor = await newPage();
  await visitor.goto(`${warmline.url}/demo`);
  await visitor.locator('[data-testid="wl-launcher"]').click();
  await visitor.locator('[data-testid="wl-composer"]').fill(text);
  await visitor.locator('[data-testid="wl-send"]').click();
  await visitor.locator('[data-testid="wl-choices"]').waitFor({ timeout: 10_000 });
  await visitor.locator('[data-testid="wl-choice-callback"]').click();
  await visitor.locator('[data-testid="wl-callback-phone"]').fill('+44 20 7183 8750');
  if (opts.here) await visitor.locator('[data-testid="wl-callback-here"]').check();
  const firstWindow = visitor.locator('[data-testid="wl-callback-window"] option').first();
  await firstWindow.waitFor({ state: 'attached' });
  await visitor.locator('[data-testid="wl-callback-window"]').selectOption((await firstWindow.getAttribute('value'))!);
  await visitor.locator('[data-testid="wl-callback-submit"]').click();
  const confirmation = visitor.locator('[data-testid="wl-callback-confirmation"]');
  await confirmation.waitFor();
  await expect
    .poll(() => confirmation.innerText())
    .toContain(opts.here ? 'will call you here in your browser' : 'will call you on');
  const said = await confirmation.innerText();
  const name = Object.keys(people).find((n) => said.includes(n)) as keyof typeof people;
  expect(name).toBeDefined();
  return { visitor, owner: name };
}

describe('callbacks that ring, in Chromium', () => {
  it('a due callback prompts its owner to call; no answer is recorded and the customer reads when we try again', async () => {
    const { visitor, owner: name } = await visitorBooksACallback('Please ring me about the birthday cake', { here: false });
    expect(await visitor.locator('[data-testid="wl-callback-confirmation"]').innerText()).toContain(
      'will call you on +442071838750',
    );

    // The window starts now, so the callback is due: its owner signs in and finds the prompt on the conversation.
    const agent = await newPage();
    await signInAs(agent, warmline.url, { email: people[name], password: DEMO_AGENT.password });
    await agent.locator('[data-testid="inbox-tab-mine"]').click();
    await agent.locator('[data-testid="conversation-row"]', { hasText: 'birthday cake' }).click();
    const card = agent.locator('[data-testid="callback-card"]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toMatch(/^Call .+ back now \(.+–.+\)/);
    await shot(agent, 'voice-callback-prompt');

    await card.getByRole('button', { name: /^Call .+ on \+442071838750$/ }).click();
    // This install has no phone line: the agent calls from their own phone and records what happened.
    await expect.poll(() => card.innerText()).toContain('No phone line is connected');
    await shot(agent, 'voice-callback-outcome');
    await card.getByRole('button', { name: 'No answer' }).click();
    await card.waitFor({ state: 'detached', timeout: 10_000 });

    const retry = visitor.locator('[data-testid="wl-system-line"]', { hasText: 'We tried to call you at' });
    await retry.waitFor({ timeout: 10_000 });
    expect(await retry.innerText()).toMatch(
      /We tried to call you at \d\d:\d\d and will try again between \d\d:\d\d and \d\d:\d\d\./,
    );
    await shot(visitor, 'voice-callback-retry-widget');
  });

  it('a callback taken in the browser: the widget rings with the person’s name, the customer answers, and they hear each other', async () => {
    const { visitor, owner } = await visitorBooksACallback('Ring me here about the wedding order please', { here: true });
    // The customer puts the chat away and goes on reading the page.
    await visitor.locator('[data-testid="wl-launcher"]').click();
    await visitor.locator('[data-testid="wl-panel"]').waitFor({ state: 'hidden' });

    const agent = await newPage();
    await signInAs(agent, warmline.url, { email: people[owner], password: DEMO_AGENT.password });
    await agent.locator('[data-testid="inbox-tab-mine"]').click();
    await agent.locator('[data-testid="conversation-row"]', { hasText: 'wedding order' }).click();
    const card = agent.locator('[data-testid="callback-card"]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain('asked to be rung here in their browser');
    await card.locator('[data-testid="callback-ring-browser"]').click();
    const outgoing = agent.locator('[data-testid="outgoing-call"]');
    await outgoing.waitFor();
    expect(await outgoing.innerText()).toContain('Ringing in their browser');

    // The widget opens by itself and says who is calling.
    const answer = visitor.locator('[data-testid="wl-answer"]');
    await answer.waitFor({ timeout: 10_000 });
    expect(await visitor.locator('[data-testid="wl-call-title"]').innerText()).toBe(`${owner} is calling you back`);
    await shot(visitor, 'voice-ringback-widget');
    await shot(agent, 'voice-ringback-agent');
    await answer.click();

    await agent.locator('[data-testid="on-call"]').waitFor({ timeout: 10_000 });
    await hearsAudio(agent);
    await hearsAudio(visitor);
    expect(await visitor.locator('[data-testid="wl-call-title"]').innerText()).toBe(`On a call with ${owner}`);
    // Answered is reached: the promise is kept, and the timeline says how.
    await card.waitFor({ state: 'detached', timeout: 10_000 });
    await agent.getByText('Callback: reached in the browser at').waitFor();

    await agent.locator('[data-testid="call-hangup"]').click();
    await agent.locator('[data-testid="call-wrap-up"]').waitFor();
    await expect.poll(() => visitor.locator('[data-testid="wl-call-title"]').innerText()).toBe(`Call with ${owner}`);
  });
});
