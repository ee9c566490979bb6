import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { DEMO_AGENT, launchChromium, screenshots, signInAs, startWarmline, visitorSends, type Warmline } from './harness.ts';

const QUESTION = 'Could you check whether my sourdough order is ready for pickup?';
const LATER = 'One more thing: do you bake rye on Sundays?';

let warmline: Warmline;
let browser: Browser;
let agent: Page;
let visitor: Page;

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  const page = async () => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  [agent, visitor] = await Promise.all([page(), page()]);
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshots, `${name}.png`), animations: 'disabled' });

/** A visitor who writes over the REST API (no browser), and the conversation they started. */
async function restVisitor(body: string) {
  const api = (p: string, init: { token?: string; body?: unknown } = {}) =>
    fetch(`${warmline.url}/api/v1${p}`, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const key = await fetch(`${warmline.url}/demo`)
    .then((r) => r.text())
    .then((html) => /data-workspace="([^"]+)"/.exec(html)?.[1]);
  const session = await api('/widget/session', { body: { workspaceKey: key } });
  const token = session.body.visitorToken as string;
  const sent = await api('/widget/messages', { token, body: { clientId: crypto.randomUUID(), body } });
  expect(sent.status).toBe(201);
  return { token, conversationId: sent.body.entry.conversationId as string, api };
}

