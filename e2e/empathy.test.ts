import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT, launchChromium, screenshots, signInAs, startWarmline, visitorSends, type Warmline } from './harness.ts';

const PRIYA = { email: 'priya@juniper-rye.example', password: 'warmline-demo' };
const FIRST = 'Thank you so much, the bread was lovely last week!';
const ANGRY = 'This is ridiculous. Third time asking and NOBODY answers!!';
const COLD_DRAFT = 'Refunds take 5-7 business days as per our policy.';

let warmline: Warmline;
let browser: Browser;
let agent: Page;
let supervisor: Page;
let visitor: Page;
/** This week's service failures before the test's own, from the server. */
let before: { flagged: number; recovered: number };

/** Desktop notifications and chimes are recorded, not shown or played. */
const quietAlerts = () => {
  class RecordedNotification {
    static permission = 'granted';
    static requestPermission = async () => 'granted';
    onclick: (() => void) | null = null;
    close() {}
  }
  (window as unknown as { Notification: unknown }).Notification = RecordedNotification;
};

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  const page = async () => (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  [agent, supervisor, visitor] = await Promise.all([page(), page(), page()]);
  await agent.addInitScript(quietAlerts);
  await supervisor.addInitScript(quietAlerts);
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screenshots, `${name}.png`), animations: 'disabled' });

const trail = () => agent.locator('[data-testid="mood-trail"]');
const step = (key: string) => agent.locator(`[data-testid="recovery-step"][data-step="${key}"]`);
const card = () => agent.locator('[data-testid="recovery-card"]');

