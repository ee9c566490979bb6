import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshots, startWarmline, type Warmline } from './harness.ts';

let warmline: Warmline;
let browser: Browser;
let adminContext: BrowserContext;
let admin: Page;
/** The customer's website: one plain page whose body is the embed code the admin copied. */
let shop: http.Server;
let shopOrigin: string;
let snippet = '';

const ADMIN = { name: 'Rosa Mwangi', email: 'rosa@rosies.example', password: 'a long enough password' };
const TEAMMATE = { name: 'Sam Otieno', email: 'sam@rosies.example', password: 'another long password' };
const COLOUR = '#1f5f8b';

beforeAll(async () => {
  warmline = await startWarmline();
  browser = await launchChromium();
  adminContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await adminContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: warmline.url });
  admin = await adminContext.newPage();
  shop = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><meta charset="utf-8"><title>Rosie's Bakery</title></head>
<body><h1>Rosie's Bakery</h1><p>Fresh bread every morning.</p>${snippet}</body></html>`);
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => shop?.close(resolve));
  await warmline?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

/** A square logo drawn in the browser: a PNG as an admin would pick from their computer. */
async function drawLogo(): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 200, height: 200 } });
  await page.setContent(
    `<div id="logo" style="width:160px;height:160px;border-radius:36px;background:${COLOUR};color:#fff;display:grid;place-items:center;font:700 96px Georgia,serif">R</div>`,
  );
  const png = await page.locator('#logo').screenshot({ omitBackground: true });
  await page.close();
  return png;
}

async function openSettings(section: string) {
  await admin.locator(`[data-testid="settings-tab-${section}"]`).click();
  await admin.locator(`[data-testid="settings-${section}"]`).waitFor();
}

