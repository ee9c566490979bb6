import type { TimelineItem } from '@warmline/shared';
import { appendPage } from './paging.ts';

/**
 * What makes a timeline item itself: the API gives items no id, and the same instant can hold a
 * message and the event it caused, so kind, conversation and text all count.
 */
export function timelineKey(item: TimelineItem): string {
  return [item.kind, item.at, item.conversationId ?? '', item.type ?? '', item.direction ?? '', item.text].join('\u0001');
}

/** The story after "Load older": newer items stay on top, nothing is shown twice. */
export function appendOlder(held: readonly TimelineItem[], page: readonly TimelineItem[]): readonly TimelineItem[] {
  const merged = appendPage(held, page, timelineKey);
  if (merged === held) return held;
  // Stable: items of the same instant keep the server's order.
  return [...merged].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export interface TimelineDay {
  /** YYYY-MM-DD in the agent's time zone. */
  key: string;
  label: string;
  items: TimelineItem[];
}

const DAY_MS = 86_400_000;

function localDayKey(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** "Today", "Yesterday", "Mon 3 Feb" this year, "3 Feb 2024" before. */
export function dayLabel(iso: string, now: number): string {
  const date = new Date(iso);
  const key = localDayKey(date);
  if (key === localDayKey(new Date(now))) return 'Today';
  if (key === localDayKey(new Date(now - DAY_MS))) return 'Yesterday';
  if (date.getFullYear() === new Date(now).getFullYear()) {
    return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  }
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** Groups a newest-first timeline under one heading per day. */
export function groupByDay(items: readonly TimelineItem[], now: number): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (const item of items) {
    const key = localDayKey(new Date(item.at));
    const last = days[days.length - 1];
    if (last && last.key === key) last.items.push(item);
    else days.push({ key, label: dayLabel(item.at, now), items: [item] });
  }
  return days;
}
