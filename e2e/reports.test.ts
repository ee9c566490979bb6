import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, visitorWritesByApi } from './api.ts';
import { DEMO_PEOPLE, launchChromium, screenshots, signInAs, startWarmline, type Warmline } from './harness.ts';

const PASSWORD = 'warmline-demo';

/** Customers who write on the chat today and reach Amina, with the way each of them bought from the bakery. */
const CUSTOMERS = [
  { name: 'Ngozi Adeyemi', bought: 'web', text: 'Can I change the delivery address on my order?' },
  { name: 'Lars Holm', bought: 'web', text: 'Is the seeded rye vegan?' },
  { name: 'Achieng Otieno', bought: 'store', text: 'I left my umbrella at the counter this morning.' },
  { name: 'Farah Said', bought: 'phone', text: 'Could the birthday cake say "Happy 7th, Imani"?' },
  { name: 'Diego Marín', bought: 'web', text: 'My discount code did not work at checkout.' },
] as const;

let warmline: Warmline;
let browser: Browser;
let priya: Page;

type Api = Awaited<ReturnType<typeof apiSession>>;

/** Amina answers, and names the customer and the way they bought. */
async function aminaAnswers(amina: Api, id: string, customer: (typeof CUSTOMERS)[number]) {
  await amina.post(`/api/v1/conversations/${id}/messages`, { clientId: randomUUID(), body: 'Happy to help with that.' });
  const { conversation } = (await amina.get(`/api/v1/conversations/${id}`)) as { conversation: { customer: { id: string } } };
  await amina.patch(`/api/v1/customers/${conversation.customer.id}`, {
    name: customer.name,
    attributes: { purchase_channel: customer.bought },
  });
}

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  const amina = await apiSession(warmline.url, DEMO_PEOPLE['Amina Odhiambo'], PASSWORD);
  await amina.post('/api/v1/attributes', {
    key: 'purchase_channel',
    label: 'Bought through',
    type: 'choice',
    choices: ['store', 'web', 'phone'],
  });
  const html = await (await fetch(`${warmline.url}/demo`)).text();
  const workspaceKey = /data-workspace="([^"]+)"/.exec(html)![1]!;
  const ids = [];
  for (const customer of CUSTOMERS) ids.push(await visitorWritesByApi(warmline.url, workspaceKey, customer.text));
  // The customers wait while the browser starts and Priya signs in; then Amina answers each in turn.
  browser = await launchChromium();
  priya = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })).newPage();
  await signInAs(priya, warmline.url, { email: DEMO_PEOPLE['Priya Nair'], password: PASSWORD });
  for (const [i, customer] of CUSTOMERS.entries()) await aminaAnswers(amina, ids[i]!, customer);
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

/** The picture into docs/, once nothing is wider than the screen. */
async function shot(page: Page, name: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name).toBe(0);
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

const cellValue = async (page: Page, scope: string, measure: string) =>
  Number(await page.locator(`${scope} [data-testid="report-cell"][data-measure="${measure}"]`).getAttribute('data-value'));

/** The number of conversations a drill-down lists, once it has read them all. */
async function listedConversations(page: Page): Promise<number> {
  const count = page.locator('[data-testid="drill-count"]');
  await expect.poll(() => count.getAttribute('data-count'), { timeout: 10_000 }).toMatch(/^\d+$/);
  const listed = Number(await count.getAttribute('data-count'));
  expect(await page.locator('[data-testid="drill-row"]').count()).toBe(listed);
  return listed;
}

