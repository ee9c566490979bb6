import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { DEMO_AGENT, launchChromium, startWarmline, type Warmline } from './harness.ts';
import { shoot } from './storeShots.ts';

let warmline: Warmline;
let browser: Browser;
let admin: Awaited<ReturnType<typeof apiSession>>;
let westlands: { id: string; services: { id: string; name: string }[] };

const TABLET_LANDSCAPE = { width: 1024, height: 768 };
const TABLET_PORTRAIT = { width: 768, height: 1024 };
const PHONE = { width: 390, height: 844 };
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** The machine's own zone: the kiosk's browser shows opening times in it, as a real kiosk shows the store's. */
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function newLocation(slug: string, name: string, hours: [string, string], holidays: object[] = []) {
  return admin.post('/api/v1/locations', {
    slug,
    name,
    address: '14 Ring Road, Westlands',
    timezone: ZONE,
    openingHours: Object.fromEntries(EVERY_DAY.map((day) => [day, hours])),
    holidays,
    services: [
      { name: 'Repairs', typicalMinutes: 10 },
      { name: 'Returns', typicalMinutes: 5 },
      { name: 'New phone or plan', typicalMinutes: 15 },
    ],
    staffIds: [admin.agentId],
  });
}

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  admin = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
  // Open all day, every day; the other closed today whatever the hour: today is its holiday.
  westlands = (await newLocation('westlands', 'Westlands', ['00:00', '24:00'])).location;
  // Amina is on the floor: the kiosk can quote a wait.
  await admin.put('/api/v1/agents/me/presence', { presence: 'available' });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
  await newLocation('karen', 'Karen', ['09:00', '17:00'], [{ date: today, name: 'Stocktaking', hours: null }]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

/** A fresh browser of this size (touch, as tablets and phones are), its vibrations recorded. */
async function device(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, hasTouch: true });
  await context.addInitScript(() => {
    const w = window as unknown as { vibrations: unknown[] };
    w.vibrations = [];
    Object.defineProperty(navigator, 'vibrate', { value: (pattern: unknown) => w.vibrations.push(pattern) > 0 });
  });
  return { context, page: await context.newPage() };
}

const screenOf = (page: Page) => page.locator('main').getAttribute('data-screen');

async function startCheckIn(page: Page, url: string, service: string, name: string) {
  await page.goto(url);
  await page.locator('[data-testid="kiosk-service"]', { hasText: service }).click();
  await page.locator('[data-testid="kiosk-name"]').fill(name);
}

