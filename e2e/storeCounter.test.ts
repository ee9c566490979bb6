import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { DEMO_AGENT, DEMO_PEOPLE, launchChromium, screenshots, signInAs, startWarmline, type Warmline } from './harness.ts';

let warmline: Warmline;
let browser: Browser;
let admin: Page;
let colleague: Page;
let phone: Page;

const DESK = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const JONAS = { email: DEMO_PEOPLE['Jonas Berg'], password: DEMO_AGENT.password };

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  admin = await (await browser.newContext({ viewport: DESK })).newPage();
  colleague = await (await browser.newContext({ viewport: DESK })).newPage();
  phone = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

/** Someone checks in at the kiosk, as the kiosk page does: a fresh clientId, a name, a service and maybe a contact. */
async function checkIn(slug: string, serviceId: string, name: string, contact?: string) {
  const res = await fetch(`${warmline.url}/api/v1/store/locations/${slug}/check-ins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: randomUUID(), name, serviceId, ...(contact ? { contact } : {}) }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ticket: { code: string } }).ticket.code;
}

/** The first time `agentId` is free for a service, today or tomorrow (UTC), as the booking page offers it. */
async function firstSlotWith(slug: string, serviceId: string, agentId: string): Promise<string> {
  for (const day of [0, 1]) {
    const date = new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10);
    const res = await fetch(`${warmline.url}/api/v1/store/locations/${slug}/availability?serviceId=${serviceId}&date=${date}`);
    const { slots } = (await res.json()) as { slots: { start: string; people: string[] }[] };
    const free = slots.find((s) => s.people.includes(agentId));
    if (free) return free.start;
  }
  throw new Error(`${agentId} has no free time today or tomorrow`);
}

const lineCodes = (page: Page) =>
  page.locator('[data-testid="walk-in"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
const counterCode = (page: Page) => page.locator('[data-testid="counter-card"]').getAttribute('data-code');

describe('the store counter', () => {
  it('an admin opens a location in Settings, its staff call walk-ins in order, never the same person twice, and the visit stays on the story', async () => {
    await signInAs(admin, warmline.url, DEMO_AGENT);
    // Jonas is already at work, with no store in his sidebar yet.
    await signInAs(colleague, warmline.url, JONAS);
    expect(await colleague.locator('[data-testid="nav-store"]').count()).toBe(0);
    await admin.goto(`${warmline.url}/app/settings/locations`);
    await admin.locator('[data-testid="location-new"]').click();
    const form = admin.locator('[data-testid="location-form"]');
    await form.locator('[data-testid="location-name"]').fill('Westlands');
    expect(await form.locator('[data-testid="location-slug"]').inputValue()).toBe('westlands');
    await form.locator('[data-testid="location-address"]').fill('Sarit Centre, ground floor');
    // Open every day, all day, in UTC, so walk-ins may check in whenever the test runs.
    await form.locator('[data-testid="location-timezone"]').fill('UTC');
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
      const row = form.locator(`[data-testid="hours-${day}"]`);
      await row.locator('input[type="checkbox"]').check();
      await row.locator('input[type="time"]').first().fill('00:00');
      await row.locator('input[type="time"]').last().fill('23:59');
    }
    const services = form.locator('[data-testid="location-service"]');
    await services.nth(0).locator('input[aria-label="Service"]').fill('Returns and exchanges');
    await form.locator('[data-testid="location-service-add"]').click();
    await services.nth(1).locator('input[aria-label="Service"]').fill('Repairs');
    await services.nth(1).locator('input[aria-label="Typical minutes"]').fill('0');
    await form.locator('[data-testid="location-staff"][data-name="Amina Odhiambo"] input').check();
    await form.locator('[data-testid="location-staff"][data-name="Jonas Berg"] input').check();

    // The server's words sit beside the field they are about.
    await form.locator('[data-testid="location-save"]').click();
    await expect
      .poll(() => form.locator('[data-testid="location-error-services"]').textContent())
      .toBe('Service 2: typical minutes must be at least 1');
    expect(await form.locator('[data-testid="location-kiosk-url"]').textContent()).toBe(`${warmline.url}/kiosk/westlands`);
    expect(await form.locator('[data-testid="location-qr-url"]').textContent()).toBe(`${warmline.url}/kiosk/westlands?via=phone`);
    // The whole form in one picture: the page scrolls inside the app, so the window is made tall for it.
    await admin.setViewportSize({ width: DESK.width, height: 1720 });
    await shot(admin, 'settings-locations');
    await admin.setViewportSize(DESK);
    await services.nth(1).locator('input[aria-label="Typical minutes"]').fill('20');
    await form.locator('[data-testid="location-save"]').click();
    await admin.locator('[data-testid="location"][data-slug="westlands"]').waitFor();

    const amina = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const jonas = await apiSession(warmline.url, JONAS.email, JONAS.password);
    const { locations } = (await amina.get('/api/v1/locations')) as {
      locations: { id: string; slug: string; services: { id: string; name: string }[] }[];
    };
    const westlands = locations.find((l) => l.slug === 'westlands')!;
    const returns = westlands.services.find((s) => s.name === 'Returns and exchanges')!.id;

    // The Store link appears for its staff; the line is live.
    await admin.locator('[data-testid="nav-store"]').click();
    await admin.locator('[data-testid="walk-in-line-empty"]').waitFor();
    const first = await checkIn('westlands', returns, 'Wanjiru Kamau', 'wanjiru@example.com');
    await expect.poll(() => lineCodes(admin)).toEqual([first]);
    const second = await checkIn('westlands', westlands.services.find((s) => s.name === 'Repairs')!.id, 'Daniel Mutua');
    await expect.poll(() => lineCodes(admin), { timeout: 10_000 }).toEqual([first, second]);
    expect(await admin.locator('[data-testid="walk-in"]').first().textContent()).toContain('Wanjiru Kamau');
    await shot(admin, 'store-staff-1280');

    await signInAs(phone, warmline.url, DEMO_AGENT);
    await phone.goto(`${warmline.url}/app/store/${westlands.id}`);
    await expect.poll(() => lineCodes(phone)).toEqual([first, second]);
    await shot(phone, 'store-staff-390');

    // Jonas was made staff while at work: Store came into his sidebar without a reload.
    // Amina and Jonas press Call next at the same moment: each gets one person, never the same one.
    await colleague.locator('[data-testid="nav-store"]').click();
    await expect.poll(() => lineCodes(colleague)).toEqual([first, second]);
    await Promise.all([admin.locator('[data-testid="call-next"]').click(), colleague.keyboard.press('n')]);
    await admin.locator('[data-testid="counter-card"]').waitFor();
    await colleague.locator('[data-testid="counter-card"]').waitFor();
    const mine = await counterCode(admin);
    const theirs = await counterCode(colleague);
    expect(mine).not.toBe(theirs);
    expect([mine, theirs].sort()).toEqual([first, second].sort());
    await expect.poll(() => lineCodes(admin)).toEqual([]);
    const nobody = await fetch(`${warmline.url}/api/v1/locations/${westlands.id}/call-next`, { method: 'POST' });
    expect(nobody.status).toBe(401);
    await expect(jonas.post(`/api/v1/locations/${westlands.id}/call-next`)).rejects.toThrow(/409.*Nobody is waiting/);

    // Amina's card tells her who is with her, with a link to their whole story.
    const card = admin.locator('[data-testid="counter-card"]');
    const name = mine === first ? 'Wanjiru Kamau' : 'Daniel Mutua';
    expect(await card.textContent()).toContain(name);
    if (mine === first) expect(await card.textContent()).toContain('Chat: “Hi! Do you still have the rye sourdough');
    await shot(admin, 'store-staff-counter-1280');
    await expect.poll(() => phone.locator('[data-testid="counter-card"]').count()).toBe(1);
    await shot(phone, 'store-staff-counter-390');
    const storyHref = await card.locator('[data-testid="counter-story-link"]').getAttribute('href');
    const visitHref = (await card.locator('[data-testid="counter-visit-link"]').getAttribute('href'))!;
    expect(storyHref).toMatch(/^\/app\/customers\/[0-9a-f-]+$/);

    // Served, with something still to do: the visit stays hers, in Mine.
    await card.locator('[data-testid="counter-served"]').click();
    await card.locator('[data-testid="served-note"]').fill('Swapped the kettle for the blue one.');
    await card.locator('[data-testid="served-needs-follow-up"]').check();
    await card.locator('[data-testid="served-follow-up"]').fill('Call when the matching toaster arrives.');
    await card.locator('[data-testid="served-confirm"]').click();
    await admin.locator('[data-testid="counter-card"]').waitFor({ state: 'detached' });
    expect(await admin.locator('[data-testid="call-next"]').isEnabled()).toBe(true);

    // Jonas hands his person on to Amina with a note: they arrive at her counter, live.
    const theirCard = colleague.locator('[data-testid="counter-card"]');
    await theirCard.locator('[data-testid="counter-hand-on"]').click();
    await theirCard.locator('[data-testid="hand-on-to"]').selectOption({ label: 'Amina Odhiambo' });
    await theirCard.locator('[data-testid="hand-on-note"]').fill('Wants a repair quote; receipt checked.');
    await theirCard.locator('[data-testid="hand-on-confirm"]').click();
    await theirCard.waitFor({ state: 'detached' });
    await expect.poll(() => counterCode(admin), { timeout: 10_000 }).toBe(theirs);

    // Someone booked with Jonas arrives: he starts the visit at his counter; they wander off before he is done (a no-show).
    const start = await firstSlotWith('westlands', returns, jonas.agentId);
    const booked = await fetch(`${warmline.url}/api/v1/store/locations/westlands/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: randomUUID(),
        serviceId: returns,
        start,
        agentId: jonas.agentId,
        name: 'Halima Yusuf',
        contact: 'halima@example.com',
      }),
    });
    expect(booked.status).toBe(201);
    const appointment = colleague.locator('[data-testid="appointment"]').filter({ hasText: 'Halima Yusuf' });
    await appointment.waitFor({ timeout: 10_000 });
    expect(await appointment.textContent()).toContain('Returns and exchanges with you');
    await shot(colleague, 'store-staff-appointments-1280');
    await appointment.locator('[data-testid="appointment-start"]').click();
    await expect.poll(() => counterCode(colleague)).toMatch(/^A\d+$/);
    await theirCard.locator('[data-testid="counter-no-show"]').click();
    await theirCard.locator('[data-testid="counter-no-show-confirm"]').click();
    await theirCard.waitFor({ state: 'detached' });

    await admin.goto(`${warmline.url}/app`);
    await admin.locator('[data-testid="inbox-tab-mine"]').click();
    const visitId = visitHref.split('/').pop()!;
    await admin.locator(`[data-testid="conversation-row"][data-conversation-id="${visitId}"]`).waitFor();

    // The visit is on the customer's timeline.
    await admin.goto(`${warmline.url}${storyHref}`);
    const story = admin.locator('[data-testid="story-timeline"]');
    await expect.poll(() => story.textContent(), { timeout: 10_000 }).toContain('Checked in at Westlands');
    expect(await story.textContent()).toMatch(/served .* at Westlands/);

    // The live queue puts walk-ins beside chat and calls.
    await admin.goto(`${warmline.url}/app/supervisor`);
    await expect.poll(() => admin.locator('[data-testid="tth-by-way-in"]').textContent()).toMatch(/Walk-ins \d/);
  });
});
