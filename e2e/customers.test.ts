import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT, launchChromium, screenshots, startWarmline, type Warmline } from './harness.ts';

/** The storefront's signed-in member, seeded by the demo with a household, past conversations and a note. */
const HALIMA = { name: 'Halima Yusuf', email: 'halima@example.com', household: 'Yusuf household' };
const TODAY = 'Hi, it is Halima again. Can Zara’s cake for Sunday be sesame-free like last time?';
/** Words from Halima's email of three weeks ago, found again by search. */
const OLD_WORDS = 'honey cake with strawberries';

let warmline: Warmline;
let browser: Browser;
let agent: Page;

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  // Wide enough for inbox, conversation and profile side by side.
  agent = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });
const panel = () => agent.locator('[data-testid="profile-panel"]');

/**
 * An anonymous visitor who leaves a message with Halima's email: a second, unverified record of what may be
 * the same person, for the agent to merge or not.
 */
async function anonymousVisitorLeavesHalimasEmail() {
  const html = await (await fetch(`${warmline.url}/demo`)).text();
  const workspaceKey = /data-workspace="([^"]+)"/.exec(html)![1];
  const call = async (url: string, body: unknown, token?: string) => {
    const res = await fetch(`${warmline.url}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${url} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  const { visitorToken } = await call('/api/v1/widget/session', { workspaceKey });
  const { entry } = await call(
    '/api/v1/widget/messages',
    { clientId: randomUUID(), body: 'Is the bread club box still coming Friday?' },
    visitorToken,
  );
  await call(
    '/api/v1/widget/leave-message',
    { conversationId: entry.conversationId, email: HALIMA.email, name: 'Halima' },
    visitorToken,
  );
}

describe('one customer, one story, in Chromium', () => {
  it('beside a conversation, the agent sees who the customer is: contact points, past conversations and household', async () => {
    await anonymousVisitorLeavesHalimasEmail();

    // Halima, signed in on the shop, writes from the chat.
    const visitor = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await visitor.goto(`${warmline.url}/demo?member=1`);
    await visitor.locator('[data-testid="wl-launcher"]').click();
    await visitor.locator('[data-testid="wl-composer"]').fill(TODAY);
    await visitor.locator('[data-testid="wl-send"]').click();

    await agent.goto(`${warmline.url}/app/sign-in`);
    await agent.locator('[data-testid="sign-in-email"]').fill(DEMO_AGENT.email);
    await agent.locator('[data-testid="sign-in-password"]').fill(DEMO_AGENT.password);
    await agent.locator('[data-testid="sign-in-submit"]').click();
    await agent.locator('[data-testid="inbox-tab-all"]').click();
    await agent.locator('[data-testid="conversation-row"]').filter({ hasText: 'sesame-free like last time' }).click();

    await expect.poll(() => panel().locator('[data-testid="profile-name"]').innerText(), { timeout: 10_000 }).toBe(HALIMA.name);
    const email = panel().locator('[data-testid="contact-point"][data-kind="email"]');
    expect(await email.innerText()).toContain(HALIMA.email);
    expect(await email.getAttribute('data-verified')).toBe('true');
    expect(await email.locator('[data-testid="verified-mark"]').innerText()).toContain('verified');

    const membership = panel().locator('[data-testid="membership"]');
    expect(await membership.innerText()).toContain(HALIMA.household);
    expect(await membership.innerText()).toContain('Decision maker');

    // Her email about Zara's birthday cake and her call about a late delivery, not today's chat.
    const past = panel().locator('[data-testid="past-conversation"]');
    await expect.poll(() => past.count()).toBe(2);
    expect(await past.first().getAttribute('data-outcome')).toBe('resolved');
    expect((await past.allInnerTexts()).join('\n')).toMatch(/Phone[\s\S]*Email/);
    expect(await panel().innerText()).not.toContain('sesame-free like last time');

    // The demo keeps a note about Zara's allergy: it is the first thing a colleague reads.
    expect(await panel().locator('[data-testid="customer-note"]').first().innerText()).toContain('allergic to sesame');
    await shot(agent, 'agent-profile-panel');
  });

  it('offers "possibly the same person", merges after naming both, and can undo it', async () => {
    const suggestion = panel().locator('[data-testid="merge-suggestion"]');
    await suggestion.waitFor();
    expect(await suggestion.innerText()).toContain(`email: ${HALIMA.email}`);

    await suggestion.locator('[data-testid="merge-button"]').click();
    const dialog = agent.locator('[data-testid="merge-dialog"]');
    expect(await dialog.locator('h2').innerText()).toBe(`Merge Halima into ${HALIMA.name}?`);
    await dialog.locator('[data-testid="confirm-submit"]').click();

    const merged = panel().locator('[data-testid="merged-note"]');
    await merged.waitFor();
    expect(await merged.innerText()).toMatch(/Merged Halima[\s\S]*Undo/);
    expect(await suggestion.count()).toBe(0);
    // The folded-in visitor's conversation is now part of Halima's story.
    await expect.poll(() => panel().locator('[data-testid="past-conversation"]').count()).toBe(3);

    await merged.locator('[data-testid="merge-undo"]').click();
    await suggestion.waitFor();
    expect(await merged.count()).toBe(0);
    await expect.poll(() => panel().locator('[data-testid="past-conversation"]').count()).toBe(2);
  });

  it('an owner and a note set in the panel stay with the person', async () => {
    await panel().locator('[data-testid="profile-owner"]').selectOption({ label: 'Jonas Berg' });
    await panel().locator('[data-testid="customer-note-input"]').fill('Prefers a call after 5pm on weekdays.');
    await panel().locator('[data-testid="customer-note-add"]').click();
    await panel().locator('[data-testid="customer-note"]').filter({ hasText: 'after 5pm' }).waitFor();

    await agent.reload();
    await panel().locator('[data-testid="customer-note"]').filter({ hasText: 'after 5pm' }).waitFor({ timeout: 10_000 });
    const owner = panel().locator('[data-testid="profile-owner"]');
    expect(await owner.locator('option:checked').innerText()).toBe('Jonas Berg');
  });

  it('search finds an old conversation from a few of its words, marks them, and Enter opens it', async () => {
    const focused = () => agent.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    // "/" typed while writing a reply is part of the reply...
    const composer = agent.locator('[data-testid="composer"]');
    await composer.focus();
    await agent.keyboard.press('/');
    expect(await composer.inputValue()).toBe('/');
    expect(await focused()).toBe('composer');
    await composer.fill('');
    // ...anywhere else it goes to search.
    await agent.locator('[data-testid="timeline"]').click();
    await agent.keyboard.press('/');
    expect(await focused()).toBe('search-input');
    await agent.keyboard.type(OLD_WORDS);

    const results = agent.locator('[data-testid="search-results"][data-phase="done"]');
    const hit = results.locator('[data-testid="search-conversation"]').filter({ hasText: 'strawberries' });
    await hit.waitFor({ timeout: 10_000 });
    expect(await hit.innerText()).toContain(HALIMA.name);
    const marked = await hit.locator('[data-testid="search-snippet"] mark').allInnerTexts();
    expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['honey', 'cake', 'strawberries']));
    await shot(agent, 'agent-search');

    await agent.keyboard.press('Enter');
    await agent.locator('[data-testid="timeline-entry"]').filter({ hasText: 'sesame-free honey cake' }).waitFor();
    expect(agent.url()).toMatch(/\/app\/conversations\/[^/]+$/);
    // The profile beside it is the same person's.
    await expect.poll(() => panel().locator('[data-testid="profile-name"]').innerText()).toBe(HALIMA.name);
  });

  it('a slow answer to an earlier search never replaces the answer to what was typed since', async () => {
    let firstSeen!: () => void;
    const seen = new Promise<void>((resolve) => {
      firstSeen = resolve;
    });
    const stale: { route?: Route } = {};
    let aborted = false;
    agent.on('requestfailed', (request) => {
      if (request.url().includes('q=zzz')) aborted = true;
    });
    await agent.route('**/api/v1/search?*', async (route) => {
      if (new URL(route.request().url()).searchParams.get('q') === 'zzz') {
        stale.route = route;
        firstSeen();
        return;
      }
      await route.continue();
    });

    const input = agent.locator('[data-testid="search-input"]');
    await input.fill('');
    await input.pressSequentially('zzz');
    await seen;
    await input.fill(OLD_WORDS);
    await agent
      .locator('[data-testid="search-results"][data-phase="done"] [data-testid="search-conversation"]')
      .first()
      .waitFor();
    // The browser gave up on the stale request...
    await expect.poll(() => aborted).toBe(true);
    // ...and even if its answer arrives now, the results stay those for what is in the box.
    await stale.route?.fulfill({ json: { customers: [], conversations: [] } }).catch(() => {});
    await agent.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await agent.locator('[data-testid="search-conversation"]').count()).toBeGreaterThan(0);
    expect(await agent.locator('[data-testid="search-nothing"]').count()).toBe(0);
    await agent.unroute('**/api/v1/search?*');

    await input.fill('qqqxv');
    await agent.locator('[data-testid="search-nothing"]').waitFor();
    expect(await agent.locator('[data-testid="search-nothing"]').innerText()).toContain('Nobody and nothing matches “qqqxv”');
    await agent.keyboard.press('Escape');
  });

  it('the customer page tells the whole story, newest first, across channels', async () => {
    await panel().locator('[data-testid="profile-full-story"]').click();
    await agent.locator('[data-testid="customer-page"]').waitFor();
    const story = agent.locator('[data-testid="story-timeline"]');
    await story.waitFor();
    const items = story.locator('[data-testid="story-item"]');
    const texts = await items.allInnerTexts();
    const newest = texts.findIndex((t) => t.includes('sesame-free like last time'));
    const phone = texts.findIndex((t) => t.includes('two hours late'));
    const email = texts.findIndex((t) => t.includes('sesame-free honey cake'));
    expect(newest).toBeGreaterThan(-1);
    expect(phone).toBeGreaterThan(newest);
    expect(email).toBeGreaterThan(phone);
    expect(texts.some((t) => t.includes('after 5pm'))).toBe(true);
    await shot(agent, 'agent-customer');

    // Everything about her, as the JSON file she may ask for.
    const [download] = await Promise.all([
      agent.waitForEvent('download'),
      agent.locator('[data-testid="customer-export"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^customer-.+\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(exported.customer).toMatchObject({ name: HALIMA.name, email: HALIMA.email });
    expect(exported.conversations.length).toBeGreaterThanOrEqual(3);
  });

  it('the customers list narrows with its chips', async () => {
    await agent.locator('[data-testid="nav-customers"]').click();
    const rows = agent.locator('[data-testid="customer-row"]');
    await rows.filter({ hasText: 'Zara Yusuf' }).waitFor();
    const everyone = await rows.count();

    // Zara has no proven contact point: the Verified chip leaves her out.
    await agent.locator('[data-testid="filter-verified"] [data-value="verified"]').click();
    await expect.poll(() => rows.filter({ hasText: 'Zara Yusuf' }).count()).toBe(0);
    expect(await rows.count()).toBeLessThan(everyone);
    expect(await rows.filter({ hasText: HALIMA.name }).count()).toBe(1);

    // Halima is looked after by Jonas since the panel above; she is not mine any more.
    await agent.locator('[data-testid="filter-owner"] [data-value="me"]').click();
    await expect.poll(() => rows.filter({ hasText: HALIMA.name }).count()).toBe(0);
    await agent.locator('[data-testid="filter-owner"] [data-value="anyone"]').click();
    await rows.filter({ hasText: HALIMA.name }).waitFor();
    await shot(agent, 'agent-customers');
  });

  it('organizations list their people with roles and the story of all of them', async () => {
    await agent.locator('[data-testid="nav-organizations"]').click();
    const row = agent.locator('[data-testid="organization-row"]').filter({ hasText: HALIMA.household });
    await row.waitFor();
    expect(await agent.locator('[data-testid="organization-row"]').count()).toBe(2);
    await shot(agent, 'agent-organizations');

    await row.locator('a').click();
    await agent.locator('[data-testid="organization-page"]').waitFor();
    const members = agent.locator('[data-testid="member-row"]');
    await expect.poll(() => members.count()).toBe(2);
    expect(await members.filter({ hasText: HALIMA.name }).locator('select').inputValue()).toBe('decision_maker');
    expect(await members.filter({ hasText: 'Zara Yusuf' }).locator('select').inputValue()).toBe('beneficiary');
    await agent.locator('[data-testid="story-item"]').filter({ hasText: 'two hours late' }).waitFor();

    // Add Grace from the office account as a user of the household's orders, then take her off again.
    await agent.locator('[data-testid="member-search"]').fill('Grace');
    await agent.locator('[data-testid="member-candidate"]').filter({ hasText: 'Grace Mwangi' }).click();
    await agent.locator('[data-testid="member-add"]').click();
    await expect.poll(() => members.count()).toBe(3);
    await shot(agent, 'agent-organization');
    const grace = members.filter({ hasText: 'Grace Mwangi' });
    expect(await grace.locator('select').inputValue()).toBe('user');
    await grace.getByRole('button', { name: 'Remove Grace Mwangi' }).click();
    await grace.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => members.count()).toBe(2);
  });

  it('an admin erases a person only after typing their name', async () => {
    await agent.locator('[data-testid="nav-customers"]').click();
    await agent.locator('[data-testid="customer-row"]').filter({ hasText: 'Zara Yusuf' }).locator('a').click();
    await agent.locator('[data-testid="customer-erase"]').click();
    const dialog = agent.locator('[data-testid="erase-dialog"]');
    const confirm = dialog.locator('[data-testid="confirm-submit"]');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.locator('[data-testid="confirm-typed"]').fill('Zara');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.locator('[data-testid="confirm-typed"]').fill('Zara Yusuf');
    await confirm.click();
    await agent.locator('.erased-note').waitFor();
    expect(await agent.locator('[data-testid="customer-erase"]').count()).toBe(0);
    expect(await agent.locator('[data-testid="profile-name"]').innerText()).toBe('Erased customer');
  });

  it('on a narrow screen the profile waits behind a toggle', async () => {
    await agent.setViewportSize({ width: 1100, height: 800 });
    await agent.locator('[data-testid="nav-inbox"]').click();
    await agent.locator('[data-testid="conversation-row"]').filter({ hasText: 'sesame-free like last time' }).click();
    const toggle = agent.locator('[data-testid="profile-show"]');
    await toggle.waitFor();
    expect(await panel().count()).toBe(0);
    await toggle.click();
    await expect.poll(() => panel().locator('[data-testid="profile-name"]').innerText()).toBe(HALIMA.name);
    await agent.keyboard.press('Escape');
    await toggle.waitFor();
  });
});
