import type { ClientFrame } from '@warmline/shared';
import type { AgentSocket } from '../api/socket.ts';

let socket: AgentSocket | null = null;

/** Registers the live socket (or none after sign-out). */
export function attachSocket(next: AgentSocket | null): void {
  socket = next;
}

/** Sends a frame if the socket is ready; false means the caller must fall back or wait for `ready`. */
export function sendFrame(frame: ClientFrame): boolean {
  return socket?.send(frame) ?? false;
}
