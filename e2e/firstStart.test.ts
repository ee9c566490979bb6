import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterProcesses } from '../apps/server/src/core/db/embedded/processes.ts';
import { launchChromium, root, screenshots, startWarmline, type Warmline } from './harness.ts';

let warmline: Warmline;
let browser: Browser;

beforeAll(async () => {
  warmline = await startWarmline();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

describe('a fresh install, started with npm start', () => {
  it('serves health, readiness, metrics, the API description, the widget, the agent app and the demo page', async () => {
    const expectations: Array<[string, number, RegExp]> = [
      ['/healthz', 200, /"status":"ok"/],
      ['/readyz', 200, /"database":true/],
      ['/metrics', 200, /warmline_websocket_connections/],
      ['/api/v1/openapi.json', 200, /"openapi":"3\.1\.0"/],
      ['/widget.js', 200, /Warmline/],
      ['/app', 200, /<div id="root">/],
      ['/demo', 200, /data-workspace="wk_/],
    ];
    for (const [url, status, body] of expectations) {
      const res = await fetch(`${warmline.url}${url}`);
      expect(res.status, url).toBe(status);
      expect(await res.text(), url).toMatch(body);
    }
  });

  it('prints a one-time link with which the first admin creates an account and lands in the app', async () => {
    const link = /(http:\/\/\S+\/app\/invite\/\S+)/.exec(warmline.output())?.[1];
    expect(link).toBeDefined();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(link!);
    // Setting up, not joining a workspace nobody has named yet.
    await page.locator('[data-testid="invite-submit"]').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Set up Warmline');
    expect(await page.locator('[data-testid="invite-submit"]').innerText()).toBe('Create my account');
    expect(await page.locator('body').innerText()).not.toContain('Join My workspace');
    await page.locator('[data-testid="invite-display-name"]').fill('Grace Wanjiku');
    await page.locator('[data-testid="invite-email"]').fill('grace@example.com');
    await page.locator('[data-testid="invite-password"]').fill('a long enough password');
    await shot(page, 'agent-first-admin');
    await page.locator('[data-testid="invite-submit"]').click();
    await page.locator('[data-testid="presence-switch"]').waitFor();
    expect(await page.locator('body').innerText()).toContain('Grace Wanjiku');

    // The link works once.
    const again = await browser.newPage();
    await again.goto(link!);
    await expect.poll(() => again.locator('body').innerText()).toMatch(/expired|no longer|not found|used/i);
  });

  it('refuses a second process on the same data directory, naming the lock', () => {
    const result = spawnSync(process.execPath, ['bin/warmline.mjs', 'start'], {
      cwd: root,
      env: { ...process.env, PORT: '0', WARMLINE_DATA_DIR: warmline.dataDir, DATABASE_URL: '', REDIS_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('warmline.lock');
  });

  it('keeps conversations across a restart', async () => {
    const session = await widgetSession(warmline);
    const sent = await fetch(`${warmline.url}/api/v1/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.visitorToken}` },
      body: JSON.stringify({ clientId: crypto.randomUUID(), body: 'Still there after a restart?' }),
    });
    expect(sent.status).toBe(201);

    expect(await warmline.stop()).toBe(0);
    // Its PostgreSQL stopped with it, and the data directory holds the cluster it will start again.
    expect(clusterProcesses(warmline.dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(warmline.dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    warmline = await startWarmline({ dataDir: warmline.dataDir });
    const resumed = await widgetSession(warmline, session.visitorToken);
    expect(resumed.entries.map((e) => e.body)).toContain('Still there after a restart?');
  });
});

/** Opens a widget session the way the demo page's widget does, with the key the page embeds. */
async function widgetSession(w: Warmline, visitorToken?: string) {
  const html = await (await fetch(`${w.url}/demo`)).text();
  const workspaceKey = /data-workspace="(wk_[^"]+)"/.exec(html)![1];
  const res = await fetch(`${w.url}/api/v1/widget/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspaceKey, visitorToken }),
  });
  return (await res.json()) as { visitorToken: string; entries: Array<{ body: string }> };
}

const shot = (page: import('playwright-core').Page, name: string) =>
  page.screenshot({ path: path.join(screenshots, `${name}.png`) });
