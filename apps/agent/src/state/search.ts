import type { SearchResponse } from '@warmline/shared';

/** How long typing must pause before a search goes out: instant to a person, gentle on the server. */
export const SEARCH_DEBOUNCE_MS = 120;

/** What is worth searching for in what was typed, or null when nothing is yet (empty, one letter). */
export function searchTerm(input: string): string | null {
  const term = input.trim().replace(/\s+/g, ' ');
  return term.length >= 2 ? term.slice(0, 200) : null;
}

/**
 * Keeps only the newest of overlapping requests: starting one aborts the one before, and an answer
 * to anything but the newest is stale and must be dropped (a slow answer for "ca" must never
 * replace the answer for "cake").
 */
export class LatestRequest {
  private id = 0;
  private controller: AbortController | null = null;

  /** Starts a request, cancelling the previous one. */
  start(): { id: number; signal: AbortSignal } {
    this.controller?.abort();
    this.controller = new AbortController();
    this.id += 1;
    return { id: this.id, signal: this.controller.signal };
  }

  /** True while `id` is the newest request and has not been cancelled. */
  isLatest(id: number): boolean {
    return id === this.id && this.controller !== null && !this.controller.signal.aborted;
  }

  /** Cancels whatever is in flight; its answer, if it still comes, is stale. */
  cancel(): void {
    this.controller?.abort();
    this.controller = null;
    this.id += 1;
  }
}

/** One result the keyboard can land on, in the order shown: people first, then conversations. */
export type SearchOption = { kind: 'customer'; id: string } | { kind: 'conversation'; id: string };

export function searchOptions(results: SearchResponse | null): SearchOption[] {
  if (!results) return [];
  return [
    ...results.customers.map((c) => ({ kind: 'customer' as const, id: c.id })),
    ...results.conversations.map((h) => ({ kind: 'conversation' as const, id: h.conversationId })),
  ];
}

/** Moves the highlighted result up or down, wrapping around; -1 when there is nothing to highlight. */
export function moveActive(active: number, delta: number, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return delta > 0 ? 0 : count - 1;
  return (((active + delta) % count) + count) % count;
}
