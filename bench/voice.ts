// Calls from the widget to a named person, in Chromium with fake media: how soon the agent's browser rings after
// the customer presses Call, and how soon audio flows both ways after the agent answers; each beside the bare
// floor measured in the same run (a bare WebSocket relay between two pages; two peer connections in one page).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { callPage } from '../apps/server/src/testing/voiceLab/browser.ts';
import { DEMO_AGENT, launchChromium } from '../e2e/harness.ts';
import type { Figure } from './index.ts';
import { percentile, root, startBaseline, startWarmline } from './serverProcess.ts';
import { round } from './size.ts';
import { concurrentCallsFigure } from './voice/concurrentCalls.ts';

const RING_CALLS = 50;
const ANSWERED_CALLS = 20;
const FAKE_MEDIA = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

const PROBES = fs.readFileSync(path.join(root, 'bench/voice/pageProbes.js'), 'utf8');

/** The probes, installed in a page before its own scripts run. */
const probesFor = (setup: { clicks: string[]; arrival?: string }) => ({
  content: `${PROBES}\nvoiceBench.install(${JSON.stringify(setup)});`,
});

/**
 * The time the page first receives audio bytes, polled from here rather than by the page's own timers (a page that
 * is not in front may have them throttled); each poll is one round trip of a few milliseconds.
 */
async function firstAudioAt(page: Page): Promise<number> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if ((await page.evaluate<number>('voiceBench.audioBytes()')) > 0) return page.evaluate<number>('voiceBench.now()');
  }
  throw new Error('no audio within 20 s');
}

async function signedInAgent(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
  const agent = await context.newPage();
  await agent.addInitScript(probesFor({ clicks: ['call-answer'], arrival: 'incoming-call' }));
  await agent.goto(`${url}/app`);
  await agent.locator('[data-testid="sign-in-email"]').fill(DEMO_AGENT.email);
  await agent.locator('[data-testid="sign-in-password"]').fill(DEMO_AGENT.password);
  await agent.locator('[data-testid="sign-in-submit"]').click();
  await agent.locator('[data-testid="presence-switch"]').selectOption('available');
  return agent;
}

async function visitorOnDemo(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
  const visitor = await context.newPage();
  await visitor.addInitScript(probesFor({ clicks: ['wl-call'] }));
  await visitor.goto(`${url}/demo`);
  await visitor.locator('[data-testid="wl-launcher"]').click();
  await visitor.locator('[data-testid="wl-panel"]').waitFor();
  return visitor;
}

const clickedAt = (page: Page, id: string) => page.evaluate<number>(`voiceBench.clicked[${JSON.stringify(id)}]`);
const arrivals = (page: Page) => page.evaluate<number>('voiceBench.arrived.length');
const lastArrival = (page: Page) => page.evaluate<number>('voiceBench.arrived.at(-1)');
/** Waits for more than `n` arrivals (a function, not a string: the app's CSP forbids evaluating strings in the page). */
const arrivedMoreThan = (page: Page, n: number) =>
  page.waitForFunction(
    (count) => (globalThis as unknown as { voiceBench: { arrived: number[] } }).voiceBench.arrived.length > count,
    n,
    // Polled on a timer: animation frames stop in a page that is not in front, and the times come from the observer.
    { polling: 10, timeout: 30_000 },
  );

/** Where the run is, on stderr: a stalled step shows which one. */
const progress = (what: string) => process.stderr.write(`voice bench: ${what}\n`);

/** A customer may place 6 calls a minute (the widget's abuse limit): each visitor places at most this many. */
const CALLS_PER_VISITOR = 5;

/** The visitor for call `i`: a new customer (browser context) every CALLS_PER_VISITOR calls. */
async function visitorFor(i: number, current: Page | null, browser: Browser, url: string): Promise<Page> {
  if (current && i % CALLS_PER_VISITOR !== 0) return current;
  await current?.context().close();
  return visitorOnDemo(browser, url);
}

/** Press Call → the agent's incoming-call card is drawn; then the customer hangs up while it rings. */
async function ringTimes(agent: Page, browser: Browser, url: string): Promise<number[]> {
  const times: number[] = [];
  let visitor: Page | null = null;
  for (let i = 0; i < RING_CALLS; i++) {
    visitor = await visitorFor(i, visitor, browser, url);
    if (i % 10 === 0) progress(`ringing call ${i + 1} of ${RING_CALLS}`);
    const before = await arrivals(agent);
    await visitor.locator('[data-testid="wl-call"]').click();
    await arrivedMoreThan(agent, before);
    times.push((await lastArrival(agent)) - (await clickedAt(visitor, 'wl-call')));
    await visitor.locator('[data-testid="wl-hangup"]').click();
    await arrivedMoreThan(agent, before + 1);
  }
  return times;
}