describe('a fresh install, set up end to end in the app by its first admin', () => {
  it('the first admin sets Warmline up from the printed link', async () => {
    const link = /(http:\/\/\S+\/app\/invite\/\S+)/.exec(warmline.output())?.[1];
    expect(link).toBeDefined();
    await admin.goto(link!);
    await admin.locator('[data-testid="invite-submit"]').waitFor();
    expect(await admin.locator('h1').innerText()).toBe('Set up Warmline');
    await admin.locator('[data-testid="invite-display-name"]').fill(ADMIN.name);
    await admin.locator('[data-testid="invite-email"]').fill(ADMIN.email);
    await admin.locator('[data-testid="invite-password"]').fill(ADMIN.password);
    await admin.locator('[data-testid="invite-submit"]').click();
    await admin.locator('[data-testid="presence-switch"]').waitFor();
    // Nothing of the demo bakery on a fresh install: /demo is a plain page with this workspace's chat.
    const demo = await (await fetch(`${warmline.url}/demo`)).text();
    expect(demo).not.toContain('Juniper');
    expect(demo).toMatch(/data-workspace="wk_/);
  });

  it('names the business, picks a readable colour, writes the greeting and uploads a logo', async () => {
    await admin.locator('[data-testid="nav-settings"]').click();
    await admin.locator('[data-testid="settings-workspace"]').waitFor();
    await admin.locator('[data-testid="workspace-name"]').fill('Rosie’s Bakery');
    await admin
      .locator('[data-testid="workspace-greeting"]')
      .fill('Karibu! Rosa or Sam will answer you — real people, right here.');
    // Too light for white text: the screen says so before anything is saved, and the server refuses it.
    await admin.locator('[data-testid="workspace-colour"]').fill('#ffd966');
    expect(await admin.locator('[data-testid="colour-contrast"]').innerText()).toMatch(/Too light/);
    await admin.locator('[data-testid="workspace-save"]').click();
    await expect
      .poll(() => admin.locator('[data-testid="workspace-save-status"]').innerText())
      .toMatch(/widgetColor is too light/);
    await admin.locator('[data-testid="workspace-colour"]').fill(COLOUR);
    expect(await admin.locator('[data-testid="colour-contrast"]').innerText()).toMatch(/reads well/);
    await admin.locator('[data-testid="workspace-currency"]').selectOption('KES');
    await admin.locator('[data-testid="workspace-languages"]').fill('en, sw');
    await admin.locator('[data-testid="workspace-save"]').click();
    await expect.poll(() => admin.locator('[data-testid="workspace-save-status"]').innerText()).toBe('Saved.');
    // The sidebar names the business at once.
    await expect.poll(() => admin.locator('.sidebar .workspace-name').innerText()).toBe('Rosie’s Bakery');

    await admin
      .locator('[data-testid="logo-file"]')
      .setInputFiles({ name: 'rosies-logo.png', mimeType: 'image/png', buffer: await drawLogo() });
    await expect.poll(() => admin.locator('[data-testid="logo-status"]').innerText()).toBe('Logo saved.');
    expect(await admin.locator('[data-testid="logo-preview"]').getAttribute('src')).toMatch(/^\/files\//);
    await admin.mouse.move(0, 0);
    await shot(admin, 'settings-workspace');
    const phone = await adminContext.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${warmline.url}/app/settings/workspace`);
    await phone.locator('[data-testid="logo-preview"]').waitFor();
    await shot(phone, 'settings-workspace-phone');
    await phone.close();
  });

  it('sets the time zone, the week and a holiday, told plainly what is missing', async () => {
    await openSettings('hours');
    await admin.locator('[data-testid="hours-timezone"]').fill('Africa/Nairobi');
    await admin.locator('[data-testid="hours-mon"] input[type="checkbox"]').uncheck();
    await admin.locator('[data-testid="hours-sat"] input[type="checkbox"]').check();
    await admin.locator('[data-testid="hours-sat"] input[aria-label="Saturday opens"]').fill('10:00');
    await admin.locator('[data-testid="hours-sat"] input[aria-label="Saturday closes"]').fill('14:00');
    await admin.locator('[data-testid="holiday-add"]').click();
    const holiday = admin.locator('[data-testid="holiday"]').first();
    await holiday.locator('input[type="date"]').fill('2026-12-25');
    await admin.locator('[data-testid="hours-save"]').click();
    await expect
      .poll(() => admin.locator('[data-testid="hours-save-status"]').innerText())
      .toMatch(/holidays: each day needs a name/);
    await holiday.locator('input[aria-label="Name"]').fill('Christmas Day');
    await admin.locator('[data-testid="hours-save"]').click();
    await expect.poll(() => admin.locator('[data-testid="hours-save-status"]').innerText()).toBe('Saved.');
    const saved = await admin.evaluate(async () => (await (await fetch('/api/v1/workspace')).json()).workspace);
    expect(saved).toMatchObject({
      timezone: 'Africa/Nairobi',
      openingHours: { mon: null, tue: ['09:00', '17:00'], sat: ['10:00', '14:00'], sun: null },
      holidays: [{ date: '2026-12-25', name: 'Christmas Day', hours: null }],
    });
    await shot(admin, 'settings-hours');
  });

  it('invites a teammate, who accepts in a browser of their own and finds no settings', async () => {
    await admin.locator('[data-testid="nav-team"]').click();
    await admin.locator('[data-testid="invite-form-email"]').fill(TEAMMATE.email);
    await admin.locator('[data-testid="invite-form-submit"]').click();
    const link = await admin.locator('[data-testid="invitation-link"]').inputValue();
    expect(link).toMatch(/\/app\/invite\//);

    // A team of the two of them, with a chat target of its own.
    await admin.locator('[data-testid="team-new"]').click();
    await admin.locator('[data-testid="team-form"] [data-testid="team-name"]').fill('Shop floor');
    await admin.locator('[data-testid="team-submit"]').click();
    await admin.locator('[data-testid="team-row"]').filter({ hasText: 'Shop floor' }).waitFor();

    const samContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const sam = await samContext.newPage();
    await sam.goto(link);
    await sam.locator('[data-testid="invite-display-name"]').fill(TEAMMATE.name);
    await sam.locator('[data-testid="invite-email"]').fill(TEAMMATE.email);
    await sam.locator('[data-testid="invite-password"]').fill(TEAMMATE.password);
    await sam.locator('[data-testid="invite-submit"]').click();
    await sam.locator('[data-testid="presence-switch"]').waitFor();
    expect(await sam.locator('.sidebar .workspace-name').innerText()).toBe('Rosie’s Bakery');
    expect(await sam.locator('[data-testid="nav-settings"]').count()).toBe(0);
    await sam.goto(`${warmline.url}/app/settings`);
    await sam.getByText('Settings are for admins').waitFor();
    const refused = await sam.evaluate(async () => {
      const res = await fetch('/api/v1/workspace/identity-secret');
      return { status: res.status, body: await res.json() };
    });
    expect(refused).toEqual({
      status: 403,
      body: { error: expect.objectContaining({ message: 'Only admins can see the identity verification secret.' }) },
    });
    await samContext.close();
  });

  it('sets the team’s time-to-human targets', async () => {
    await admin.locator('[data-testid="nav-settings"]').click();
    await openSettings('targets');
    const team = admin.locator('[data-testid="team-targets"]').filter({ hasText: 'Shop floor' });
    await team.locator('[data-testid="target-chat"]').fill('3');
    await team.locator('[data-testid="target-phone"]').fill('1.5');
    await team.locator('[data-testid="targets-save"]').click();
    await expect.poll(() => team.locator('[data-testid="targets-save-status"]').innerText()).toBe('Saved.');
    const teams = await admin.evaluate(async () => (await (await fetch('/api/v1/teams')).json()).teams);
    expect(teams[0]).toMatchObject({ name: 'Shop floor', targetSeconds: 180, channelTargets: { phone: 90, email: 14400 } });
    await shot(admin, 'settings-targets');
  });

  it('gives the team hours of its own, then lets it follow the workspace’s again', async () => {
    await openSettings('hours');
    const row = admin.locator('[data-testid="team-hours"][data-team="Shop floor"]');
    expect(await row.innerText()).toContain('Follows the workspace’s hours');
    await row.locator('[data-testid="team-hours-edit"]').click();
    await row.locator('[data-testid="hours-timezone-shop-floor"]').fill('Europe/London');
    await row.locator('[data-testid="hours-sun"] input[type="checkbox"]').check();
    await row.locator('[data-testid="hours-form-shop-floor"]').scrollIntoViewIfNeeded();
    await shot(admin, 'settings-hours-team');
    await row.locator('[data-testid="hours-save-shop-floor"]').click();
    await expect.poll(() => row.innerText()).toContain('Its own hours, in Europe/London');
    const teams = await admin.evaluate(async () => (await (await fetch('/api/v1/teams')).json()).teams);
    expect(teams[0].hours).toMatchObject({
      timezone: 'Europe/London',
      openingHours: { mon: null, sun: ['09:00', '17:00'] },
      holidays: [{ date: '2026-12-25', name: 'Christmas Day', hours: null }],
    });
    await row.locator('[data-testid="team-hours-follow"]').click();
    await expect.poll(() => row.innerText()).toContain('Follows the workspace’s hours');
  });

  it('copies the widget snippet, allows the shop’s website, and shows and replaces the identity secret', async () => {
    await openSettings('website');
    await admin.locator('[data-testid="embed-copy"]').click();
    snippet = await admin.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(/^<script src="http:\/\/localhost:\d+\/widget\.js" data-workspace="wk_[^"]+" async><\/script>$/);

    await admin.locator('[data-testid="allowed-origins"]').fill('https://shop.example/cakes');
    await admin.locator('[data-testid="origins-save"]').click();
    await expect.poll(() => admin.locator('[data-testid="origins-save-status"]').innerText()).toMatch(/allowedOrigins/);
    await admin.locator('[data-testid="allowed-origins"]').fill(`${shopOrigin}/\nhttps://rosies.example`);
    await admin.locator('[data-testid="origins-save"]').click();
    await expect.poll(() => admin.locator('[data-testid="origins-save-status"]').innerText()).toBe('Saved.');
    expect(await admin.locator('[data-testid="allowed-origins"]').inputValue()).toBe(`${shopOrigin}\nhttps://rosies.example`);

    await admin.locator('[data-testid="identity-secret-show"]').click();
    const first = await admin.locator('[data-testid="identity-secret"]').inputValue();
    expect(first).toMatch(/^\S{32,}$/);
    await admin.locator('[data-testid="identity-secret-rotate"]').click();
    await admin.locator('[data-testid="rotate-dialog"]').waitFor();
    await shot(admin, 'settings-website-rotate');
    await admin.locator('[data-testid="rotate-dialog"] [data-testid="confirm-submit"]').click();
    await expect.poll(() => admin.locator('[data-testid="identity-secret"]').inputValue()).not.toBe(first);
    await shot(admin, 'settings-website');
  });

  it('the snippet on the shop’s plain page shows the chat in the workspace’s colour, logo and greeting, and reaches the admin', async () => {
    await admin.locator('[data-testid="presence-switch"]').selectOption('available');
    await expect.poll(() => admin.locator('[data-testid="presence-switch"]').inputValue()).toBe('available');
    await admin.locator('[data-testid="nav-inbox"]').click();

    const customer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await customer.goto(shopOrigin);
    const launcher = customer.locator('[data-testid="wl-launcher"]');
    await expect
      .poll(() => launcher.evaluate((el) => getComputedStyle(el).backgroundColor), { timeout: 10_000 })
      .toBe('rgb(31, 95, 139)');
    await launcher.click();
    await customer.locator('[data-testid="wl-greeting"]').filter({ hasText: 'Karibu! Rosa or Sam will answer you' }).waitFor();
    await customer.locator('[data-testid="wl-logo"]').waitFor();
    expect(
      await customer.locator('[data-testid="wl-logo"]').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);
    await customer.locator('[data-testid="wl-composer"]').fill('Hello! Do you have sourdough today?');
    await customer.locator('[data-testid="wl-send"]').click();

    const row = admin.locator('[data-testid="conversation-row"]').filter({ hasText: 'sourdough today' });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await admin.locator('[data-testid="composer"]').fill('Hi, I’m Rosa. Yes, two loaves left. Shall I keep one for you?');
    await admin.locator('[data-testid="send-button"]').click();
    await customer
      .locator('[data-testid="wl-message"]')
      .filter({ hasText: 'Shall I keep one for you?' })
      .waitFor({ timeout: 10_000 });
    expect(await customer.locator('[data-testid="wl-agent-name"]').innerText()).toContain('Rosa');
    await shot(customer, 'widget-branded');
    await customer.close();
  });

  it('imports customers from a CSV file, with progress and the bad row reported, and exports them', async () => {
    await admin.locator('[data-testid="nav-settings"]').click();
    await openSettings('customers');
    const csv = [
      'name,email,phone',
      'Halima Yusuf,halima@example.com,+254712000111',
      'Peter Kamau,not-an-email,',
      'Wanjiru Njoroge,wanjiru@example.com,+254712000222',
    ].join('\n');
    await admin
      .locator('[data-testid="import-file"]')
      .setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = admin.locator('[data-testid="import-report"]');
    await report.waitFor({ timeout: 15_000 });
    expect(await report.locator('[role="status"]').innerText()).toBe('2 added, 0 updated, 1 refused.');
    const refused = await admin.locator('[data-testid="import-refused"] tbody tr').allInnerTexts();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/^3\s+email "not-an-email"/);
    await shot(admin, 'settings-customers');

    const exported = await admin.evaluate(async () => {
      const res = await fetch('/api/v1/exports/customers?format=csv');
      return res.text();
    });
    expect(exported).toContain('halima@example.com');
    expect(exported).toContain('wanjiru@example.com');
    expect(exported).not.toContain('not-an-email');
    expect(await admin.locator('[data-testid="export-customers"]').getAttribute('href')).toBe(
      '/api/v1/exports/customers?format=csv',
    );
  });
});
