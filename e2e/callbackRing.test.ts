import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT, DEMO_PEOPLE, launchChromium, screenshots, signInAs, startWarmline, type Warmline } from './harness.ts';

const people = DEMO_PEOPLE;

let warmline: Warmline;
let browser: Browser;

beforeAll(async () => {
  // Offer the half hour under way however little of it is left, so the callback booked below falls due at once.
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
  return context.newPage();
}

describe('callbacks that ring, in Chromium', () => {
  it('a due callback prompts its owner to call; no answer is recorded and the customer reads when we try again', async () => {
    const visitor = await newPage();
    await visitor.goto(`${warmline.url}/demo`);
    await visitor.locator('[data-testid="wl-launcher"]').click();
    const text = 'Please ring me about the birthday cake';
    await visitor.locator('[data-testid="wl-composer"]').fill(text);
    await visitor.locator('[data-testid="wl-send"]').click();
    await visitor.locator('[data-testid="wl-choices"]').waitFor({ timeout: 10_000 });
    await visitor.locator('[data-testid="wl-choice-callback"]').click();
    await visitor.locator('[data-testid="wl-callback-phone"]').fill('+44 20 7183 8750');
    const firstWindow = visitor.locator('[data-testid="wl-callback-window"] option').first();
    await firstWindow.waitFor({ state: 'attached' });
    await visitor.locator('[data-testid="wl-callback-window"]').selectOption((await firstWindow.getAttribute('value'))!);
    await visitor.locator('[data-testid="wl-callback-submit"]').click();
    const confirmation = visitor.locator('[data-testid="wl-callback-confirmation"]');
    await confirmation.waitFor();
    await expect.poll(() => confirmation.innerText()).toContain('will call you on +442071838750');
    const said = await confirmation.innerText();
    const name = Object.keys(people).find((n) => said.includes(n)) as keyof typeof people;
    expect(name).toBeDefined();

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
});
