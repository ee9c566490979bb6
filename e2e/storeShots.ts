import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshots } from './harness.ts';

/** Nothing wider than the screen and every button big enough for a thumb, then the picture into docs/. */
export async function shoot(page: Page, name: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name).toBe(0);
  // Polled: a screen re-rendering as its answers arrive is measured once it has settled.
  const small = () =>
    page.$$eval('button, a.big', (els) => els.filter((el) => el.getBoundingClientRect().height < 56).map((el) => el.textContent));
  await expect.poll(small, { message: name, timeout: 5000 }).toEqual([]);
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}
