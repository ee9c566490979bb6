import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { root } from './warmlineProcess.ts';

export { root, startWarmline, type Warmline } from './warmlineProcess.ts';
export const screenshots = path.join(root, 'docs/screenshots');

/** Debian's Chromium, headless; never a downloaded browser. `extraArgs` adds switches (fake media for calls). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export const DEMO_AGENT = { email: 'amina@juniper-rye.example', password: 'warmline-demo', name: 'Amina Odhiambo' };
/** The demo's people, by name: whom a booked callback names is signed in by their email. */
export const DEMO_PEOPLE = {
  'Amina Odhiambo': 'amina@juniper-rye.example',
  'Jonas Berg': 'jonas@juniper-rye.example',
  'Priya Nair': 'priya@juniper-rye.example',
} as const;