/** A `datetime-local` value this many days from now at 10:00, in the browser's (this machine's) time zone. */
/** A datetime-local value `hoursFromNow` ahead (or behind), whatever the time of day the suite runs at. */
function localDateTime(hoursFromNow: number): string {
  const d = new Date(Date.now() + hoursFromNow * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe('how the customer feels, on the floor, in Chromium', () => {
  it('a supervisor and an agent sign in', async () => {
    await signInAs(supervisor, warmline.url, PRIYA);
    before = await supervisor.evaluate(async () => {
      const overview = await (await fetch('/api/v1/supervisor/overview')).json();
      return overview.serviceRecovery as { flagged: number; recovered: number };
    });
    await signInAs(agent, warmline.url, DEMO_AGENT);
  });

  it('a customer waiting for a person shows in the live queue with how they seem', async () => {
    await visitor.goto(`${warmline.url}/demo`);
    await visitor.locator('[data-testid="wl-launcher"]').click();
    await visitorSends(visitor, FIRST);

    await supervisor.locator('[data-testid="nav-supervisor"]').click();
    const row = supervisor.locator('[data-testid="queue-row"]', {
      has: supervisor.locator('[data-testid="mood-word"][data-mood="grateful"]'),
    });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.locator('[data-testid="mood-word"]').innerText()).toBe('thankful');
    expect(await row.locator('.badge-upset').count()).toBe(0);
    // Back to the inbox: alerts reach a supervisor wherever they are.
    await supervisor.locator('[data-testid="nav-inbox"]').click();
  });

  it('the agent becomes available, the customer is theirs, and the mood trail starts', async () => {
    await agent.locator('[data-testid="presence-switch"]').selectOption('available');
    await expect.poll(() => agent.locator('[data-testid="presence-switch"]').inputValue()).toBe('available');
    await agent.locator('[data-testid="inbox-tab-all"]').click();
    const row = agent.locator('[data-testid="conversation-row"]').filter({ hasText: 'bread was lovely' });
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await expect.poll(() => agent.locator('[data-testid="conversation-assignee"]').innerText(), { timeout: 10_000 }).toBe('You');
    await expect.poll(() => trail().getAttribute('data-mood'), { timeout: 10_000 }).toBe('grateful');
    expect(await agent.locator('[data-testid="mood-sentence"]').textContent()).toBe('Mood: thankful');
    expect(await row.locator('[data-testid="mood-word"]').innerText()).toBe('thankful');
  });

  it('an angry message shows its emotion, the trail drops, and the row says how they feel without a second Upset badge', async () => {
    await visitorSends(visitor, ANGRY);
    const entry = agent.locator('[data-testid="timeline-entry"][data-kind="message"]', { hasText: 'NOBODY answers' });
    await entry.locator('[data-testid="entry-emotion"][data-emotion="angry"]').waitFor({ timeout: 10_000 });

    await expect.poll(() => trail().getAttribute('data-mood')).toBe('angry');
    expect(await trail().getAttribute('data-trend')).toBe('dropping');
    expect(await agent.locator('[data-testid="mood-sentence"]').textContent()).toBe('Mood: thankful → angry, dropping');
    expect(await trail().innerText()).toMatch(/angry\s+dropping/);

    const row = agent.locator('[data-testid="conversation-row"]').filter({ hasText: 'NOBODY answers' });
    await expect
      .poll(() => row.locator('[data-testid="mood-word"]').getAttribute('data-mood'), { timeout: 10_000 })
      .toBe('angry');
    expect(await row.locator('[data-testid="mood-word"]').getAttribute('class')).toContain('is-upset');
    expect(await row.locator('[data-testid="badge-upset"]').count()).toBe(0);
    // The customer never sees how they were read.
    expect(await visitor.locator('body').innerText()).not.toMatch(/angry|dropping/);
  });

  it('the supervisor is told at once, wherever they are, and so is the admin working the floor', async () => {
    const notice = supervisor.locator('[data-testid="alert-notices"] [data-testid="alert"][data-kind="mood_drop"]');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.locator('[data-testid="alert-text"]').innerText()).toBe('Mood dropped sharply: from thankful to angry');
    expect(await notice.locator('[data-testid="alert-open"]').isVisible()).toBe(true);
    expect(await supervisor.locator('[data-testid="nav-alerts"]').innerText()).toBe('1');
    await shot(supervisor, 'agent-alert-notice');

    // Amina is an admin: the same notice reaches her; she puts it away to keep working.
    const hers = agent.locator('[data-testid="alert-notices"] [data-testid="alert"][data-kind="mood_drop"]');
    await hers.waitFor({ timeout: 10_000 });
    await hers.getByRole('button', { name: 'Hide this notice' }).click();
    await hers.waitFor({ state: 'detached' });
    await shot(agent, 'agent-mood');
  });

  it('a cold draft gets a suggestion to acknowledge how the customer feels, and nothing is sent', async () => {
    const composer = agent.locator('[data-testid="composer"]');
    await composer.fill(COLD_DRAFT);
    const acknowledge = agent.locator('[data-testid="coach-hints"] [data-rule="acknowledge"]');
    await acknowledge.waitFor();
    expect(await acknowledge.innerText()).toMatch(/sorry|apolog/i);
    await agent.locator('[data-testid="coach-hints"] [data-rule="blame"]').waitFor();
    await shot(agent, 'agent-coach');
    await composer.fill('');
    await acknowledge.waitFor({ state: 'detached' });
    const sent = agent.locator('[data-testid="timeline-entry"][data-direction="out"]', { hasText: 'as per our policy' });
    expect(await sent.count()).toBe(0);
  });

  it('the agent flags a service failure with what went wrong, and the checklist starts', async () => {
    const flag = agent.locator('[data-testid="toggle-service-failure"]');
    await flag.click();
    const submit = agent.locator('[data-testid="service-failure-submit"]');
    expect(await submit.isDisabled()).toBe(true);
    await agent.locator('[data-testid="service-failure-reason"]').fill('Three messages went unanswered for the Saturday order');
    await submit.click();

    await card().waitFor({ timeout: 10_000 });
    await expect.poll(() => flag.getAttribute('aria-pressed')).toBe('true');
    expect(await agent.locator('[data-testid="recovery-flagged"]').innerText()).toMatch(
      /^Flagged by Amina Odhiambo — Three messages went unanswered for the Saturday order/,
    );
    expect(await agent.locator('[data-testid="recovery-progress"]').innerText()).toBe(
      '0 of 5 done · next: Acknowledged & apologised',
    );
    await agent
      .locator('[data-testid="timeline-entry"]', { hasText: 'Amina Odhiambo flagged a service failure' })
      .waitFor({ timeout: 10_000 });
  });

  it('ticks the steps: apology, fix, compensation with its value, and a follow-up with its reminder', async () => {
    await agent.locator('[data-testid="recovery-action-acknowledged"]').click();
    await expect.poll(() => step('acknowledged').getAttribute('data-done')).toBe('true');

    await agent.locator('[data-testid="recovery-action-fixed"]').click();
    await step('fixed').locator('[data-testid="recovery-note"]').fill('Called the bakery: the cake leaves at 8 am Saturday');
    await step('fixed').locator('[data-testid="recovery-save"]').click();
    await expect.poll(() => step('fixed').getAttribute('data-done')).toBe('true');
    expect(await step('fixed').innerText()).toContain('the cake leaves at 8 am Saturday');

    // A refund with no value: the server says what is missing, beside the value.
    await agent.locator('[data-testid="recovery-action-compensation"]').click();
    const compensation = step('compensation');
    await compensation.locator('[data-testid="compensation-kind"]').selectOption('refund');
    await compensation.locator('[data-testid="compensation-currency"]').fill('kes');
    await compensation.locator('[data-testid="recovery-save"]').click();
    const valueError = compensation.locator('[data-testid="recovery-field-error"]');
    await valueError.waitFor();
    expect(await valueError.innerText()).toMatch(/^Record the value of the compensation/);
    await compensation.locator('[data-testid="compensation-value"]').fill('1,500');
    await compensation.locator('[data-testid="recovery-note"]').fill('Back to the card she paid with');
    await compensation.locator('[data-testid="recovery-save"]').click();
    await expect.poll(() => compensation.getAttribute('data-done')).toBe('true');
    expect(await compensation.innerText()).toMatch(/Refund · KES 1,500\.00 · Back to the card she paid with/);

    // A follow-up in the past is refused inline; tomorrow morning is scheduled, with when the reminder comes.
    await agent.locator('[data-testid="recovery-action-followUp"]').click();
    const followUp = step('followUp');
    await followUp.locator('[data-testid="follow-up-at"]').fill(localDateTime(-24));
    await followUp.locator('[data-testid="recovery-save"]').click();
    await followUp
      .locator('[data-testid="recovery-field-error"]')
      .filter({ hasText: 'A follow-up must be in the future' })
      .waitFor();
    await followUp.locator('[data-testid="follow-up-at"]').fill(localDateTime(6));
    // Six hours ahead, to the minute: the preview says 5 h 59 min or 6 h, never days, at any hour.
    expect(await followUp.locator('[data-testid="follow-up-preview"]').innerText()).toMatch(
      /^Reminder to you .*\(in (5 h 59 min|6 h)\)/,
    );
    await followUp.locator('[data-testid="recovery-note"]').fill('Ask how the party went');
    await followUp.locator('[data-testid="recovery-save"]').click();
    await expect.poll(() => followUp.getAttribute('data-done')).toBe('true');
    expect(await followUp.locator('[data-testid="follow-up-reminder"]').innerText()).toMatch(/^Reminder to you /);
    expect(await agent.locator('[data-testid="recovery-progress"]').innerText()).toBe('4 of 5 done · next: Followed up');

    // Each step is on the timeline for whoever reads the story next.
    await agent
      .locator('[data-testid="timeline-entry"][data-kind="note"]', { hasText: 'offered refund worth KES 1500.00' })
      .waitFor({ timeout: 10_000 });
    await shot(agent, 'agent-recovery');
  });

  it('the supervisor sees this week’s failures and the open alert on the live queue, and takes it', async () => {
    await supervisor.locator('[data-testid="nav-supervisor"]').click();
    const alert = supervisor.locator('[data-testid="alerts-card"] [data-testid="alert"][data-kind="mood_drop"]');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.locator('[data-testid="alert-customer"]').innerText()).toMatch(/^Visitor [A-Z0-9]{4}$/);
    // On the live queue the list is the notice: no corner notices on top of it.
    expect(await supervisor.locator('[data-testid="alert-notices"]').count()).toBe(0);
    await expect
      .poll(() => supervisor.locator('[data-testid="service-recovery-summary"]').innerText(), { timeout: 15_000 })
      .toMatch(new RegExp(`^Service failures this week: ${before.flagged + 1} · recovered ${before.recovered}\\b`));
    await shot(supervisor, 'agent-alerts');

    await alert.locator('[data-testid="alert-acknowledge"]').click();
    await alert.waitFor({ state: 'detached' });
    await supervisor.locator('[data-testid="alerts-empty"]').waitFor();
    expect(await supervisor.locator('[data-testid="nav-alerts"]').count()).toBe(0);
  });

  it('after the follow-up the customer counts as recovered', async () => {
    await agent.locator('[data-testid="recovery-action-followedUp"]').click();
    await step('followedUp').locator('[data-testid="recovery-note"]').fill('The party went well; she will order again');
    await step('followedUp').locator('[data-testid="recovery-save"]').click();
    await agent.locator('[data-testid="recovery-recovered"]').waitFor();
    expect(await card().getAttribute('data-recovered')).toBe('true');
    await expect
      .poll(() => supervisor.locator('[data-testid="service-recovery-summary"]').innerText(), { timeout: 15_000 })
      .toMatch(new RegExp(`· recovered ${before.recovered + 1}\\b`));
  });

  it('an angry customer writing of a loss is flagged automatically, and the checklist says so', async () => {
    const html = await (await fetch(`${warmline.url}/demo`)).text();
    const workspaceKey = /data-workspace="([^"]+)"/.exec(html)![1];
    const post = async (url: string, body: unknown, token?: string) => {
      const res = await fetch(`${warmline.url}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      expect(res.status).toBeLessThan(300);
      return res.json();
    };
    const { visitorToken } = await post('/api/v1/widget/session', { workspaceKey });
    await post(
      '/api/v1/widget/messages',
      { clientId: randomUUID(), body: 'My cake NEVER ARRIVED and you took my money. Unacceptable!' },
      visitorToken,
    );

    const row = agent.locator('[data-testid="conversation-row"]').filter({ hasText: 'NEVER ARRIVED' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('[data-testid="badge-service-failure"]').count()).toBe(1);
    await row.click();
    await expect
      .poll(() => agent.locator('[data-testid="recovery-flagged"]').innerText(), { timeout: 10_000 })
      .toMatch(/^Flagged automatically — the customer wrote of it: never arrived/);
    expect(await agent.locator('[data-testid="recovery-progress"]').innerText()).toBe(
      '0 of 5 done · next: Acknowledged & apologised',
    );
  });
});
