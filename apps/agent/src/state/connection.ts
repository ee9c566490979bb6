import type { RealtimeClient } from '@warmline/realtime-client';
import type { ClientFrame } from '@warmline/shared/types';

let client: RealtimeClient | null = null;

/** Registers the live socket (or none after sign-out). */
export function attachSocket(next: RealtimeClient | null): void {
  client = next;
}

/** Sends a frame if the socket is ready; false means the caller must fall back or wait for `ready`. */
export function sendFrame(frame: ClientFrame): boolean {
  return client?.send(frame) ?? false;
}
