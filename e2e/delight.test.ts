import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { DEMO_PEOPLE, launchChromium, screenshots, signInAs, startWarmline, visitorSends, type Warmline } from './harness.ts';

const PASSWORD = 'warmline-demo';

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
/** How far the page is wider than its window: anything above 0 is a sideways scroll or something cut off. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('moments of delight, in Chromium', () => {
  it('an agent marks a moment on a customer message, it shows on the team wall, and the shared link shows it until revoked', async () => {
    const open = async (viewport = { width: 1280, height: 800 }) => (await browser.newContext({ viewport })).newPage();

    // Wanjiru writes on the demo shop: a question, her thanks, and a message that reads delighted.
    const visitor = await open();
    await visitor.goto(`${warmline.url}/demo`);
    await visitor.locator('[data-testid="wl-launcher"]').click();
    const question = 'Is the birthday cake for Saturday ready?';
    // Warm, though no rule would say so: the agent is the one who knows it.
    const thanks = 'Jonas drove the cake over himself. The kids were speechless';
    const delighted = 'This is wonderful, I love it!';
    const best = 'You are the best, thank you so so much!!';
    await visitorSends(visitor, question);

    // Jonas takes it for Orders & deliveries; Wanjiru has told us her full name.
    const admin = await apiSession(warmline.url, DEMO_PEOPLE['Amina Odhiambo'], PASSWORD);
    const listed = (await admin.get('/api/v1/conversations?view=all')) as {
      conversations: Array<{ id: string; customer: { id: string }; lastMessage: { body: string } | null }>;
    };
    const asked = listed.conversations.find((c) => c.lastMessage?.body === question)!;
    const { teams } = (await admin.get('/api/v1/teams')) as { teams: Array<{ id: string; name: string }> };
    const orders = teams.find((t) => t.name === 'Orders & deliveries')!;
    const jonasId = (await apiSession(warmline.url, DEMO_PEOPLE['Jonas Berg'], PASSWORD)).agentId;
    await admin.patch(`/api/v1/customers/${asked.customer.id}`, { name: 'Wanjiru Kamau' });
    await admin.patch(`/api/v1/conversations/${asked.id}`, { teamId: orders.id });
    await admin.post(`/api/v1/conversations/${asked.id}/assign`, { agentId: jonasId });
    await visitorSends(visitor, thanks);
    await visitorSends(visitor, delighted);
    await visitorSends(visitor, best);

    // Jonas points at her thanks and marks it: a quiet ✨ becomes a pill.
    const jonas = await open();
    await signInAs(jonas, warmline.url, { email: DEMO_PEOPLE['Jonas Berg'], password: PASSWORD });
    await jonas.goto(`${warmline.url}/app/conversations/${asked.id}`);
    const entryOf = (text: string) => jonas.locator('[data-testid="timeline-entry"]', { hasText: text });
    await entryOf(thanks).waitFor({ timeout: 10_000 });
    // The message that reads delighted asks, gently, whether it belongs on the wall.
    await entryOf(delighted).locator('[data-testid="delight-suggestion"]').waitFor({ timeout: 10_000 });
    expect(await entryOf(question).locator('[data-testid="delight-suggestion"]').count()).toBe(0);
    await entryOf(thanks).hover();
    await entryOf(thanks).locator('[data-testid="delight-mark"]').click();
    await entryOf(thanks).locator('[data-testid="delight-marked"]').waitFor({ timeout: 10_000 });
    await entryOf(delighted).hover();
    expect(await overflow(jonas)).toBe(0);
    await shot(jonas, 'delight-mark');
    // On a phone the quiet mark is a sparkle alone, and nothing pushes the page sideways.
    const jonasPhone = await open({ width: 390, height: 844 });
    await signInAs(jonasPhone, warmline.url, { email: DEMO_PEOPLE['Jonas Berg'], password: PASSWORD });
    await jonasPhone.goto(`${warmline.url}/app/conversations/${asked.id}`);
    await jonasPhone.locator('[data-testid="delight-marked"]').waitFor({ timeout: 10_000 });
    await jonasPhone.locator('[data-testid="delight-suggestion"]').first().waitFor();
    expect(await overflow(jonasPhone)).toBe(0);
    await shot(jonasPhone, 'delight-mark-phone');
    await entryOf(delighted).locator('[data-testid="delight-dismiss"]').click();
    await expect.poll(() => entryOf(delighted).locator('[data-testid="delight-suggestion"]').count()).toBe(0);

    // On the wall: her words, her first name, Jonas and the date.
    // The wall opens on all teams' moments; the team's own wall is one tab away.
    await jonas.locator('[data-testid="nav-delight"]').click();
    await jonas.locator('[data-testid="wall-tab"][aria-current="page"]', { hasText: 'All teams' }).waitFor({ timeout: 10_000 });
    await jonas.locator('[data-testid="moment-card"]', { hasText: thanks }).waitFor({ timeout: 10_000 });
    await jonas.locator('[data-testid="wall-tab"]', { hasText: 'Orders & deliveries' }).click();
    await jonas.locator('[data-testid="wall-tab"][aria-current="page"]', { hasText: 'Orders & deliveries' }).waitFor();
    const card = jonas.locator('[data-testid="moment-card"]', { hasText: thanks });
    await card.waitFor({ timeout: 10_000 });
    const cardText = await card.innerText();
    expect(cardText).toContain('Wanjiru');
    expect(cardText).toContain('Jonas Berg');
    expect(cardText).not.toContain('Kamau');
    expect(await jonas.locator('[data-testid="moment-card"]', { hasText: delighted }).count()).toBe(0);
    // What Jonas has not decided yet waits beside the wall.
    await jonas.locator('[data-testid="moment-suggestion"]', { hasText: best }).waitFor({ timeout: 10_000 });
    // Agents read the wall; sharing it is for supervisors and admins.
    expect(await jonas.locator('[data-testid="wall-share"]').count()).toBe(0);
    expect(await overflow(jonas)).toBe(0);
    await shot(jonas, 'delight-wall');

    // Priya, a supervisor, finds the suggestion Jonas left waiting and keeps it; then makes the wall's link.
    const priya = await open();
    await signInAs(priya, warmline.url, { email: DEMO_PEOPLE['Priya Nair'], password: PASSWORD });
    await priya.goto(`${warmline.url}/app/delight/${orders.id}`);
    await priya.locator('[data-testid="moment-card"]', { hasText: thanks }).waitFor({ timeout: 10_000 });
    const waiting = priya.locator('[data-testid="moment-suggestion"]', { hasText: best });
    await waiting.waitFor({ timeout: 10_000 });
    expect(await priya.locator('[data-testid="moment-suggestion"]', { hasText: delighted }).count()).toBe(0);
    expect(await overflow(priya)).toBe(0);
    await shot(priya, 'delight-wall-suggested');
    await waiting.locator('[data-testid="moment-keep"]').click();
    await priya.locator('[data-testid="moment-card"]', { hasText: best }).waitFor({ timeout: 10_000 });
    expect(await priya.locator('[data-testid="moment-suggestion"]').count()).toBe(0);
    await priya.locator('[data-testid="wall-share-start"]').click();
    const url = priya.locator('[data-testid="wall-share-url"]');
    await url.waitFor({ timeout: 10_000 });
    const link = await url.inputValue();
    expect(link).toMatch(/\/wall\/[\w-]+\.[\w-]+$/);
    expect(await overflow(priya)).toBe(0);
    await shot(priya, 'delight-wall-share');

    // Anyone with the link, signed in or not, reads the wall: words as written, inert, first name only.
    const stranger = await open({ width: 1024, height: 720 });
    await stranger.goto(link);
    await stranger.locator('li', { hasText: thanks }).waitFor({ timeout: 10_000 });
    const page = await stranger.locator('main').innerText();
    expect(page).toContain('Moments of delight');
    expect(page).toContain('Wanjiru');
    expect(page).toContain('Jonas Berg');
    expect(page).not.toContain('Kamau');
    expect(await stranger.locator('script').count()).toBe(0);
    expect(await overflow(stranger)).toBe(0);
    await shot(stranger, 'delight-public-wall');
    const phone = await open({ width: 390, height: 844 });
    await phone.goto(link);
    await phone.locator('li', { hasText: thanks }).waitFor({ timeout: 10_000 });
    expect(await overflow(phone)).toBe(0);
    await shot(phone, 'delight-public-wall-phone');

    // Priya stops sharing: the link opens nothing from now on.
    await priya.locator('[data-testid="wall-share-stop"]').click();
    await priya.locator('[data-testid="wall-share-start"]').waitFor({ timeout: 10_000 });
    const gone = await stranger.goto(link);
    expect(gone?.status()).toBe(404);
    expect(await stranger.locator('main').innerText()).toContain("This wall isn't shared any more");
    expect(await stranger.locator('main').innerText()).not.toContain(thanks);
  });
});