describe('asking how we did, in Chromium', () => {
  it('a visitor chats and an agent resolves the conversation', async () => {
    await signInAs(agent, warmline.url, DEMO_AGENT);
    await visitor.goto(`${warmline.url}/demo`);
    await visitor.locator('[data-testid="wl-launcher"]').click();
    await visitorSends(visitor, QUESTION);

    const row = agent.locator('[data-testid="conversation-row"]').filter({ hasText: 'sourdough order' });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await agent.locator('[data-testid="composer"]').fill('It is ready — see you at the counter any time before six.');
    await agent.locator('[data-testid="send-button"]').click();
    await visitor.locator('[data-testid="wl-message"]').filter({ hasText: 'before six' }).waitFor({ timeout: 10_000 });
    await agent.locator('[data-testid="resolve-button"]').click();
  });

  it('the survey appears inline in the widget, in one card, and the visitor answers it', async () => {
    const survey = visitor.locator('[data-testid="wl-survey"]');
    await survey.waitFor({ timeout: 15_000 });
    expect(await survey.innerText()).toContain('How did we do?');
    expect(await survey.innerText()).toContain('made it easy to handle my issue.');
    await visitor.locator('[data-testid="wl-survey-csat-5"]').click();
    await visitor.locator('[data-testid="wl-survey-ces-6"]').click();
    await visitor.locator('[data-testid="wl-survey-feeling-grateful"]').click();
    await visitor.locator('[data-testid="wl-survey-comment"]').fill('Quick, kind and clear. Thank you!');
    expect(await visitor.locator('[data-testid="wl-survey-csat-5"]').getAttribute('aria-pressed')).toBe('true');
    await visitor.locator('[data-testid="wl-survey-send"]').scrollIntoViewIfNeeded();
    await shot(visitor, 'survey-widget');

    await visitor.locator('[data-testid="wl-survey-send"]').click();
    await visitor.locator('[data-testid="wl-survey-thanks"]').waitFor({ timeout: 10_000 });
    expect(await visitor.locator('[data-testid="wl-survey-thanks"]').innerText()).toContain('Thank you');
    await shot(visitor, 'survey-widget-thanks');
  });

  it("the answer shows on the agent's timeline", async () => {
    const card = agent.locator('[data-testid="survey-answer"]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.locator('[data-testid="survey-csat"]').innerText()).toBe('Satisfied 5/5');
    expect(await card.locator('[data-testid="survey-ces"]').innerText()).toBe('Easy 6/7');
    expect(await card.locator('[data-testid="survey-feeling"]').innerText()).toBe('Felt thankful');
    expect(await card.locator('[data-testid="survey-comment"]').innerText()).toBe('Quick, kind and clear. Thank you!');
    await card.scrollIntoViewIfNeeded();
    await shot(agent, 'survey-agent-timeline');
  });

  it('a Swahili chat is asked in Swahili; put aside, the survey does not come back', async () => {
    const amina = await apiSession(warmline.url, DEMO_AGENT.email, 'warmline-demo');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const swahili = await context.newPage();
    try {
      await swahili.goto(`${warmline.url}/demo`);
      await swahili.locator('[data-testid="wl-launcher"]').click();
      await visitorSends(swahili, 'Habari, mkate wangu wa rye uko tayari?');
      const found = await swahili.evaluate(async () => {
        const key = Object.keys(localStorage).find((k) => k.endsWith(':token'))!;
        return localStorage.getItem(key)!;
      });
      const mine = (await (
        await fetch(`${warmline.url}/api/v1/widget/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            workspaceKey: /data-workspace="([^"]+)"/.exec(await (await fetch(`${warmline.url}/demo`)).text())?.[1],
            visitorToken: found,
          }),
        })
      ).json()) as { conversation: { id: string } };
      const id = mine.conversation.id;
      await amina.patch(`/api/v1/conversations/${id}`, { language: 'sw' });
      await amina.post(`/api/v1/conversations/${id}/assign`, { agentId: amina.agentId });
      await amina.post(`/api/v1/conversations/${id}/resolve`);

      const survey = swahili.locator('[data-testid="wl-survey"]');
      await survey.waitFor({ timeout: 15_000 });
      expect(await survey.innerText()).toContain('Tumekuhudumiaje?');
      expect(await survey.innerText()).toContain('Nashukuru');
      await swahili.locator('[data-testid="wl-survey-csat-4"]').click();
      await swahili.locator('[data-testid="wl-survey-send"]').scrollIntoViewIfNeeded();
      await shot(swahili, 'survey-widget-sw');
      await swahili.locator('[data-testid="wl-survey-later"]').click();
      await survey.waitFor({ state: 'hidden' });
      await swahili.reload();
      await swahili.locator('[data-testid="wl-launcher"]').click();
      await swahili.locator('[data-testid="wl-message"]').filter({ hasText: 'mkate wangu' }).waitFor({ timeout: 10_000 });
      expect(await survey.isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('the survey page works with JavaScript off, in English and Swahili, and answers once', async () => {
    const amina = await apiSession(warmline.url, DEMO_AGENT.email, 'warmline-demo');
    const customer = await restVisitor(LATER);
    await amina.post(`/api/v1/conversations/${customer.conversationId}/assign`, { agentId: amina.agentId });
    await amina.post(`/api/v1/conversations/${customer.conversationId}/resolve`);
    const found = await customer.api(`/widget/conversations/${customer.conversationId}/survey`, { token: customer.token });
    const token = found.body.survey.token as string;

    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 480, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${warmline.url}/s/${token}?lang=sw`);
      expect(await page.locator('h1').innerText()).toBe('Tumekuhudumiaje?');
      await shot(page, 'survey-page-sw');
      await page.goto(`${warmline.url}/s/${token}`);
      expect(await page.locator('h1').innerText()).toBe('How did we do?');
      await shot(page, 'survey-page-en');

      // Radio buttons and a plain form post: no script runs on this page.
      await page.locator('[data-testid="survey-csat"] label', { hasText: '4' }).click();
      await page.locator('[data-testid="survey-ces"] label', { hasText: '7' }).click();
      await page.locator('[data-testid="survey-feelings"] label', { hasText: 'Calm' }).click();
      await page.locator('[data-testid="survey-comment"]').fill('Answered without JavaScript');
      await page.locator('[data-testid="survey-send"]').click();
      await page.locator('[data-testid="survey-thanks"]').waitFor({ timeout: 10_000 });
      await shot(page, 'survey-page-thanks');

      // The same link again: answered already, said kindly.
      await page.goto(`${warmline.url}/s/${token}`);
      await page.locator('[data-testid="survey-answered"]').waitFor();
    } finally {
      await context.close();
    }
    const entries = (await amina.get(`/api/v1/conversations/${customer.conversationId}/entries`)) as {
      entries: Array<{ body: string; event: { type: string } | null }>;
    };
    expect(entries.entries.filter((e) => e.event?.type === 'survey_answered').map((e) => e.body)).toEqual([
      'Survey answered: satisfied 4/5 · easy 7/7 · felt calm · “Answered without JavaScript”',
    ]);
  });

  it('an admin sets the quiet days in Settings › Surveys', async () => {
    await agent.locator('[data-testid="nav-settings"]').click();
    await agent.locator('[data-testid="settings-tab-surveys"]').click();
    const form = agent.locator('[data-testid="survey-settings"]');
    await form.waitFor();
    expect(await agent.locator('[data-testid="surveys-enabled"]').isChecked()).toBe(true);
    await agent.locator('[data-testid="survey-quiet-days"]').fill('45');
    await agent.locator('[data-testid="surveys-save"]').click();
    await agent.locator('[data-testid="surveys-save-status"]').filter({ hasText: 'Saved.' }).waitFor();
    await shot(agent, 'settings-surveys');
    const amina = await apiSession(warmline.url, DEMO_AGENT.email, 'warmline-demo');
    expect(await amina.get('/api/v1/workspace/surveys')).toEqual({ settings: { enabled: true, quietDays: 45 } });
  });
});
