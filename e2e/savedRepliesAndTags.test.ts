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

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, phone: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, phone: true },
] as const;

/** How far the page is wider than its window: anything above 0 is a sideways scroll or something cut off. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('saved replies and tags, in Chromium', () => {
  for (const size of SIZES) {
    it(`${size.name}: an admin saves a reply, an agent finds it with "/" and the customer reads it filled in; the agent tags the conversation and filters the inbox by it`, async () => {
      const open = async () =>
        (await browser.newContext({ viewport: size.viewport, ...(size.phone ? { hasTouch: true } : {}) })).newPage();
      const shot = (page: Page, name: string) =>
        page.screenshot({ path: path.join(screenshots, `${name}${size.phone ? '-phone' : ''}.png`) });
      const shortcut = `parcel-${size.name}`;
      // On a phone the presence switch waits in the menu: the inbox tabs say the app is ready.
      const signIn = async (page: Page, name: keyof typeof DEMO_PEOPLE) => {
        if (!size.phone) return signInAs(page, warmline.url, { email: DEMO_PEOPLE[name], password: PASSWORD });
        await page.goto(`${warmline.url}/app/sign-in`);
        await page.locator('[data-testid="sign-in-email"]').fill(DEMO_PEOPLE[name]);
        await page.locator('[data-testid="sign-in-password"]').fill(PASSWORD);
        await page.locator('[data-testid="sign-in-submit"]').click();
        await page.locator('[data-testid="inbox-tab-all"]').waitFor();
      };

      // The admin saves the reply on the settings page.
      const admin = await open();
      await signIn(admin, 'Amina Odhiambo');
      if (size.phone) await admin.goto(`${warmline.url}/app/saved-replies`);
      else await admin.locator('[data-testid="nav-savedReplies"]').click();
      await admin.locator('[data-testid="saved-reply-new"]').click();
      await admin.locator('[data-testid="saved-reply-shortcut"]').fill(shortcut);
      await admin.locator('[data-testid="saved-reply-title"]').fill('Parcel on its way');
      await admin
        .locator('[data-testid="saved-reply-body"]')
        .fill('Hi {{customer.first_name}}, {{agent.first_name}} here: your parcel left our bakery this morning.');
      await expect
        .poll(() => admin.locator('[data-testid="saved-reply-preview"]').innerText())
        .toContain('Hi Wanjiru, Amina here: your parcel left our bakery this morning.');
      expect(await overflow(admin)).toBe(0);
      await shot(admin, 'saved-reply-form');
      await admin.locator('[data-testid="saved-reply-save"]').click();
      const saved = admin.locator(`[data-testid="saved-reply-row"][data-shortcut="${shortcut}"]`);
      await saved.waitFor({ timeout: 10_000 });
      expect(await saved.innerText()).toContain('Parcel on its way');
      expect(await overflow(admin)).toBe(0);
      await shot(admin, 'saved-replies-settings');

      // A customer writes; on the desktop run they have told us their name, on the phone run they have not.
      const visitor = await open();
      await visitor.goto(`${warmline.url}/demo`);
      await visitor.locator('[data-testid="wl-launcher"]').click();
      const question = `Where is my parcel? (${size.name})`;
      await visitorSends(visitor, question);
      const adminApi = await apiSession(warmline.url, DEMO_PEOPLE['Amina Odhiambo'], PASSWORD);
      const listed = (await adminApi.get('/api/v1/conversations?view=all')) as {
        conversations: Array<{ id: string; customer: { id: string }; lastMessage: { body: string } | null }>;
      };
      const asked = listed.conversations.find((c) => c.lastMessage?.body === question)!;
      if (!size.phone) await adminApi.patch(`/api/v1/customers/${asked.customer.id}`, { name: 'Ngozi Eze' });
      const greeting = size.phone ? 'Hi there' : 'Hi Ngozi';

      // The agent opens it and types "/": the list opens, the keyboard picks.
      const agent = await open();
      await signIn(agent, 'Jonas Berg');
      await agent.goto(`${warmline.url}/app/conversations/${asked.id}`);
      const composer = agent.locator('[data-testid="composer"]');
      await composer.waitFor();
      await composer.click();
      await composer.pressSequentially('/parcel');
      const picker = agent.locator('[data-testid="saved-reply-picker"]');
      await picker.waitFor();
      const option = agent.locator(`[data-testid="saved-reply-option"][data-shortcut="${shortcut}"]`);
      await option.waitFor();
      // Move the highlight onto our reply (the demo may hold others), then Enter.
      for (let i = 0; i < 8 && (await option.getAttribute('aria-selected')) !== 'true'; i++) await composer.press('ArrowDown');
      expect(await option.getAttribute('aria-selected')).toBe('true');
      expect(await overflow(agent)).toBe(0);
      await shot(agent, 'saved-reply-picker');
      await composer.press('Enter');
      const filled = `${greeting}, Jonas here: your parcel left our bakery this morning.`;
      await expect.poll(() => composer.inputValue(), { timeout: 10_000 }).toBe(filled);
      expect(await picker.count()).toBe(0);
      await composer.press('Enter');

      // The customer reads it, filled in for them.
      await visitor.locator('[data-testid="wl-message"]', { hasText: filled }).waitFor({ timeout: 10_000 });

      // Esc closes the list and leaves the draft as typed.
      await composer.pressSequentially('/par');
      await picker.waitFor();
      await composer.press('Escape');
      await expect.poll(() => picker.count()).toBe(0);
      expect(await composer.inputValue()).toBe('/par');
      await composer.fill('');

      // A tag, typed loosely, is kept tidy; a bad one is refused with a reason.
      await agent.locator('[data-testid="tag-new"]').click();
      const tagInput = agent.locator('[data-testid="tag-input"]');
      await tagInput.fill('late!');
      await tagInput.press('Enter');
      await expect
        .poll(() => agent.locator('[data-testid="tag-error"]').innerText())
        .toBe('Tag uses letters, digits, - or _ only.');
      await tagInput.fill(' Late Delivery ');
      await tagInput.press('Enter');
      const chip = agent.locator('[data-testid="tag-chip"][data-tag="late-delivery"]');
      await chip.waitFor({ timeout: 10_000 });
      await expect
        .poll(() =>
          agent
            .locator('[data-testid="timeline-entry"]', { hasText: 'Jonas Berg tagged the conversation “late-delivery”' })
            .count(),
        )
        .toBe(1);
      expect(await overflow(agent)).toBe(0);
      await shot(agent, 'conversation-tagged');

      // The inbox, filtered by the tag: only tagged conversations, this one among them.
      if (size.phone) await agent.getByRole('link', { name: 'Back to the inbox' }).click();
      await agent.locator('[data-testid="inbox-tab-all"]').click();
      await agent.locator('[data-testid="inbox-tag-filter"]').selectOption('late-delivery');
      const rows = agent.locator('[data-testid="conversation-row"]');
      await agent.locator(`[data-testid="conversation-row"][data-conversation-id="${asked.id}"]`).waitFor({ timeout: 10_000 });
      const tagged = await rows.evaluateAll((els) =>
        els.map((el) => [...el.querySelectorAll('[data-testid="row-tag"]')].map((t) => t.textContent)),
      );
      expect(tagged.length).toBeGreaterThan(0);
      for (const tags of tagged) expect(tags).toContain('late-delivery');
      // Showing every conversation again brings back those without the tag.
      await agent.locator('[data-testid="inbox-tag-clear"]').click();
      await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(tagged.length);
      expect(await overflow(agent)).toBe(0);

      // The use was counted; a colleague with the conversation open sees a new tag arrive without reloading.
      const replies = (await adminApi.get('/api/v1/saved-replies')) as {
        savedReplies: Array<{ shortcut: string; uses: number }>;
      };
      expect(replies.savedReplies.find((r) => r.shortcut === shortcut)?.uses).toBe(1);
      await admin.goto(`${warmline.url}/app/conversations/${asked.id}`);
      await admin.locator('[data-testid="tag-chip"][data-tag="late-delivery"]').waitFor({ timeout: 10_000 });
      const jonasApi = await apiSession(warmline.url, DEMO_PEOPLE['Jonas Berg'], PASSWORD);
      await jonasApi.post(`/api/v1/conversations/${asked.id}/tags`, { tag: 'VIP' });
      await admin.locator('[data-testid="tag-chip"][data-tag="vip"]').waitFor({ timeout: 10_000 });
    });
  }
});
