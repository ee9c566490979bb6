import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Debian's Chromium, headless, with a fake microphone and camera it may use without asking. */
export function launchCallBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
}

/**
 * A page at a loopback origin (a secure context, so the microphone may be used) holding the given scripts. The page
 * is served by the browser context itself: nothing listens on that address.
 */
export async function callPage(browser: Browser, scripts: string[]): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const origin = 'http://127.0.0.1:9';
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>voice lab</title>' }),
  );
  await page.goto(`${origin}/lab.html`);
  for (const content of scripts) await page.addScriptTag({ content });
  return page;
}

/** The in-page peer (`page/labPeer.js`) that tests drive with `window.labPeer`. */
export const labPeerScript = fs.readFileSync(path.join(here, 'page/labPeer.js'), 'utf8');

export interface PeerAudio {
  bytesReceived: number;
  bytesSent: number;
  connectionState: string;
  localCandidateType: string | null;
  remoteCandidateType: string | null;
}

interface SessionDescription {
  type: string;
  sdp: string;
}

type Method = (...args: unknown[]) => unknown;

/** Calls a method of an object the page's scripts put on `window`, with arguments that travel as JSON. */
export function callInPage<T>(page: Page, object: string, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ({ object, method, args }) => {
      const target = (globalThis as unknown as Record<string, Record<string, Method>>)[object]!;
      return (await target[method]!(...args)) as T;
    },
    { object, method, args },
  );
}

/** Drives the in-page peer of a page made by `callPage(browser, [labPeerScript])`. */
export function labPeer(page: Page) {
  const call = <T>(method: string, ...args: unknown[]) => callInPage<T>(page, 'labPeer', method, ...args);
  return {
    start: (configuration: { iceServers: unknown[]; iceTransportPolicy?: 'all' | 'relay' }) => call<void>('start', configuration),
    offer: () => call<SessionDescription>('offer'),
    answer: (offer: SessionDescription) => call<SessionDescription>('answer', offer),
    accept: (answer: SessionDescription) => call<void>('accept', answer),
    gathered: () => call<void>('gathered'),
    audio: () => call<PeerAudio>('audio'),
    candidates: () => call<{ types: string[]; errors: { code: number; text: string; url: string }[] }>('candidates'),
  };
}