/** A check-in as a kiosk sends it, straight to the public API. */
async function checkInByApi(body: object): Promise<unknown> {
  const res = await fetch(`${warmline.url}/api/v1/store/locations/westlands/check-ins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  return res.json();
}

const queue = async () =>
  (await admin.get(`/api/v1/locations/${westlands.id}/queue`)) as { tickets: { id: string; name: string; status: string }[] };

describe('the store kiosk and the "your turn" page', () => {
  let ticketLink = '';

  it('a walk-in checks in at the kiosk: a big code, their place, an honest wait and a QR code to follow it', async () => {
    const { context, page } = await device(TABLET_LANDSCAPE);
    await page.goto(`${warmline.url}/kiosk/westlands`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Welcome to Westlands');
    await expect.poll(() => page.locator('[data-testid="kiosk-wait"]').innerText()).toMatch(/minutes|No one is waiting/);
    expect(await page.locator('[data-testid="kiosk-service"]').count()).toBe(3);
    await shoot(page, 'store-kiosk-welcome-landscape');

    await page.locator('[data-testid="kiosk-service"]', { hasText: 'Repairs' }).click();
    await page.locator('[data-testid="kiosk-name"]').fill('Halima Yusuf');
    await page.locator('[data-testid="kiosk-contact"]').fill('+254 712 345 678');
    await shoot(page, 'store-kiosk-details-landscape');
    await page.locator('[data-testid="kiosk-submit"]').click();

    await expect.poll(() => page.locator('[data-testid="kiosk-code"]').innerText(), { timeout: 10_000 }).toMatch(/^R\d+$/);
    expect(await page.locator('[data-testid="kiosk-position"]').innerText()).toBe('You are next');
    expect(await page.locator('[data-testid="kiosk-ticket-wait"]').innerText()).toBe('A few minutes at most');
    expect(await page.locator('svg.qr path').getAttribute('d')).toMatch(/^M/);
    ticketLink = (await page.locator('[data-testid="kiosk-ticket-link"]').getAttribute('href'))!;
    expect(ticketLink).toMatch(new RegExp(`^${warmline.url}/ticket/[^/?]+$`));
    await shoot(page, 'store-kiosk-ticket-landscape');

    // Done: the next person finds a clean welcome, nothing of Halima left.
    await page.locator('[data-testid="kiosk-done"]').click();
    await expect.poll(() => screenOf(page)).toBe('welcome');
    expect(await page.locator('text=Halima').count()).toBe(0);
    await context.close();
  });

  it('the "your turn" page follows the line live and turns unmissable when Amina calls them', async () => {
    const { context, page } = await device(PHONE);
    await page.goto(ticketLink);
    await expect.poll(() => page.locator('[data-testid="ticket-code"]').innerText()).toMatch(/^R\d+$/);
    await expect.poll(() => page.locator('[data-testid="ticket-position"]').innerText()).toBe('You are next');
    await shoot(page, 'store-ticket-waiting-phone');
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    const called = (await admin.post(`/api/v1/locations/${westlands.id}/call-next`)) as { ticket: { id: string; name: string } };
    expect(called.ticket.name).toBe('Halima Yusuf');
    await expect
      .poll(() => page.locator('[data-testid="ticket-headline"]').innerText(), { timeout: 10_000 })
      .toBe("It's your turn");
    expect(await page.locator('[data-testid="ticket-who"]').innerText()).toBe('Amina is ready for you at the counter');
    expect(await page.evaluate(() => document.body.classList.contains('turn'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await shoot(page, 'store-ticket-turn-phone');

    await admin.post(`/api/v1/walk-ins/${called.ticket.id}/end`, { outcome: 'served' });
    await expect.poll(() => page.locator('[data-testid="ticket-headline"]').innerText()).toBe('Thank you for coming in');
    expect(await page.locator('main').innerText()).toContain('Amina helped you today');
    await context.close();
  });

  it('from their own phone (the QR code at the door) a customer checks in, steps out, comes back and may leave the line', async () => {
    const { context, page } = await device(PHONE);
    await startCheckIn(page, `${warmline.url}/kiosk/westlands?via=phone`, 'Returns', 'Baraka Mwangi');
    await shoot(page, 'store-kiosk-details-phone');
    await page.locator('[data-testid="kiosk-submit"]').click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/\/ticket\/[^/]+$/);
    await expect.poll(() => page.locator('[data-testid="ticket-code"]').innerText()).toMatch(/^R\d+$/);

    await page.locator('[data-testid="ticket-step-out"]').click();
    await shoot(page, 'store-ticket-step-out-phone');
    await page.locator('[data-testid="ticket-step-out-15"]').click();
    await expect
      .poll(() => page.locator('[data-testid="ticket-position"]').innerText())
      .toMatch(/^Your place is kept until \d\d:\d\d$/);
    await shoot(page, 'store-ticket-away-phone');
    await page.locator('[data-testid="ticket-back"]').click();
    await expect.poll(() => page.locator('[data-testid="ticket-position"]').innerText()).toBe('You are next');

    await page.locator('[data-testid="ticket-leave"]').click();
    await page.locator('[data-testid="ticket-leave-yes"]').click();
    await expect.poll(() => page.locator('[data-testid="ticket-headline"]').innerText()).toBe('You have left the line');
    expect((await queue()).tickets.some((t) => t.name === 'Baraka Mwangi' && t.status !== 'cancelled')).toBe(false);
    await context.close();
  });

  it('a check-in made while the network is cut, and whose first answer is lost, ends with exactly one ticket', async () => {
    const { context, page } = await device(TABLET_PORTRAIT);
    await page.goto(`${warmline.url}/kiosk/westlands`);
    await expect.poll(() => screenOf(page)).toBe('welcome');
    await shoot(page, 'store-kiosk-welcome-portrait');
    await startCheckIn(page, `${warmline.url}/kiosk/westlands`, 'New phone', 'Olu Adeyemi');

    await context.setOffline(true);
    await page.locator('[data-testid="kiosk-submit"]').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Checking you in…');
    await expect.poll(() => page.locator('[data-testid="kiosk-slow"]').isVisible(), { timeout: 10_000 }).toBe(true);
    const stored = await page.evaluate(() => localStorage.getItem('warmline:kiosk:westlands:pending'));
    expect(JSON.parse(stored!)).toMatchObject({ name: 'Olu Adeyemi', slug: 'westlands' });
    await shoot(page, 'store-kiosk-checking-in-portrait');

    // Back online, the first try reaches the server but its answer is lost on the way back.
    let lost = 0;
    await page.route('**/check-ins', async (route) => {
      if (lost > 0) return route.continue();
      lost++;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await expect.poll(() => page.locator('[data-testid="kiosk-code"]').innerText(), { timeout: 30_000 }).toMatch(/^N\d+$/);
    expect(lost).toBe(1);
    expect((await queue()).tickets.filter((t) => t.name === 'Olu Adeyemi')).toHaveLength(1);
    expect(await page.evaluate(() => localStorage.getItem('warmline:kiosk:westlands:pending'))).toBeNull();
    await shoot(page, 'store-kiosk-ticket-portrait');
    await context.close();
  });

  it('a check-in still pending when the kiosk reloads is sent on by itself, and answers the ticket already made', async () => {
    // The server took it, but the kiosk restarted before hearing back: only the copy in localStorage remains.
    const pending = { clientId: crypto.randomUUID(), slug: 'westlands', name: 'Achieng Otieno', contact: '', via: 'kiosk' };
    const made = (await checkInByApi({ ...pending, serviceId: westlands.services[1]!.id })) as { ticket: { code: string } };
    const { context, page } = await device(TABLET_PORTRAIT);
    await page.goto(`${warmline.url}/kiosk/westlands`);
    await page.evaluate((p) => localStorage.setItem('warmline:kiosk:westlands:pending', JSON.stringify(p)), {
      ...pending,
      serviceId: westlands.services[1]!.id,
    });
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="kiosk-code"]').innerText(), { timeout: 10_000 }).toBe(made.ticket.code);
    expect((await queue()).tickets.filter((t) => t.name === 'Achieng Otieno')).toHaveLength(1);
    expect(await page.evaluate(() => localStorage.getItem('warmline:kiosk:westlands:pending'))).toBeNull();
    await context.close();
  });

  it('a closed store offers a choice, not an error: when it opens, and a QR code to check in from the phone then', async () => {
    const { context, page } = await device(TABLET_LANDSCAPE);
    await page.goto(`${warmline.url}/kiosk/karen`);
    await expect.poll(() => screenOf(page)).toBe('closed');
    expect(await page.locator('h1').innerText()).toBe("We're closed now");
    // Today is its holiday: it opens at nine tomorrow (today, when a run passes midnight after the store was made).
    expect(await page.locator('[data-testid="kiosk-opens"]').innerText()).toMatch(/^We open at 09:00 (tomorrow|today)$/);
    expect(await page.locator('svg.qr').getAttribute('data-url')).toBe(`${warmline.url}/kiosk/karen?via=phone`);
    // Or a time another day, booked here and now.
    expect(await page.locator('[data-testid="kiosk-book"]').getAttribute('href')).toBe('/book/karen');
    await shoot(page, 'store-kiosk-closed-landscape');

    // In Swahili by the switch, and the choice stays in the address.
    await page.locator('[data-testid="lang-sw"]').click();
    expect(await page.locator('h1').innerText()).toBe('Tumefunga sasa');
    expect(await page.locator('[data-testid="kiosk-opens"]').innerText()).toMatch(/^Tunafungua saa 09:00 (kesho|leo)$/);
    expect(page.url()).toMatch(/\?lang=sw$/);
    await context.close();
  });

  it('with a line, the welcome quotes the wait a newcomer faces; it speaks Spanish by ?lang=es', async () => {
    for (const name of ['Wanjiru Kamau', 'Diego Herrera']) {
      await checkInByApi({ clientId: crypto.randomUUID(), name, serviceId: westlands.services[0]!.id });
    }
    const { context, page } = await device(TABLET_LANDSCAPE);
    await page.goto(`${warmline.url}/kiosk/westlands`);
    const wait = page.locator('[data-testid="kiosk-wait"]');
    await expect.poll(() => wait.innerText()).toMatch(/^About \d+–\d+ minutes · 4 people waiting$/);
    await shoot(page, 'store-kiosk-welcome-busy-landscape');
    await page.setViewportSize(TABLET_PORTRAIT);
    await page.goto(`${warmline.url}/kiosk/westlands?lang=es`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Bienvenido a Westlands');
    expect(await wait.innerText()).toMatch(/^Unos \d+–\d+ minutos · 4 personas esperando$/);
    await shoot(page, 'store-kiosk-welcome-es-portrait');
    await context.close();
  });

  it('an unknown store or ticket is a polite page, not a crash', async () => {
    for (const [url, what] of [
      ['/kiosk/nowhere', 'store'],
      ['/ticket/not-a-ticket', 'ticket'],
    ]) {
      const res = await fetch(`${warmline.url}${url}`);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type'), url).toBe('text/html; charset=utf-8');
      expect(await res.text(), url).toContain(`We couldn't find that ${what}`);
    }
  });
});
