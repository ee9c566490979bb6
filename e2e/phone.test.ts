import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT, launchChromium, screenshots, startWarmline, type Warmline } from './harness.ts';

let warmline: Warmline;
let browser: Browser;
let phone: Page;

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (name: string) => phone.screenshot({ path: path.join(screenshots, `${name}.png`) });
/** How far the page is wider than the phone: anything above 0 means a sideways scroll or something cut off. */
const overflow = () => phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the agent app on a phone', () => {
  it('the menu slides over the page, and the inbox and a conversation take turns, nothing wider than the screen', async () => {
    await phone.goto(`${warmline.url}/app/sign-in`);
    await phone.locator('[data-testid="sign-in-email"]').fill(DEMO_AGENT.email);
    await phone.locator('[data-testid="sign-in-password"]').fill(DEMO_AGENT.password);
    await phone.locator('[data-testid="sign-in-submit"]').click();

    // The inbox fills the screen; the sidebar waits behind the menu button.
    await phone.locator('[data-testid="inbox-tab-all"]').click();
    const rows = phone.locator('[data-testid="conversation-row"]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await phone.locator('[data-testid="nav-customers"]').isVisible()).toBe(false);
    expect(await overflow()).toBe(0);
    await shot('phone-inbox');

    // A conversation replaces the list, with its way back.
    const name = (await rows.first().locator('.row-name').innerText()).trim();
    await rows.first().click();
    const header = phone.locator('[data-testid="conversation-customer-name"]');
    await expect.poll(() => header.innerText(), { timeout: 10_000 }).toBe(name);
    await expect.poll(() => phone.locator('[data-testid="timeline-entry"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await phone.locator('section.inbox').isVisible()).toBe(false);
    expect(await phone.locator('[data-testid="composer"]').isVisible()).toBe(true);
    expect(await overflow()).toBe(0);
    await shot('phone-conversation');
    await phone.getByRole('link', { name: 'Back to the inbox' }).click();
    await expect.poll(() => phone.locator('section.inbox').isVisible()).toBe(true);

    // The menu: everything the sidebar holds. The keyboard starts on its close button; Escape closes it.
    const menuButton = phone.getByRole('button', { name: 'Open the menu' });
    const customers = phone.locator('[data-testid="nav-customers"]');
    const focused = () => phone.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    await menuButton.click();
    await expect.poll(() => customers.isVisible()).toBe(true);
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(focused).toBe('Close the menu');
    await phone.keyboard.press('Escape');
    await expect.poll(() => customers.isVisible()).toBe(false);
    await expect.poll(focused).toBe('Open the menu');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');

    // Going somewhere closes it too.
    await menuButton.click();
    await expect.poll(() => customers.isVisible()).toBe(true);
    await expect.poll(() => phone.locator('.sidebar').evaluate((el) => el.getBoundingClientRect().left)).toBe(0);
    await shot('phone-menu');
    await customers.click();
    await expect.poll(() => phone.url()).toMatch(/\/app\/customers$/);
    await expect.poll(() => customers.isVisible()).toBe(false);
    await expect.poll(() => phone.locator('.sidebar').evaluate((el) => el.getBoundingClientRect().right <= 0)).toBe(true);

    // A customer's page, stacked to fit.
    await phone.locator('a[href*="/app/customers/"]').first().click();
    await expect.poll(() => phone.locator('[data-testid="customer-page"]').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await overflow()).toBe(0);
    await shot('phone-customer');

    // The supervisor's live queue, with its figures one above another.
    await phone.goto(`${warmline.url}/app/supervisor`);
    await expect.poll(() => phone.locator('.stats').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await overflow()).toBe(0);
  });
});