/** Answer → audio bytes arriving on both sides; then the agent hangs up and skips the wrap-up. */
async function setupTimes(agent: Page, browser: Browser, url: string): Promise<number[]> {
  const times: number[] = [];
  let visitor: Page | null = null;
  for (let i = 0; i < ANSWERED_CALLS; i++) {
    visitor = await visitorFor(i, visitor, browser, url);
    if (i % 5 === 0) progress(`answered call ${i + 1} of ${ANSWERED_CALLS}`);
    await visitor.locator('[data-testid="wl-call"]').click();
    await agent.locator('[data-testid="incoming-call"]').waitFor();
    const audio = Promise.all([firstAudioAt(agent), firstAudioAt(visitor)]);
    await agent.locator('[data-testid="call-answer"]').click();
    const [agentHears, visitorHears] = await audio;
    times.push(Math.max(agentHears, visitorHears) - (await clickedAt(agent, 'call-answer')));
    await agent.locator('[data-testid="call-hangup"]').click();
    await agent.locator('[data-testid="call-wrap-up"]').getByRole('button', { name: 'Skip' }).click();
    await agent.locator('[data-testid="call-wrap-up"]').waitFor({ state: 'detached' });
  }
  return times;
}

/** The bare floor of ringing: a frame from one blank page through a bare `ws` relay into another page's DOM. */
async function bareRingTimes(browser: Browser): Promise<number[]> {
  const relay = await startBaseline('bench/baselines/bareRelay.ts');
  const pages: Page[] = [];
  try {
    const [sender, receiver] = await Promise.all([callPage(browser, [PROBES]), callPage(browser, [PROBES])]);
    pages.push(sender, receiver);
    await receiver.evaluate(`voiceBench.receiveFrom(${relay.port})`);
    await sender.evaluate(`voiceBench.sendTo(${relay.port})`);
    const times: number[] = [];
    for (let i = 0; i < RING_CALLS; i++) {
      const sent = await sender.evaluate<number>(`voiceBench.send(${i})`);
      await arrivedMoreThan(receiver, i);
      times.push((await lastArrival(receiver)) - sent);
    }
    return times;
  } finally {
    // The relay stops once its sockets are gone: the pages close first.
    for (const page of pages) await page.context().close();
    await relay.stop();
  }
}

/** The bare floor of call setup: two peer connections in one page with fake microphones, signalled directly. */
async function bareSetupTimes(browser: Browser): Promise<number[]> {
  const page = await callPage(browser, [PROBES]);
  const times: number[] = [];
  for (let i = 0; i < ANSWERED_CALLS; i++) times.push(await page.evaluate<number>('voiceBench.bareCall()'));
  return times;
}

function figure(bench: string, values: number[], baselineValues: number[], notes: string): Figure {
  const value = percentile(values, 95);
  const baseline = percentile(baselineValues, 95);
  return {
    bench,
    value: round(value, 1),
    unit: 'ms',
    baseline: round(baseline, 1),
    ratio: round(value / baseline),
    notes: `${notes}; p50 ${round(percentile(values, 50), 1)} ms, max ${round(Math.max(...values), 1)} ms; baseline p50 ${round(percentile(baselineValues, 50), 1)} ms`,
  };
}

export async function voiceBenchmarks(): Promise<Figure[]> {
  const warmline = await startWarmline({ demo: true, env: { CALL_RING_SECONDS: '120' } });
  const browser = await launchChromium(FAKE_MEDIA);
  try {
    // The floors first, in a browser that has not yet held any call.
    progress('bare floor of ringing');
    const bareRings = await bareRingTimes(browser);
    progress('bare floor of call setup');
    const bareSetups = await bareSetupTimes(browser);
    const agent = await signedInAgent(browser, warmline.url);
    const rings = await ringTimes(agent, browser, warmline.url);
    const setups = await setupTimes(agent, browser, warmline.url);
    progress('calls held at once through the SIP bridge');
    return [
      figure(
        'voice.answer_ms_p95',
        rings,
        bareRings,
        `${RING_CALLS} calls from the widget on /demo (a new customer every ${CALLS_PER_VISITOR}), from the click on Call to the agent's incoming-call card drawn (Chromium, embedded PostgreSQL); baseline: a frame from one page through a bare ws relay into another page's DOM`,
      ),
      figure(
        'voice.setup_ms_p95',
        setups,
        bareSetups,
        `${ANSWERED_CALLS} calls, from the click on Answer until audio bytes arrive on both sides (fake media, loopback, no TURN); baseline: two peer connections in one page, signalled directly, from getUserMedia to audio both ways`,
      ),
      await concurrentCallsFigure(),
    ];
  } finally {
    await browser.close();
    await warmline.stop();
  }
}
