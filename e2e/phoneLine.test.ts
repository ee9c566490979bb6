import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../apps/server/src/testing/voiceLab/labProcess.ts';
import { startVoiceLab, type VoiceLab } from '../apps/server/src/testing/voiceLab/voiceLab.ts';
import { apiSession } from './api.ts';
import { hearsAudio, recordPeerConnections } from './callAudio.ts';
import { DEMO_AGENT, DEMO_PEOPLE, launchChromium, screenshots, signInAs, startWarmline, type Warmline } from './harness.ts';

// The agent app on a real phone line: Debian's kamailio as the SIP network, Janus bridging it to the browser, and
// baresip as a customer's phone (it answers by itself, plays a tone and records what it hears).
const CUSTOMER_NUMBER = '+254712345678';
const JANUS_TOKEN_SECRET = 'e2e-janus-token-secret';

let lab: VoiceLab;
let warmline: Warmline;
let browser: Browser;
let agent: Page;

beforeAll(async () => {
  lab = await startVoiceLab({ phoneNumber: CUSTOMER_NUMBER, phoneName: 'Kamau Otieno', janusTokenSecret: JANUS_TOKEN_SECRET });
  [warmline, browser] = await Promise.all([
    startWarmline({
      demo: true,
      env: {
        // A callback booked below falls due at once.
        CALLBACK_MIN_LEAD_MINUTES: '0',
        JANUS_URL: lab.janus.url,
        JANUS_TOKEN_SECRET,
        SIP_PROXY: lab.kamailio.proxy,
        SIP_DOMAIN: `127.0.0.1:${lab.kamailio.port}`,
        SIP_LINE_USER: 'support',
        SIP_LINE_SECRET: 'lab-line-secret',
      },
    }),
    launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']),
  ]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
  agent = await context.newPage();
  await agent.addInitScript(recordPeerConnections);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
  await lab?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

describe('the phone line in the agent app, in Chromium', () => {
  it('a phone call rings the app with the caller’s name, answering opens their story, and they hear each other', async () => {
    const api = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const kamau = (await api.post('/api/v1/customers', { name: 'Kamau Otieno', phone: CUSTOMER_NUMBER })) as {
      customer: { id: string };
    };
    await signInAs(agent, warmline.url, DEMO_AGENT);
    // The app joins the line by itself: the phone can reach it once Janus has registered it at kamailio.
    await agent.locator('[data-testid="phone-line-status"][data-status="ready"]').waitFor({ timeout: 20_000 });
    await lab.phone.dial(lab.kamailio.uriOf('support'));
    const card = agent.locator('[data-testid="phone-call"][data-phase="ringing"]');
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => agent.locator('[data-testid="phone-call-name"]').innerText()).toBe('Kamau Otieno');
    expect(await card.innerText()).toContain(CUSTOMER_NUMBER);
    await shot(agent, 'voice-phone-line-ringing');

    const heardBefore = lab.phone.heardBytes();
    await agent.locator('[data-testid="phone-answer"]').click();
    await agent.locator('[data-testid="phone-call"][data-phase="on"]').waitFor({ timeout: 15_000 });
    await agent.waitForURL(`**/app/customers/${kamau.customer.id}`);
    await agent.locator('[data-testid="customer-page"] h1', { hasText: 'Kamau Otieno' }).waitFor();
    await hearsAudio(agent);
    await waitFor('the browser to be heard on the phone', () => lab.phone.heardBytes() > heardBefore + 8000);
    await shot(agent, 'voice-phone-line-on-call');

    await agent.locator('[data-testid="phone-hangup"]').click();
    await waitFor('the phone to see the call end', () => lab.phone.events().includes('CALL_CLOSED'));
    await agent.locator('[data-testid="phone-call"][data-phase="ended"]').waitFor();
    await agent.locator('[data-testid="phone-dismiss"]').click();
    await agent.locator('[data-testid="phone-call"]').waitFor({ state: 'detached' });
    // The call is on Kamau's timeline: who took it, and for how long.
    await expect
      .poll(async () => JSON.stringify(await api.get(`/api/v1/customers/${kamau.customer.id}/timeline`)), { timeout: 10_000 })
      .toMatch(/Phone call from \+254712345678, answered by Amina Odhiambo · \d+ s/);
  });

  it('declining a phone call stops the ringing, and the phone hears it turned down', async () => {
    const closedBefore = lab.phone.events().filter((e) => e === 'CALL_CLOSED').length;
    await lab.phone.dial(lab.kamailio.uriOf('support'));
    const card = agent.locator('[data-testid="phone-call"][data-phase="ringing"]');
    await card.waitFor({ timeout: 20_000 });
    await agent.locator('[data-testid="phone-decline"]').click();
    await card.waitFor({ state: 'detached' });
    await waitFor(
      'the phone to hear the call turned down',
      () => lab.phone.events().filter((e) => e === 'CALL_CLOSED').length > closedBefore,
    );
  });

  it('a due callback is dialled from the browser through the line, and they hear each other', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
    const visitor = await context.newPage();
    await visitor.goto(`${warmline.url}/demo`);
    await visitor.locator('[data-testid="wl-launcher"]').click();
    await visitor.locator('[data-testid="wl-composer"]').fill('Please phone me about the catering order');
    await visitor.locator('[data-testid="wl-send"]').click();
    await visitor.locator('[data-testid="wl-choices"]').waitFor({ timeout: 10_000 });
    await visitor.locator('[data-testid="wl-choice-callback"]').click();
    await visitor.locator('[data-testid="wl-callback-phone"]').fill(CUSTOMER_NUMBER);
    const firstWindow = visitor.locator('[data-testid="wl-callback-window"] option').first();
    await firstWindow.waitFor({ state: 'attached' });
    await visitor.locator('[data-testid="wl-callback-window"]').selectOption((await firstWindow.getAttribute('value'))!);
    await visitor.locator('[data-testid="wl-callback-submit"]').click();
    const confirmation = visitor.locator('[data-testid="wl-callback-confirmation"]');
    await expect.poll(() => confirmation.innerText(), { timeout: 10_000 }).toContain(`will call you on ${CUSTOMER_NUMBER}`);
    const said = await confirmation.innerText();
    const owner = Object.keys(DEMO_PEOPLE).find((n) => said.includes(n)) as keyof typeof DEMO_PEOPLE;
    expect(owner).toBeDefined();

    const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
    const caller = owner === DEMO_AGENT.name ? agent : await ownerContext.newPage();
    if (caller !== agent) {
      await caller.addInitScript(recordPeerConnections);
      await signInAs(caller, warmline.url, { email: DEMO_PEOPLE[owner], password: DEMO_AGENT.password });
    } else await caller.goto(`${warmline.url}/app`);
    await caller.locator('[data-testid="phone-line-status"][data-status="ready"]').waitFor({ timeout: 20_000 });
    await caller.locator('[data-testid="inbox-tab-mine"]').click();
    await caller.locator('[data-testid="conversation-row"]', { hasText: 'catering order' }).click();
    const card = caller.locator('[data-testid="callback-card"]');
    await card.waitFor({ timeout: 15_000 });
    const heardBefore = lab.phone.heardBytes();
    await card.getByRole('button', { name: new RegExp(`^Call .+ on \\${CUSTOMER_NUMBER}$`) }).click();
    // The browser dials through the line by itself; the phone answers.
    await caller.locator('[data-testid="phone-call"][data-phase="on"]').waitFor({ timeout: 20_000 });
    await hearsAudio(caller);
    await waitFor('the browser to be heard on the phone', () => lab.phone.heardBytes() > heardBefore + 8000);
    await shot(caller, 'voice-phone-line-callback');
    await caller.locator('[data-testid="phone-hangup"]').click();
    await card.getByRole('button', { name: 'Reached' }).click();
    await card.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('a call that reached nobody is on the caller’s timeline, with a call back booked for a named person', async () => {
    // What the deployment guide's kamailio sends when nobody is on the line (its route[MISSED]).
    const query = new URLSearchParams({
      from: 'sip:+254733000111@trunk.example',
      callId: 'e2e-missed-1',
      reason: 'nobody_on_line',
    });
    const res = await fetch(`${warmline.url}/api/v1/voice/line/missed-calls?${query}`, {
      method: 'POST',
      headers: { authorization: 'Bearer lab-line-secret', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    const missed = (await res.json()) as { conversationId: string; callback: { ownerId: string } | null };
    expect(missed.callback).not.toBeNull();
    await agent.goto(`${warmline.url}/app/conversations/${missed.conversationId}`);
    const timeline = agent.locator('[data-testid="timeline"]');
    await expect
      .poll(() => timeline.innerText(), { timeout: 10_000 })
      .toMatch(/Missed phone call from \+254733000111: nobody was on the line/);
    expect(await timeline.innerText()).toMatch(/Callback booked: \+254733000111, \d\d:\d\d–\d\d:\d\d, owner \w+/);
    await shot(agent, 'voice-phone-line-missed');
  });
});
