import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { root } from './warmlineProcess.ts';

export { root, startWarmline, type Warmline } from './warmlineProcess.ts';
export const screenshots = path.join(root, 'docs/screenshots');

/** Debian's Chromium, headless; never a downloaded browser. `extraArgs` adds switches (fake media for calls). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export const DEMO_AGENT = { email: 'amina@juniper-rye.example', password: 'warmline-demo', name: 'Amina Odhiambo' };

/** The visitor's widget (already open on the page) sends `text`, and it is shown acknowledged, with its seq. */
export async function visitorSends(visitor: Page, text: string): Promise<void> {
  await visitor.locator('[data-testid="wl-composer"]').fill(text);
  await visitor.locator('[data-testid="wl-send"]').click();
  await expect
    .poll(() => visitor.locator('[data-testid="wl-message"]').filter({ hasText: text }).getAttribute('data-seq'), {
      timeout: 10_000,
    })
    .toMatch(/^\d+$/);
}

/** Signs in on the agent app's sign-in page and waits for the app to be ready. */
export async function signInAs(page: Page, url: string, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${url}/app/sign-in`);
  await page.locator('[data-testid="sign-in-email"]').fill(who.email);
  await page.locator('[data-testid="sign-in-password"]').fill(who.password);
  await page.locator('[data-testid="sign-in-submit"]').click();
  // On a phone the presence switch sits in the closed menu: signed in is when it is there at all.
  await page.locator('[data-testid="presence-switch"]').first().waitFor({ state: 'attached' });
}

/** The demo's people, by name: whom a booked callback names is signed in by their email. */
export const DEMO_PEOPLE = {
  'Amina Odhiambo': 'amina@juniper-rye.example',
  'Jonas Berg': 'jonas@juniper-rye.example',
  'Priya Nair': 'priya@juniper-rye.example',
} as const;
