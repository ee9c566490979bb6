import { type Callback, type Conversation, isWaitingForPerson } from '@warmline/shared';

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });
}

function sameDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString();
}

/** "14:00–14:30" today, "Tomorrow 14:00–14:30", otherwise "Fri 14:00–14:30". */
export function callbackWindow(cb: Pick<Callback, 'windowStart' | 'windowEnd'>, now: number): string {
  const start = new Date(cb.windowStart);
  const range = `${clock(cb.windowStart)}–${clock(cb.windowEnd)}`;
  const today = new Date(now);
  if (sameDay(start, today)) return range;
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (sameDay(start, tomorrow)) return `Tomorrow ${range}`;
  return `${start.toLocaleDateString(undefined, { weekday: 'short' })} ${range}`;
}

/** "+254 712…": enough to recognise a number in a list without spelling it out. */
export function shortPhone(phone: string): string {
  const trimmed = phone.trim();
  const groups = trimmed.split(/\s+/);
  if (groups.length >= 3) return `${groups.slice(0, 2).join(' ')}…`;
  return trimmed.length > 9 ? `${trimmed.slice(0, 7)}…` : trimmed;
}

export interface CallbackChip {
  text: string;
  /** Call the customer now: the row is highlighted like a waiting customer. */
  due: boolean;
  status: Callback['status'];
}

/**
 * The callback chip: "Callback 14:00–14:30 · +254 712…" while scheduled, "Call now · …" when due.
 * `fullPhone` spells the whole number out (the header, where the agent dials it). Done or cancelled: no chip.
 */
export function callbackChip(cb: Callback | null, now: number, fullPhone = false): CallbackChip | null {
  if (!cb || cb.status === 'done' || cb.status === 'cancelled') return null;
  const phone = fullPhone ? cb.phone.trim() : shortPhone(cb.phone);
  const window = callbackWindow(cb, now);
  if (cb.status === 'due') return { text: `Call now · ${window} · ${phone}`, due: true, status: 'due' };
  return { text: `Callback ${window} · ${phone}`, due: false, status: 'scheduled' };
}

export type BadgeKind = 'upset' | 'service-failure' | 'escalated';

export interface Badge {
  kind: BadgeKind;
  label: string;
  title: string;
}

/** Small, calm badges for what moves a conversation up the queue; escalation last (it reads as the outcome). */
export function priorityBadges(c: Pick<Conversation, 'upset' | 'serviceFailure' | 'escalatedAt' | 'status'>): Badge[] {
  const badges: Badge[] = [];
  if (c.upset) badges.push({ kind: 'upset', label: 'Upset', title: 'The customer is upset: answer with extra care' });
  if (c.serviceFailure) {
    badges.push({ kind: 'service-failure', label: 'Service failure', title: 'We let this customer down before' });
  }
  if (c.escalatedAt && isWaitingForPerson(c)) {
    badges.push({ kind: 'escalated', label: 'Waiting too long', title: 'Past the time-to-human target' });
  }
  return badges;
}
