import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callPage, labPeer, labPeerScripts, launchCallBrowser } from '../../../testing/voiceLab/browser.ts';
import { type Coturn, startCoturn } from '../../../testing/voiceLab/coturn.ts';
import { waitFor } from '../../../testing/voiceLab/labProcess.ts';
import { iceServersFor } from './turnCredentials.ts';

const SECRET = 'warmline-turn-test-secret-0123';
const TTL = 600;

let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchCallBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function peer() {
  const page = await callPage(browser, labPeerScripts);
  pages.push(page);
  return labPeer(page);
}

function settingsFor(coturn: Coturn, secret = SECRET) {
  return { stunUrls: [], turnUrls: [coturn.url], turnSecret: secret, turnTtlSeconds: TTL };
}

/** Two pages in a call that may only go through the TURN relay, each with its own issued credentials. */
async function relayOnlyCall(coturn: Coturn) {
  const [caller, callee] = [await peer(), await peer()];
  const now = new Date();
  await caller.start({ iceServers: iceServersFor(settingsFor(coturn), 'agent-1', now), iceTransportPolicy: 'relay' });
  await callee.start({ iceServers: iceServersFor(settingsFor(coturn), 'visitor-1', now), iceTransportPolicy: 'relay' });
  await caller.accept(await callee.answer(await caller.offer()));
  return { caller, callee };
}

/** A page that only tries to gather relay candidates with the given ICE servers. */
async function gatherRelay(iceServers: unknown[]) {
  const p = await peer();
  await p.start({ iceServers, iceTransportPolicy: 'relay' });
  await p.offer(); // resolves once gathering is complete
  return p.candidates();
}

describe('calls relayed through coturn with credentials Warmline issues', () => {
  let coturn: Coturn;
  beforeAll(async () => {
    coturn = await startCoturn({ secret: SECRET });
  });
  afterAll(async () => {
    await coturn?.stop();
  });

  it('carries audio both ways over the relay when nothing else is allowed', { timeout: 60_000 }, async () => {
    const { caller, callee } = await relayOnlyCall(coturn);
    const flowing = async () => {
      const [a, b] = [await caller.audio(), await callee.audio()];
      return a.bytesReceived > 4000 && b.bytesReceived > 4000 ? { a, b } : null;
    };
    const first = await waitFor('audio to flow both ways through the relay', flowing, { timeoutMs: 30_000 });
    expect(first.a.localCandidateType).toBe('relay');
    expect(first.b.localCandidateType).toBe('relay');
    // Still flowing, not a burst at setup.
    await waitFor('more audio to arrive on both sides', async () => {
      const [a, b] = [await caller.audio(), await callee.audio()];
      return a.bytesReceived > first.a.bytesReceived && b.bytesReceived > first.b.bytesReceived;
    });
  });

  it('refuses expired credentials: no relay candidate, and coturn answers 401', { timeout: 60_000 }, async () => {
    const longAgo = new Date(Date.now() - (TTL + 120) * 1000);
    const gathered = await gatherRelay(iceServersFor(settingsFor(coturn), 'agent-1', longAgo));
    expect(gathered.types).not.toContain('relay');
    expect(gathered.errors.map((e) => e.code)).toContain(401);
  });

  it('refuses credentials signed with another secret: no relay candidate, and coturn answers 401', {
    timeout: 60_000,
  }, async () => {
    const gathered = await gatherRelay(iceServersFor(settingsFor(coturn, 'not-the-coturn-secret-9876'), 'agent-1', new Date()));
    expect(gathered.types).not.toContain('relay');
    expect(gathered.errors.map((e) => e.code)).toContain(401);
  });
});

describe("the deployment guide's coturn configuration", () => {
  const guide = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../../docs/deploy/coturn.conf'), 'utf8');
  const peerRules = guide
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(no-loopback-peers|no-multicast-peers|denied-peer-ip=|allowed-peer-ip=)/.test(line));

  it('denies private, link-local and loopback peers', () => {
    for (const rule of [
      'no-loopback-peers',
      'denied-peer-ip=10.0.0.0-10.255.255.255',
      'denied-peer-ip=172.16.0.0-172.31.255.255',
      'denied-peer-ip=192.168.0.0-192.168.255.255',
      'denied-peer-ip=127.0.0.0-127.255.255.255',
      'denied-peer-ip=169.254.0.0-169.254.255.255',
      'denied-peer-ip=fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      'denied-peer-ip=fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]) {
      expect(peerRules).toContain(rule);
    }
    expect(peerRules.some((rule) => rule.startsWith('allowed-peer-ip='))).toBe(false);
  });

  it('keeps a relayed call from reaching a loopback peer', { timeout: 60_000 }, async () => {
    const guarded = await startCoturn({ secret: SECRET, peerRules });
    try {
      const { caller, callee } = await relayOnlyCall(guarded);
      await waitFor(
        'the relayed call to a loopback peer to fail',
        async () => (await caller.audio()).connectionState === 'failed' && (await callee.audio()).connectionState === 'failed',
        { timeoutMs: 45_000, everyMs: 250 },
      );
      expect((await caller.audio()).bytesReceived).toBe(0);
    } finally {
      await guarded.stop();
    }
  });
});
