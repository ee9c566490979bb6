import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longWhen } from '../apps/store/src/bookingCalendar.ts';
import { apiSession } from './api.ts';
import { DEMO_AGENT, DEMO_PEOPLE, launchChromium, startWarmline, type Warmline } from './harness.ts';
import { shoot } from './storeShots.ts';

let warmline: Warmline;
let browser: Browser;
let admin: Awaited<ReturnType<typeof apiSession>>;
let store: { id: string; slug: string; name: string; services: { id: string; name: string }[] };

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  admin = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
  const jonas = await apiSession(warmline.url, DEMO_PEOPLE['Jonas Berg'], DEMO_AGENT.password);
  // Open all day every day, in UTC: there are free times whatever the hour the test runs.
  const created = (await admin.post('/api/v1/locations', {
    slug: `book-${crypto.randomUUID().slice(0, 8)}`,
    name: 'Westlands',
    address: '14 Ring Road, Westlands',
    timezone: 'UTC',
    openingHours: Object.fromEntries(EVERY_DAY.map((day) => [day, ['00:00', '24:00']])),
    services: [
      { name: 'Returns', typicalMinutes: 15 },
      { name: 'Repairs', typicalMinutes: 30 },
      { name: 'New phone or plan', typicalMinutes: 20 },
    ],
    staffIds: [admin.agentId, jonas.agentId],
  })) as { location: typeof store };
  store = created.location;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

