import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { DEMO_AGENT, DEMO_PEOPLE, launchChromium, screenshots, startWarmline, visitorSends, type Warmline } from './harness.ts';

let warmline: Warmline;
let browser: Browser;
let admin: Awaited<ReturnType<typeof apiSession>>;
let jonasId: string;
let store: { id: string; slug: string; services: { id: string }[] };

const DESK = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
// Open all day every day (UTC), so no run depends on the time of day.
const ALWAYS_OPEN = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['00:00', '24:00']]));

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  admin = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
  jonasId = (await apiSession(warmline.url, DEMO_PEOPLE['Jonas Berg'], DEMO_AGENT.password)).agentId;
  const created = (await admin.post('/api/v1/locations', {
    slug: `westlands-${randomUUID().slice(0, 8)}`,
    name: 'Westlands',
    address: 'Sarit Centre, Nairobi',
    timezone: 'UTC',
    openingHours: ALWAYS_OPEN,
    services: [{ name: 'Advice', typicalMinutes: 20 }],
    staffIds: [admin.agentId, jonasId],
  })) as { location: typeof store };
  store = created.location;
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) =>
  page.locator('[data-testid="wl-panel"]').screenshot({ path: path.join(screenshots, `widget-store-visit-${name}.png`) });

/** A customer writes in the widget while nobody is free, and is offered better choices than waiting. */
async function waitingCustomer(viewport: typeof DESK, text: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport, isMobile: viewport === PHONE })).newPage();
  await page.goto(`${warmline.url}/demo`);
  await page.locator('[data-testid="wl-launcher"]').click();
  await visitorSends(page, text);
  await page.locator('[data-testid="wl-choice-store"]').waitFor({ timeout: 10_000 });
  return page;
}

/** The earliest day with free times (today, or tomorrow late in the evening), Jonas chosen: his first time. */
async function chooseJonasEarliest(page: Page): Promise<Locator> {
  const times = page.locator('[data-testid="wl-visit-time"] option');
  await page.locator(`[data-testid="wl-visit-person"] option[value="${jonasId}"]`).waitFor({ state: 'attached' });
  await page.locator('[data-testid="wl-visit-person"]').selectOption(jonasId);
  const noneToday = page.locator('#wl-visit-hint', { hasText: 'No free times' });
  await expect.poll(async () => (await times.count()) > 0 || (await noneToday.count()) > 0).toBe(true);
  if ((await times.count()) === 0) await page.locator('[data-testid="wl-visit-day"]').selectOption({ index: 1 });
  await times.first().waitFor({ state: 'attached' });
  return times.first();
}

const booked = (page: Page) => page.locator('.event', { hasText: /You.re booked: Advice with Jonas at Westlands/ });

describe('from the chat to the store', () => {
  it('a waiting customer books a time with a named person in a store; the visit keeps their conversation, so the store person reads the whole story', async () => {
    const question = 'Can I bring my broken kettle to a shop instead of waiting here?';
    const page = await waitingCustomer(DESK, question);
    await shot(page, 'choices');
    await page.locator('[data-testid="wl-choice-store"]').click();
    // One store: it is not asked for, it is named.
    expect(await page.locator('[data-testid="wl-visit-store"]').isVisible()).toBe(false);
    await expect.poll(() => page.locator('[data-testid="wl-visit-where"]').innerText()).toBe('Westlands · Sarit Centre, Nairobi');
    const first = await chooseJonasEarliest(page);
    const taken = (await first.getAttribute('value'))!;
    await page.locator('[data-testid="wl-visit-contact"]').fill('kettle@example.com');
    await shot(page, 'form');

    // Someone at the kiosk takes that very time with Jonas a moment before the customer confirms.
    const quicker = await fetch(`${warmline.url}/api/v1/store/locations/${store.slug}/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: randomUUID(),
        serviceId: store.services[0]!.id,
        start: taken,
        agentId: jonasId,
        name: 'Quicker Customer',
        contact: 'quicker@example.com',
      }),
    });
    expect(quicker.status).toBe(201);
    await page.locator('[data-testid="wl-visit-submit"]').click();
    await page.locator('#wl-visit-hint', { hasText: 'That time was just taken' }).waitFor();
    await expect.poll(() => page.locator('[data-testid="wl-visit-time"]').inputValue()).not.toBe(taken);
    expect(await page.locator(`[data-testid="wl-visit-time"] option[value="${taken}"]`).count()).toBe(0);
    await shot(page, 'taken');

    await page.locator('[data-testid="wl-visit-submit"]').click();
    await booked(page).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="wl-choices"]').waitFor({ state: 'hidden' });
    await shot(page, 'booked');

    const queue = (await admin.get(`/api/v1/locations/${store.id}/queue`)) as {
      appointments: { name: string; conversationId: string; person: { id: string } | null }[];
    };
    const visit = queue.appointments.find((a) => a.name !== 'Quicker Customer');
    expect(visit?.person?.id).toBe(jonasId);
    const { conversation } = (await admin.get(`/api/v1/conversations/${visit!.conversationId}`)) as {
      conversation: { status: string; assignee: { id: string } | null };
    };
    expect(conversation).toMatchObject({ status: 'snoozed', assignee: { id: jonasId } });
    const { entries } = (await admin.get(`/api/v1/conversations/${visit!.conversationId}/entries`)) as {
      entries: { body: string }[];
    };
    expect(entries[0]?.body).toBe(question);
  });

  it('the same flow fits a phone', async () => {
    const page = await waitingCustomer(PHONE, 'Is there a shop near Westlands where someone can look at my blender?');
    await shot(page, 'choices-390');
    await page.locator('[data-testid="wl-choice-store"]').click();
    await chooseJonasEarliest(page);
    await shot(page, 'form-390');
    await page.locator('[data-testid="wl-visit-submit"]').click();
    await booked(page).waitFor({ timeout: 10_000 });
    await shot(page, 'booked-390');
  });
});
