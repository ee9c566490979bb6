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

/** Bytes of audio received so far on the page's live call (inbound RTP), 0 before any. */
const audioBytesIn = (page: Page) =>
  page.evaluate(async () => {
    let bytes = 0;
    for (const pc of (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') bytes += s.bytesReceived ?? 0;
      });
    }
    return bytes;
  });

/** Audio flows into this page: its received bytes keep growing. */
export async function hearsAudio(page: Page) {
  await expect.poll(() => audioBytesIn(page), { timeout: 15_000 }).toBeGreaterThan(0);
  const first = await audioBytesIn(page);
  await expect.poll(() => audioBytesIn(page), { timeout: 10_000 }).toBeGreaterThan(first);
}
