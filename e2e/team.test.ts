import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT, launchChromium, screenshots, startWarmline, type Warmline } from './harness.ts';

let warmline: Warmline;
let browser: Browser;
let admin: Page;
let jonas: Page;

const JONAS = { email: 'jonas@juniper-rye.example', password: 'warmline-demo' };
const NEW_PASSWORD = 'a longer warmline password';

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  admin = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  jonas = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${warmline.url}/app`);
  await page.locator('[data-testid="sign-in-email"]').fill(email);
  await page.locator('[data-testid="sign-in-password"]').fill(password);
  await page.locator('[data-testid="sign-in-submit"]').click();
  await page.locator('[data-testid="presence-switch"]').waitFor();
}

const signInAnswer = (email: string, password: string) =>
  fetch(`${warmline.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  }).then((r) => r.status);

describe('the people of a workspace', () => {
  it('an agent changes their password: a wrong current one is named under its field, then every other session ends', async () => {
    await signIn(jonas, JONAS.email, JONAS.password);
    const elsewhere = await (await browser.newContext()).newPage();
    await signIn(elsewhere, JONAS.email, JONAS.password);

    await jonas.goto(`${warmline.url}/app/team`);
    const form = jonas.locator('[data-testid="password-form"]');
    await form.locator('[data-testid="password-currentPassword"]').fill('not my password');
    await form.locator('[data-testid="password-newPassword"]').fill(NEW_PASSWORD);
    await form.locator('[data-testid="password-repeatPassword"]').fill(NEW_PASSWORD);
    await form.locator('[data-testid="password-save"]').click();
    await expect.poll(() => form.textContent()).toMatch(/that is not your current password/i);

    await form.locator('[data-testid="password-currentPassword"]').fill(JONAS.password);
    await form.locator('[data-testid="password-save"]').click();
    await jonas.locator('[data-testid="password-changed"]').waitFor();
    expect(await jonas.locator('[data-testid="password-changed"]').textContent()).toContain(
      'You were signed out everywhere else',
    );
    await form.scrollIntoViewIfNeeded();
    await shot(jonas, 'agent-password-changed');

    // The other browser is sent back to sign in; the new password is the one that works.
    await elsewhere.locator('[data-testid="sign-in-email"]').waitFor({ timeout: 15_000 });
    expect(await signInAnswer(JONAS.email, JONAS.password)).toBe(401);
    expect(await signInAnswer(JONAS.email, NEW_PASSWORD)).toBe(200);
  });

  it('an admin removes someone who left after a confirmation that says what happens; their open app goes to sign-in', async () => {
    await signIn(admin, DEMO_AGENT.email, DEMO_AGENT.password);
    await admin.goto(`${warmline.url}/app/team`);
    const row = admin.locator('[data-testid="agent-row"]').filter({ hasText: 'Jonas Berg' });
    await row.locator('[data-testid="agent-remove"]').click();
    const dialog = admin.locator('[data-testid="remove-agent-dialog"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('can no longer sign in');
    expect(await dialog.textContent()).toContain('What they wrote stays');
    await shot(admin, 'agent-remove-dialog');

    await dialog.locator('[data-testid="confirm-submit"]').click();
    await expect.poll(() => admin.locator('[data-testid="agent-row"]').filter({ hasText: 'Jonas Berg' }).count()).toBe(0);
    await jonas.locator('[data-testid="sign-in-email"]').waitFor({ timeout: 15_000 });
    expect(await signInAnswer(JONAS.email, NEW_PASSWORD)).toBe(401);
  });

  it('an agent uploads a photo: Warmline keeps its own copy, shows it, and saving the profile again keeps it', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(page, DEMO_AGENT.email, DEMO_AGENT.password);
    await page.goto(`${warmline.url}/app/team`);
    const form = page.locator('[data-testid="profile-form"]');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    await form
      .locator('[data-testid="profile-avatar-file"]')
      .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => form.textContent()).toContain('Photo saved.');
    const address = await form.locator('[data-testid="profile-avatar-url"]').inputValue();
    expect(address).toMatch(/^\/files\/[A-Za-z0-9_-]{20,}$/);
    const photo = await fetch(`${warmline.url}${address}`);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);
    // The served address is not a web address the browser would refuse: the profile saves with it.
    await form.locator('[data-testid="profile-save"]').click();
    await expect.poll(() => form.textContent()).toContain('Saved.');
    expect(await form.locator('[data-testid="profile-avatar-url"]').inputValue()).toBe(address);
    await shot(page, 'agent-profile-photo');
  });
});
