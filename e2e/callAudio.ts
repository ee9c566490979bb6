import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Reading a call's audio in a page: every peer connection the page makes is kept, and its inbound audio counted.

/** Keeps every peer connection the page makes, so the test can read its audio statistics. */
export const recordPeerConnections = () => {
  const w = window as unknown as { peerConnections: RTCPeerConnection[] };
  w.peerConnections = [];
  const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original {
    constructor(config?: RTCConfiguration) {
      super(config);
      w.peerConnections.push(this);
    }
  } as typeof RTCPeerConnection;
};

/** How many peer connections the page has made so far: `hearsAudio(page, from)` counts only those made after. */
export const peerConnectionCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections.length);

/** True once every peer connection the page made from the `from`-th up to the `to`-th is closed (that audio ended). */
export const connectionsClosed = (page: Page, from: number, to?: number) =>
  page.evaluate(
    ([first, last]) =>
      (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections
        .slice(first, last ?? undefined)
        .every((pc) => pc.connectionState === 'closed'),
    [from, to ?? null] as const,
  );

/** Bytes of audio received so far on the page's live calls (inbound RTP) from its `from`-th connection on, 0 before any. */
const audioBytesIn = (page: Page, from: number) =>
  page.evaluate(async (first) => {
    let bytes = 0;
    for (const pc of (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections.slice(first)) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') bytes += s.bytesReceived ?? 0;
      });
    }
    return bytes;
  }, from);

/** Audio flows into this page (on its connections from the `from`-th on): its received bytes keep growing. */
export async function hearsAudio(page: Page, from = 0) {
  await expect.poll(() => audioBytesIn(page, from), { timeout: 15_000 }).toBeGreaterThan(0);
  const first = await audioBytesIn(page, from);
  await expect.poll(() => audioBytesIn(page, from), { timeout: 10_000 }).toBeGreaterThan(first);
}
