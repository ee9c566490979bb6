import type { CompensationKind, Recovery } from '@warmline/shared';
import { formatClock, formatDuration } from './time.ts';

/** What can be offered, in the words an agent would use; `none` is an honest answer too. */
export const COMPENSATION_LABELS: Record<CompensationKind, string> = {
  refund: 'Refund',
  credit: 'Account credit',
  replacement: 'Replacement',
  discount: 'Discount',
  gift: 'A gift',
  none: 'No compensation',
};

/** The server asks for a value with everything but none and a gift. */
export function valueRequired(kind: CompensationKind): boolean {
  return kind !== 'none' && kind !== 'gift';
}

export type StepKey = 'acknowledged' | 'fixed' | 'compensation' | 'followUp' | 'followedUp';

export interface RecoveryStepView {
  key: StepKey;
  label: string;
  done: boolean;
  /** When it was ticked (or, for the follow-up, when it is scheduled for). */
  at: string | null;
  /** What was recorded with it: the fix, the compensation, the follow-up note. */
  detail: string | null;
}

/** The five steps of a recovery, in the order they are usually done. */
export function recoverySteps(r: Recovery): RecoveryStepView[] {
  const { acknowledged, fixed, compensation, followUp } = r.steps;
  return [
    { key: 'acknowledged', label: 'Acknowledged & apologised', done: acknowledged.done, at: acknowledged.at, detail: null },
    { key: 'fixed', label: 'Fixed', done: fixed.done, at: fixed.at, detail: fixed.note },
    {
      key: 'compensation',
      label: 'Compensation offered',
      done: compensation.done,
      at: compensation.at,
      detail: compensation.done ? compensationText(compensation) : null,
    },
    {
      key: 'followUp',
      label: 'Follow-up scheduled',
      done: followUp.scheduledFor !== null,
      at: followUp.scheduledFor,
      detail: followUp.note,
    },
    { key: 'followedUp', label: 'Followed up', done: followUp.done, at: followUp.at, detail: null },
  ];
}

/** "3 of 5 done · next: Compensation offered", or "Recovered" once every step that counts is done. */
export function recoveryProgress(r: Recovery): { done: number; total: number; next: string | null; text: string } {
  const steps = recoverySteps(r);
  const done = steps.filter((s) => s.done).length;
  const next = steps.find((s) => !s.done)?.label ?? null;
  if (r.recovered) return { done, total: steps.length, next: null, text: 'Recovered' };
  return { done, total: steps.length, next, text: `${done} of ${steps.length} done${next ? ` · next: ${next}` : ''}` };
}

/** Who flagged the failure and why: "Flagged by Amina Odhiambo — the cake never came", or a rule's reason. */
export function flaggedText(r: Pick<Recovery, 'flaggedBy' | 'reason'>): string {
  const reason = r.reason.trim();
  if (r.flaggedBy) return `Flagged by ${r.flaggedBy.displayName} — ${reason}`;
  return `Flagged automatically — ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
}

/** "KES 1,500.00" in the browser's way of writing numbers; the server stores minor units (cents). */
export function formatMoney(cents: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' })
      .format(cents / 100)
      .replace(/\u00a0/g, ' ');
  } catch {
    return `${currency} ${(cents / 100).toFixed(2)}`;
  }
}

/** "Refund · KES 15.00 · sorry about Saturday", "No compensation", "A gift". */
export function compensationText(
  c: Pick<Recovery['steps']['compensation'], 'kind' | 'valueCents' | 'currency' | 'note'>,
  locale?: string,
): string {
  const parts = [COMPENSATION_LABELS[c.kind ?? 'none']];
  if (c.valueCents !== null && c.currency) parts.push(formatMoney(c.valueCents, c.currency, locale));
  if (c.note) parts.push(c.note);
  return parts.join(' · ');
}

/**
 * An amount as typed ("15", "15.5", "1,500.00", "1 500") in minor units. Null when nothing was typed, so the
 * server can say whether a value is needed; a message when it is not an amount.
 */
export function parseAmount(text: string): { cents: number } | { error: string } | null {
  const cleaned = text.trim().replace(/[\s,\u00a0']/g, '');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return { error: 'Write the amount as a number, e.g. 15.50' };
  const [whole, fraction = ''] = cleaned.split('.');
  return { cents: Number(whole) * 100 + Number(fraction.padEnd(2, '0')) };
}

/** A three-letter currency code as typed, in capitals ("kes" → "KES"); empty stays empty. */
export function normaliseCurrency(text: string): string {
  return text.trim().toUpperCase();
}

/** A `datetime-local` value ("2025-01-02T10:00") for a moment, in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as an ISO instant, or null when it is not a date and time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** A sensible first suggestion for a follow-up: tomorrow at 10:00, local time. */
export function suggestedFollowUp(now: number): string {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(10, 0, 0, 0);
  return toLocalInput(d.getTime());
}

/** When the owner will be reminded: "Reminder to Amina Odhiambo Tue 10:00 (in 18 h)", or that it was sent. */
export function reminderText(followUp: Recovery['steps']['followUp'], owner: string | null, now: number): string | null {
  if (!followUp.scheduledFor || followUp.done) return null;
  const when = formatClock(followUp.scheduledFor, now);
  if (followUp.reminded) return `Reminder sent ${when}`;
  const wait = Date.parse(followUp.scheduledFor) - now;
  const who = owner ? ` to ${owner}` : '';
  return `Reminder${who} ${when}${wait > 0 ? ` (in ${formatDuration(wait)})` : ''}`;
}

/**
 * Where an API error belongs in a form: the field it names (`details.field`, or the last part of the first
 * validation issue's path) and its message, starting with a capital.
 */
export function errorPlacement(error: { message: string; details?: unknown }): { field: string | null; message: string } {
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as {
    field?: unknown;
    issues?: unknown;
  };
  let field = typeof details.field === 'string' ? details.field : null;
  let message = error.message;
  const issue = Array.isArray(details.issues) ? (details.issues[0] as { path?: unknown; message?: unknown }) : null;
  if (issue && typeof issue.path === 'string') {
    field = issue.path.split('.').pop() || null;
    if (typeof issue.message === 'string') message = issue.message;
  }
  return { field, message: message.charAt(0).toUpperCase() + message.slice(1) };
}
