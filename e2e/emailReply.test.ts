import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailCatcher, startMailCatcher } from '../apps/server/src/testing/mailCatcher.ts';
import { apiSession } from './api.ts';
import { launchChromium, screenshots, startWarmline, type Warmline } from './harness.ts';

const PASSWORD = 'warmline-demo';
const people: Record<string, string> = {
  'Amina Odhiambo': 'amina@juniper-rye.example',
  'Jonas Berg': 'jonas@juniper-rye.example',
  'Priya Nair': 'priya@juniper-rye.example',
};

let warmline: Warmline;
let relay: MailCatcher;
let browser: Browser;

beforeAll(async () => {
  relay = await startMailCatcher();
  warmline = await startWarmline({
    demo: true,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(relay.port), SMTP_FROM: 'help@juniper-rye.example', JOBS_POLL_MS: '200' },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
  await relay?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

describe('leave a message, answered by email, in Chromium', () => {
  it('the reply reaches the customer by email, and the agent sees it sent — or not sent yet while the relay is down', async () => {
    // Nobody is on shift: the visitor is offered to leave a message instead of waiting.
    const visitor = await newPage();
    await visitor.goto(`${warmline.url}/demo`);
    await visitor.locator('[data-testid="wl-launcher"]').click();
    await visitor.locator('[data-testid="wl-composer"]').fill('Do you make gluten-free sourdough?');
    await visitor.locator('[data-testid="wl-send"]').click();
    await visitor.locator('[data-testid="wl-choices"]').waitFor({ timeout: 10_000 });
    await visitor.locator('[data-testid="wl-choice-leave"]').click();
    await visitor.locator('[data-testid="wl-leave-email"]').fill('sam@example.com');
    await visitor.locator('[data-testid="wl-leave-name"]').fill('Sam');
    await visitor.locator('[data-testid="wl-leave-submit"]').click();
    const promise = visitor.locator('[data-testid="wl-promise"]');
    await expect.poll(() => promise.innerText(), { timeout: 10_000 }).toMatch(/will reply to sam@example\.com within 4 hours/);
    const ownerName = await ownerFrom(promise);
    await visitor.context().close();

    // The named owner answers from the app.
    const api = await apiSession(warmline.url, people[ownerName]!, PASSWORD);
    const mine = (await api.get('/api/v1/conversations?view=mine')) as {
      conversations: Array<{ id: string; customer: { email: string | null } }>;
    };
    const conversation = mine.conversations.find((c) => c.customer.email === 'sam@example.com')!;
    expect(conversation).toBeDefined();
    const agent = await newPage();
    await agent.goto(`${warmline.url}/app/sign-in`);
    await agent.locator('[data-testid="sign-in-email"]').fill(people[ownerName]!);
    await agent.locator('[data-testid="sign-in-password"]').fill(PASSWORD);
    await agent.locator('[data-testid="sign-in-submit"]').click();
    await agent.locator('[data-testid="presence-switch"]').waitFor();
    await agent.goto(`${warmline.url}/app/conversations/${conversation.id}`);
    await expect
      .poll(() => agent.locator('[data-testid="reply-by-email"]').innerText(), { timeout: 10_000 })
      .toContain('sam@example.com');
    await agent.locator('[data-testid="composer"]').fill('Hi Sam, yes: every Friday, gluten-free sourdough from 8 am.');
    await agent.locator('[data-testid="send-button"]').click();

    const sent = agent.locator('[data-testid="email-delivery"]').first();
    await expect.poll(() => sent.getAttribute('data-status'), { timeout: 15_000 }).toBe('sent');
    expect(await sent.innerText()).toBe('Sent by email to sam@example.com');
    // The promise is kept once the email has gone, and the header says so.
    await expect
      .poll(() => agent.locator('[data-testid="promised-reply"]').innerText(), { timeout: 10_000 })
      .toMatch(/^Promised reply sent at .+ \(in time\)$/);
    const [mail] = await relay.waitFor('sam@example.com', 1);
    expect(mail!.from?.value[0]).toEqual({ name: ownerName, address: 'help@juniper-rye.example' });
    expect(mail!.text).toContain('gluten-free sourdough from 8 am');
    await shot(agent, 'agent-email-reply-sent');

    // The relay goes down: the next reply is kept, shown as not sent yet, and tried again later.
    await relay.stop();
    await agent.locator('[data-testid="composer"]').fill('P.S. We can set a loaf aside for you.');
    await agent.locator('[data-testid="send-button"]').click();
    const waiting = agent.locator('[data-testid="email-delivery"]').nth(1);
    await expect.poll(() => waiting.innerText(), { timeout: 15_000 }).toMatch(/^Not sent yet — the mail relay (refused|closed)/);
    expect(await waiting.getAttribute('data-status')).toBe('pending');
    await shot(agent, 'agent-email-reply-not-sent-yet');
    await relay.start();
  }, 90_000);
});

async function ownerFrom(promise: { innerText(): Promise<string> }): Promise<string> {
  const text = await promise.innerText();
  const name = Object.keys(people).find((n) => text.includes(n));
  if (!name) throw new Error(`the promise names nobody we know: ${text}`);
  return name;
}
