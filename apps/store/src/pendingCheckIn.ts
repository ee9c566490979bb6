import { backoffDelay, type KV, readJSON } from '@warmline/realtime-client';
import type { Ticket } from '@warmline/shared';

/** A check-in the kiosk has promised to deliver: what was typed, with the clientId that makes a resend harmless. */
export interface PendingCheckIn {
  clientId: string;
  slug: string;
  name: string;
  contact: string;
  serviceId: string;
  via: 'kiosk' | 'phone';
}

/** How the server finally answered a check-in. */
export type CheckInAnswer =
  | { kind: 'ticket'; ticket: Ticket }
  | { kind: 'closed' }
  | { kind: 'refused'; message: string; field: string | null };

/** One try: the HTTP status and JSON body, or a throw when the network did not answer at all. */
export type SendCheckIn = (pending: PendingCheckIn) => Promise<{ status: number; body: unknown }>;

const keyOf = (slug: string) => `warmline:kiosk:${slug}:pending`;

/** The pending check-in of a kiosk, kept in localStorage so a reload or a blip never loses it. */
export function pendingCheckIns(kv: KV) {
  return {
    save: (pending: PendingCheckIn) => kv.set(keyOf(pending.slug), JSON.stringify(pending)),
    load(slug: string): PendingCheckIn | null {
      const p = readJSON<Partial<PendingCheckIn> | null>(kv, keyOf(slug), null);
      const complete =
        p && typeof p.clientId === 'string' && typeof p.name === 'string' && typeof p.serviceId === 'string' && p.slug === slug;
      return complete ? { ...(p as PendingCheckIn), contact: p.contact ?? '', via: p.via === 'phone' ? 'phone' : 'kiosk' } : null;
    },
    clear: (slug: string) => kv.remove(keyOf(slug)),
  };
}

interface ErrorBody {
  error?: { message?: string; details?: { closed?: boolean; field?: string } };
}

/** A final answer from a reply, or null when the server could not answer yet (5xx, 429) and the kiosk should try again. */
export function answerOf(status: number, body: unknown): CheckInAnswer | null {
  const ticket = (body as { ticket?: Ticket } | null)?.ticket;
  if (status < 300 && ticket) return { kind: 'ticket', ticket };
  if (status === 429 || status >= 500 || status < 400) return null;
  const error = (body as ErrorBody | null)?.error;
  if (status === 409 && error?.details?.closed) return { kind: 'closed' };
  return { kind: 'refused', message: error?.message ?? '', field: error?.details?.field ?? null };
}

export interface RetryDeps {
  kv: KV;
  send: SendCheckIn;
  /** Waits before the next try; may end early (the browser says it is online again). */
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  /** Told before each wait, with the number of tries so far: the screen stays calm but may say the line is slow. */
  onRetry?: (tries: number) => void;
}

/**
 * Sends a check-in until the server answers, keeping it stored meanwhile; the same clientId each time, so however
 * many tries reach the server there is one ticket. The stored copy is removed once an answer is in.
 */
export async function checkInUntilAnswered(pending: PendingCheckIn, deps: RetryDeps): Promise<CheckInAnswer> {
  const store = pendingCheckIns(deps.kv);
  store.save(pending);
  for (let attempt = 0; ; attempt++) {
    const reply = await deps.send(pending).catch(() => null);
    const answer = reply && answerOf(reply.status, reply.body);
    if (answer) {
      store.clear(pending.slug);
      return answer;
    }
    deps.onRetry?.(attempt + 1);
    await deps.sleep(backoffDelay(attempt, deps.random));
  }
}
