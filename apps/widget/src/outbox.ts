import { type KV, readJSON } from './storage.ts';

/** A message the visitor wrote that the server has not acknowledged yet. */
export interface OutboxItem {
  clientId: string;
  body: string;
  /** Epoch ms when it was written, for display order. */
  at: number;
}

function isItem(x: unknown): x is OutboxItem {
  const o = x as OutboxItem;
  return !!o && typeof o.clientId === 'string' && typeof o.body === 'string' && typeof o.at === 'number';
}

/**
 * Unacknowledged messages, persisted so a reload, a crash or a closed laptop never loses them.
 * Every mutation re-reads storage first: two tabs share one outbox and must not overwrite each other's items.
 */
export class Outbox {
  private cached: OutboxItem[] = [];

  constructor(
    private readonly kv: KV,
    private readonly key: string,
  ) {
    this.reload();
  }

  /** Re-read from storage (on start and when another tab changed it). */
  reload(): OutboxItem[] {
    const raw = readJSON<unknown>(this.kv, this.key, []);
    this.cached = Array.isArray(raw) ? raw.filter(isItem) : [];
    return this.cached;
  }

  /** Items in the order they were written. */
  items(): readonly OutboxItem[] {
    return this.cached;
  }

  /** Queue a message; a clientId already queued is kept once. */
  add(item: OutboxItem): void {
    const items = this.reload().filter((i) => i.clientId !== item.clientId);
    items.push(item);
    this.write(items);
  }

  /** Drop an item (acknowledged or rejected); true when it was there. */
  remove(clientId: string): boolean {
    const items = this.reload();
    const next = items.filter((i) => i.clientId !== clientId);
    if (next.length === items.length) return false;
    this.write(next);
    return true;
  }

  /** True when the clientId is still waiting for its ack. */
  has(clientId: string): boolean {
    return this.cached.some((i) => i.clientId === clientId);
  }

  private write(items: OutboxItem[]): void {
    this.cached = items;
    if (items.length) this.kv.set(this.key, JSON.stringify(items));
    else this.kv.remove(this.key);
  }
}