describe('reports, as a supervisor reads them in Chromium', () => {
  it('the overview leads with time to a person, and every figure has a card', async () => {
    await priya.locator('[data-testid="nav-reports"]').click();
    const headline = priya.locator('[data-testid="headline-tth-value"]');
    await expect.poll(() => headline.innerText(), { timeout: 10_000 }).toMatch(/^(<1 s|\d+ (s|min|h|d)\b.*)$/);
    expect(await priya.locator('[data-testid="headline-tth"]').innerText()).toMatch(/9 in 10 within .+ · \d+ conversations/);
    expect(await priya.locator('[data-testid="figure-card"]').count()).toBe(10);
    await expect
      .poll(() => priya.locator('[data-testid="figure-card"][data-figure="channel-matrix"]').innerText())
      .toMatch(/\d+% came by (chat|email|phone)/);
    await shot(priya, 'reports-overview');
  });

  it('a figure page groups by channel, and its chat count drills down to as many conversations', async () => {
    await priya.locator('[data-testid="headline-tth"]').click();
    const chat = '[data-testid="report-row"][data-row-key="chat"]';
    await priya.locator(chat).waitFor({ timeout: 10_000 });
    // Drawn: Chart.js arrives in its own chunk on first use.
    await priya.locator('[data-testid="report-chart"][data-drawn="true"]').waitFor();
    const chats = await cellValue(priya, chat, 'count');
    expect(chats).toBeGreaterThanOrEqual(CUSTOMERS.length);
    expect(await cellValue(priya, '[data-testid="report-total"]', 'count')).toBeGreaterThanOrEqual(chats);
    await shot(priya, 'reports-figure');

    // Day by day, the same chart shows the period's days.
    await priya.locator('[data-testid="report-chart-by"] [data-value="day"]').click();
    await priya.locator('[data-testid="report-chart"][data-drawn="true"]').waitFor();
    expect(await priya.locator('[data-testid="report-chart"] canvas').getAttribute('aria-label')).toContain('day by day');
    await priya.locator('[data-testid="report-chart-by"] [data-value="group"]').click();

    // The chart's first column is chat (groups sort by name): clicking it lists the conversations behind its median.
    await priya.locator('[data-testid="report-chart"][data-drawn="true"] canvas').click({ position: { x: 140, y: 100 } });
    await expect.poll(() => priya.url()).toContain('row=chat&measure=p50');
    expect(await listedConversations(priya)).toBe(chats);
    await priya.goBack();
    await priya.locator(chat).waitFor();

    await priya.locator(`${chat} [data-testid="report-cell"][data-measure="count"] a`).click();
    expect(await listedConversations(priya)).toBe(chats);
    const ngozi = priya.locator('[data-testid="drill-row"]', { hasText: 'Ngozi Adeyemi' });
    expect(await ngozi.count()).toBe(1);
    await shot(priya, 'reports-drill-down');

    // Each conversation opens itself.
    const id = await ngozi.getAttribute('data-conversation-id');
    await ngozi.locator('a').click();
    await expect.poll(() => priya.url()).toContain(`/app/conversations/${id}`);
    await priya.goBack();
    await priya.locator('[data-testid="drill-row"]').first().waitFor();
  });

  it('grouped by person, the CSV download holds the same figures as the table', async () => {
    await priya.locator('.report-back').click();
    await priya.locator('[data-testid="report-group"] [data-value="agent"]').click();
    await expect.poll(() => priya.url()).toContain('groupBy=agent');
    const rows = priya.locator('[data-testid="report-row"]');
    await expect.poll(() => rows.filter({ hasText: 'Amina Odhiambo' }).count(), { timeout: 10_000 }).toBe(1);

    const table = new Map<string, number[]>();
    for (const row of await rows.all()) {
      const label = ((await row.locator('th').textContent()) ?? '').trim();
      const cells = row.locator('[data-testid="report-cell"]');
      table.set(
        label,
        await cells.evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.value || Number.NaN))),
      );
    }
    const [download] = await Promise.all([priya.waitForEvent('download'), priya.locator('[data-testid="report-csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^warmline-time-to-human-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/);
    expect(csv[0]).toBe('row,p50,p90,count');
    const lines = csv.slice(1, -1).map((l) => l.split(','));
    expect(new Set(lines.map(([label]) => label))).toEqual(new Set(table.keys()));
    for (const [label, ...numbers] of lines) {
      expect(
        numbers.map((n) => (n === '' ? Number.NaN : Number(n))),
        label,
      ).toEqual(table.get(label!));
    }
    expect(csv.at(-1)).toMatch(/^total,/);
  });

  it('the channel matrix is a heat map whose cells open the customers behind them', async () => {
    await priya.goto(`${warmline.url}/app/reports/channel-matrix`);
    const cell = priya.locator('[data-testid="heat-row"][data-row-key="web"] [data-testid="heat-cell"][data-measure="chat"]');
    await cell.waitFor({ timeout: 10_000 });
    expect(Number(await cell.getAttribute('data-value'))).toBe(3);
    // Every web buyer of the period came by chat: the deepest shade.
    expect(await cell.innerText()).toMatch(/3\s+100%/);
    await shot(priya, 'reports-heat-map');

    await cell.locator('a').click();
    expect(await listedConversations(priya)).toBe(3);
    expect(await priya.locator('[data-testid="drill-table"]').innerText()).toMatch(
      /Ngozi Adeyemi[\s\S]*Lars Holm[\s\S]*Diego Marín/,
    );
  });

  it('reads calmly on a phone: the overview, a figure, the heat map and a drill-down fit the screen', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
    await signInAs(phone, warmline.url, { email: DEMO_PEOPLE['Priya Nair'], password: PASSWORD });
    await phone.goto(`${warmline.url}/app/reports`);
    await expect.poll(() => phone.locator('[data-testid="headline-tth-value"]').innerText(), { timeout: 10_000 }).not.toBe('…');
    await shot(phone, 'reports-overview-phone');
    await phone.goto(`${warmline.url}/app/reports/channel-matrix`);
    await phone.locator('[data-testid="heat-map"]').waitFor({ timeout: 10_000 });
    await shot(phone, 'reports-heat-map-phone');
    await phone.goto(`${warmline.url}/app/reports/time-to-human`);
    await phone.locator('[data-testid="report-chart"][data-drawn="true"]').waitFor({ timeout: 10_000 });
    await shot(phone, 'reports-figure-phone');
    // The table fills its card and nothing in it needs scrolling sideways.
    const fit = await phone.locator('.report-table').evaluate((table) => ({
      row: Math.round(table.querySelector('tr')!.getBoundingClientRect().width),
      card: table.parentElement!.clientWidth,
      overflow: table.parentElement!.scrollWidth - table.parentElement!.clientWidth,
    }));
    expect(fit.row).toBe(fit.card);
    expect(fit.overflow).toBe(0);
    await phone
      .locator('[data-testid="report-row"][data-row-key="chat"] [data-testid="report-cell"][data-measure="count"] a')
      .click();
    await listedConversations(phone);
    await shot(phone, 'reports-drill-down-phone');
  });

  it('an agent finds Reports too, for the teams they are in', async () => {
    const jonas = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInAs(jonas, warmline.url, { email: DEMO_PEOPLE['Jonas Berg'], password: PASSWORD });
    await jonas.locator('[data-testid="nav-reports"]').click();
    await jonas.locator('[data-testid="headline-tth"]').waitFor({ timeout: 10_000 });
    expect(await jonas.locator('.page-subtitle').innerText()).toContain('For the teams you are in.');
    expect(await jonas.locator('[data-testid="reports-forbidden"]').count()).toBe(0);
  });

  it('a range with nothing in it says so instead of drawing empty charts', async () => {
    await priya.goto(`${warmline.url}/app/reports/time-to-human`);
    await priya.locator('[data-testid="report-range"] [data-value="custom"]').click();
    await priya.locator('input[aria-label="From"]').fill('2020-01-01');
    await priya.locator('input[aria-label="To"]').fill('2020-01-31');
    await priya.locator('.report-dates button[type="submit"]').click();
    await expect.poll(() => priya.url()).toContain('from=2020-01-01&to=2020-01-31');
    const empty = priya.locator('[data-testid="report-empty"]');
    await empty.waitFor({ timeout: 10_000 });
    expect(await empty.innerText()).toContain('No conversations in this period');
    expect(await priya.locator('[data-testid="report-chart"]').count()).toBe(0);
  });
});
