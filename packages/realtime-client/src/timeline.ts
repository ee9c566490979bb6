import type { Entry } from '@warmline/shared/types';
import { completeUpTo, lastSeqOf, mergeEntries } from './merge.ts';

/**
 * Every entry a visitor holds, by conversation, one per seq. Adding a seq already held is a no-op, which is what
 * makes display exactly-once when the same entry arrives as `ack`, `entry`, resume catch-up or history.
 */
export class Timeline {
  private readonly convs = new Map<string, readonly Entry[]>();
  /** Per conversation, the seq up to which nothing visible can be missing: where `resume` must start. */
  private readonly complete = new Map<string, number>();

  /** Add an entry; false when that seq was already held (or the entry is not for visitors). */
  add(entry: Entry): boolean {
    // Internal notes never reach a visitor; if one ever did, it must not be shown.
    if (entry.kind === 'note') return false;
    const held = this.convs.get(entry.conversationId) ?? [];
    const merged = mergeEntries(held, [entry]);
    if (merged === held) return false;
    this.convs.set(entry.conversationId, merged);
    this.settle(entry.conversationId, 0);
    return true;
  }

  /**
   * A database-backed read (history, or a resume's catch-up) proved nothing visible up to `seq` is missing.
   * Live entries only extend this one consecutive seq at a time (see {@link completeUpTo}).
   */
  settle(conversationId: string, seq: number): void {
    const from = Math.max(seq, this.complete.get(conversationId) ?? 0);
    this.complete.set(conversationId, completeUpTo(this.convs.get(conversationId) ?? [], from));
  }

  /** Add many; returns the entries that were new. */
  addAll(entries: readonly Entry[]): Entry[] {
    return entries.filter((e) => this.add(e));
  }

  /** True when this seq of this conversation is held. */
  has(conversationId: string, seq: number): boolean {
    return this.convs.get(conversationId)?.some((e) => e.seq === seq) ?? false;
  }

  /** Highest seq held, 0 when none (read and seen positions; `resume` starts from `resumeCursors`). */
  lastSeq(conversationId: string): number {
    return lastSeqOf(this.convs.get(conversationId) ?? []);
  }

  /** Highest seq held for every conversation held, plus any extra ids (a conversation known but still empty). */
  cursors(extra: readonly string[] = []): Record<string, number> {
    const out: Record<string, number> = {};
    for (const id of [...this.convs.keys(), ...extra]) out[id] = this.lastSeq(id);
    return out;
  }

  /**
   * Where `resume` starts, per conversation: complete-up-to, not the highest seq held. Internal notes share the
   * sequence, so for a visitor this stalls at a note until the next resume re-reads past it; held entries that
   * come again are ignored by `add`.
   */
  resumeCursors(extra: readonly string[] = []): Record<string, number> {
    const out: Record<string, number> = {};
    for (const id of [...this.convs.keys(), ...extra]) out[id] = this.complete.get(id) ?? 0;
    return out;
  }

  /** True when an entry made from this clientId is held (so a pending copy must not show twice). */
  hasClientId(clientId: string): boolean {
    for (const conv of this.convs.values()) if (conv.some((e) => e.clientId === clientId)) return true;
    return false;
  }

  /** All entries: conversations oldest first, each in seq order. */
  entries(): Entry[] {
    const groups = [...this.convs.values()].filter((c) => c.length > 0);
    groups.sort((a, b) => (a[0]!.createdAt < b[0]!.createdAt ? -1 : a[0]!.createdAt > b[0]!.createdAt ? 1 : 0));
    return groups.flat();
  }

  /** Forget everything (the visitor's identity was replaced). */
  clear(): void {
    this.convs.clear();
    this.complete.clear();
  }
}
