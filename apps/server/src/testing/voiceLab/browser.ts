import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import ts from 'typescript';

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

let origin: Promise<string> | null = null;

/**
 * A blank page served from loopback by this process. A real server, not an intercepted request: Chromium lets a
 * page reach loopback services (Janus) only when the page itself came from a loopback address.
 */
function labOrigin(): Promise<string> {
  origin ??= new Promise((resolve) => {
    const server = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>voice lab</title>');
    });
    server.unref();
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
  return origin;
}

/** A page at a loopback origin (a secure context, so the microphone may be used) holding the given scripts. */
export async function callPage(browser: Browser, scripts: string[]): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${await labOrigin()}/lab.html`);
  for (const content of scripts) await page.addScriptTag({ content });
  return page;
}

const pageScript = (name: string) => fs.readFileSync(path.join(here, 'page', name), 'utf8');

/** The in-page peer (`page/labPeer.js`) that tests drive with `labPeer(page)`. */
export const labPeerScripts = [pageScript('audioStats.js'), pageScript('labPeer.js')];

/**
 * The agent app's phone line (`apps/agent/src/voice/janusSip.ts`, as the browser runs it) and a driver for it
 * (`page/agentPhone.js`), for `agentPhone(page)`.
 */
export function agentPhoneScripts(): string[] {
  const source = fs.readFileSync(path.resolve(here, '../../../../agent/src/voice/janusSip.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  const classic = `${outputText.replace(/^export /gm, '')}\nwindow.JanusSipLine = JanusSipLine;\n`;
  return [classic, pageScript('audioStats.js'), pageScript('agentPhone.js')];
}

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

export interface SipAccount {
  username: string;
  proxy: string;
  secret?: string;
  displayName?: string;
}

/** Drives the agent's phone line in a page made by `callPage(browser, agentPhoneScripts())`. */
export function agentPhone(page: Page) {
  const call = <T>(method: string, ...args: unknown[]) => callInPage<T>(page, 'agentPhone', method, ...args);
  return {
    connect: (janusUrl: string, token: string) => call<void>('connect', janusUrl, token),
    register: (account: SipAccount) => call<void>('register', account),
    call: (uri: string) => call<void>('call', uri),
    accept: () => call<void>('accept'),
    hangup: () => call<void>('hangup'),
    decline: () => call<void>('decline'),
    unregister: () => call<void>('unregister'),
    /** Closes the page, and with it the Janus session. */
    close: () => page.context().close(),
    seen: () => call<{ type: string; caller?: string; displayName?: string | null; code?: number }[]>('seen'),
    audio: () => call<PeerAudio>('audio'),
  };
}