async function open(viewport: { width: number; height: number }, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: viewport.width < 500, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${warmline.url}${path}`);
  return page;
}

const screenOf = (page: Page) => page.locator('main').getAttribute('data-screen');
const testid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** The service's calendar, with the chosen day's times shown. */
async function pickService(page: Page, service: string) {
  await testid(page, 'book-service').filter({ hasText: service }).click();
  await expect.poll(() => testid(page, 'book-time').count(), { timeout: 15_000 }).toBeGreaterThan(1);
}

/** Fills the form as typed and sends it. */
async function sendDetails(page: Page, name: string, contact: string) {
  await testid(page, 'book-name').fill(name);
  await testid(page, 'book-contact').fill(contact);
  await testid(page, 'book-submit').click();
}

describe('booking a time at the store, no account', () => {
  let manageLink = '';
  let bookedStart = '';

  it('a customer books Returns with Jonas: the confirmation names what, with whom, where and when, with a calendar file', async () => {
    const page = await open(DESKTOP, `/book/${store.slug}`);
    await expect.poll(() => screenOf(page)).toBe('service');
    expect(await page.locator('h1').innerText()).toBe('Book a time');
    expect(await testid(page, 'book-address').innerText()).toBe('Westlands · 14 Ring Road, Westlands');
    expect(await testid(page, 'book-service').first().innerText()).toMatch(/Returns\s+About 15 min/);
    await shoot(page, 'store-book-services-1280');

    // A second customer, on their phone, looks at the same calendar at the same moment.
    const other = await open(PHONE, `/book/${store.slug}`);
    await pickService(other, 'Returns');

    await pickService(page, 'Returns');
    expect(await testid(page, 'book-day').count()).toBe(14);
    expect(await testid(page, 'book-zone').innerText()).toBe('Times are in Coordinated Universal Time');
    bookedStart = (await testid(page, 'book-time').first().getAttribute('data-start'))!;
    await testid(page, 'book-time').first().click();
    // Anyone, or one of the two people free then, by first name.
    expect(await testid(page, 'book-anyone').innerText()).toMatch(/Anyone/);
    expect((await testid(page, 'book-person').allInnerTexts()).sort()).toEqual(['Amina', 'Jonas']);
    await shoot(page, 'store-book-calendar-1280');

    await testid(page, 'book-person').filter({ hasText: 'Jonas' }).click();
    await expect.poll(() => screenOf(page)).toBe('details');
    expect(await page.locator('h1').innerText()).toBe('Returns with Jonas');
    // Nothing typed: each field says what it needs, beside it.
    await testid(page, 'book-submit').click();
    expect(await testid(page, 'book-name-error').innerText()).toBe('Please tell us your name');
    expect(await testid(page, 'book-contact-error').innerText()).toBe('An email or a phone number, so we can remind you');
    // A contact that is neither: the server says so, and the page says it beside the field, the name kept.
    await sendDetails(page, 'Halima Yusuf', 'tomorrow');
    await expect
      .poll(() => testid(page, 'book-contact-error').innerText())
      .toBe("That doesn't look like an email address or a phone number");
    expect(await testid(page, 'book-name').inputValue()).toBe('Halima Yusuf');
    await shoot(page, 'store-book-details-1280');

    await sendDetails(page, 'Halima Yusuf', 'halima@example.com');
    await expect.poll(() => screenOf(page), { timeout: 10_000 }).toBe('booked');
    expect(await testid(page, 'book-headline').innerText()).toBe("You're booked");
    expect(await testid(page, 'book-appointment-text').innerText()).toBe(
      `Returns with Jonas at Westlands, ${longWhen(bookedStart, 'UTC', 'en')}`,
    );
    manageLink = (await testid(page, 'book-manage-link').getAttribute('href'))!;
    expect(manageLink).toMatch(new RegExp(`^${warmline.url}/book/${store.slug}\\?appointment=[^&]+$`));
    await shoot(page, 'store-book-booked-1280');

    const [download] = await Promise.all([page.waitForEvent('download'), testid(page, 'book-ics').click()]);
    expect(download.suggestedFilename()).toBe('appointment.ics');
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain(`DTSTART:${bookedStart.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
    expect(ics).toContain('SUMMARY:Returns with Jonas');

    // The phone picks the same time with Jonas: taken meanwhile, so a calm word over the calendar, what was typed kept.
    await testid(other, 'book-time')
      .and(other.locator(`[data-start="${bookedStart}"]`))
      .click();
    await testid(other, 'book-person').filter({ hasText: 'Jonas' }).click();
    await sendDetails(other, 'Diego Herrera', '+254 712 345 678');
    await expect.poll(() => screenOf(other), { timeout: 10_000 }).toBe('time');
    expect(await testid(other, 'book-notice').innerText()).toBe(
      'That time was just booked by someone else. Please pick another: what you typed is kept.',
    );
    // The calendar as it is now: at that time only Amina is still free.
    const sameTime = other.locator(`[data-testid="book-time"][data-start="${bookedStart}"]`);
    await expect.poll(() => sameTime.count()).toBe(1);
    await shoot(other, 'store-book-taken-390');
    await sameTime.click();
    expect(await testid(other, 'book-person').allInnerTexts()).toEqual(['Amina']);
    await testid(other, 'book-anyone').click();
    expect(await testid(other, 'book-name').inputValue()).toBe('Diego Herrera');
    expect(await testid(other, 'book-contact').inputValue()).toBe('+254 712 345 678');

    // Jonas has one appointment at that time, never two.
    const { appointments } = (await admin.get(`/api/v1/locations/${store.id}/queue`)) as {
      appointments: { start: string; name: string; person: { displayName: string } | null }[];
    };
    const atThatTime = appointments.filter((a) => a.start === bookedStart && a.person?.displayName === 'Jonas Berg');
    expect(atThatTime.map((a) => a.name)).toEqual(['Halima Yusuf']);
    await page.context().close();
    await other.context().close();
  });

  it('the link moves the booking to another time, then cancels it after asking', async () => {
    const page = await open(PHONE, manageLink.replace(warmline.url, ''));
    await expect.poll(() => screenOf(page)).toBe('manage');
    expect(await testid(page, 'book-headline').innerText()).toBe('Your appointment');
    expect(await testid(page, 'book-appointment-text').innerText()).toContain(longWhen(bookedStart, 'UTC', 'en'));
    await shoot(page, 'store-book-manage-390');

    await testid(page, 'book-change').click();
    await expect.poll(() => testid(page, 'book-time').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    const later = testid(page, 'book-time').nth(2);
    const newStart = (await later.getAttribute('data-start'))!;
    await later.click();
    await shoot(page, 'store-book-change-390');
    await testid(page, 'book-anyone').click();
    await expect
      .poll(() =>
        testid(page, 'book-notice')
          .innerText()
          .catch(() => ''),
      )
      .toBe(`Moved: see you ${longWhen(newStart, 'UTC', 'en')}`);
    expect(await testid(page, 'book-appointment-text').innerText()).toMatch(
      new RegExp(`^Returns with (Amina|Jonas) at Westlands, ${longWhen(newStart, 'UTC', 'en')}$`),
    );

    await testid(page, 'book-cancel').click();
    expect(await page.locator('.confirm').innerText()).toBe('Cancel this appointment? The time goes back to others.');
    await testid(page, 'book-cancel-yes').click();
    await expect.poll(() => screenOf(page)).toBe('ended');
    expect(await testid(page, 'book-headline').innerText()).toBe('Your appointment is cancelled');
    // Book again: the same page, from the start.
    await testid(page, 'book-again').click();
    await expect.poll(() => screenOf(page)).toBe('service');
    expect(page.url()).not.toContain('appointment=');
    await page.context().close();
  });

  it('a changed link opens nothing: it says the link is not valid and offers to book', async () => {
    const token = new URL(manageLink).searchParams.get('appointment')!;
    const changed = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const page = await open(PHONE, `/book/${store.slug}?appointment=${encodeURIComponent(changed)}&lang=es`);
    await expect.poll(() => screenOf(page)).toBe('invalid');
    expect(await testid(page, 'book-headline').innerText()).toBe('Este enlace no es válido');
    await page.locator('[data-testid="lang-en"]').click();
    expect(await testid(page, 'book-headline').innerText()).toBe("This link isn't valid");
    await shoot(page, 'store-book-invalid-390');
    await page.context().close();
  });

  it('a link whose appointment is over says so kindly and offers to book again', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    // The server's answer a day after the appointment, without waiting a day for it.
    await context.route('**/api/v1/store/appointments/**', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'conflict', message: 'This link has expired', details: { expired: true } } }),
      }),
    );
    const page = await context.newPage();
    await page.goto(`${manageLink}&lang=sw`);
    await expect.poll(() => screenOf(page)).toBe('expired');
    expect(await testid(page, 'book-headline').innerText()).toBe('Kiungo hiki kimepitwa na muda');
    await testid(page, 'book-again').click();
    await expect.poll(() => screenOf(page)).toBe('service');
    expect(await page.locator('h1').innerText()).toBe('Weka miadi');
    await context.close();
  });

  it('a time that has passed is refused, naming the field; an unknown store is a kind 404', async () => {
    const quarter = 15 * 60_000;
    const past = new Date(Math.floor((Date.now() - 60 * 60_000) / quarter) * quarter).toISOString();
    const res = await fetch(`${warmline.url}/api/v1/store/locations/${store.slug}/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: crypto.randomUUID(),
        serviceId: store.services[0]!.id,
        start: past,
        agentId: null,
        name: 'Late Larry',
        contact: 'larry@example.com',
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: { field: string } } }).error.details.field).toBe('start');
    const missing = await fetch(`${warmline.url}/book/no-such-store`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("We couldn't find that store");
  });
});
