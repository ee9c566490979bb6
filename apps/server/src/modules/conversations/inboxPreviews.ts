import { afterCommit, type Services } from '../../core/context.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { conversationBatches } from './repository/conversationBatches.ts';
import { viewsOf } from './views.ts';

/** How long inbox rows moved only by messages wait to be announced together. */
const PREVIEW_WINDOW_MS = 50;

interface Pending {
  keys: Map<string, { workspaceId: string; id: string }>;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void>;
}

const pending = new WeakMap<Services, Pending>();

/**
 * Inbox rows that messages moved without changing their conversation (preview, seq, mood): read and announced
 * a moment after the messages themselves, once per conversation however many arrived, so neither the message's
 * transaction nor its acknowledgement waits for the inbox. Customers are not told: nothing they see changed.
 */
export function previewsMoved(services: Services, keys: Array<{ workspaceId: string; id: string }>): void {
  if (!keys.length) return;
  let p = pending.get(services);
  if (!p) {
    p = { keys: new Map(), timer: null, flushing: Promise.resolve() };
    pending.set(services, p);
  }
  for (const k of keys) p.keys.set(k.id, k);
  const state = p;
  state.timer ??= setTimeout(() => {
    state.timer = null;
    state.flushing = state.flushing.then(() => flush(services, state));
  }, PREVIEW_WINDOW_MS);
}

/** Announces every moved row now (a graceful shutdown waits for it). */
export async function flushPreviews(services: Services): Promise<void> {
  const p = pending.get(services);
  if (!p) return;
  if (p.timer) {
    clearTimeout(p.timer);
    p.timer = null;
    p.flushing = p.flushing.then(() => flush(services, p));
  }
  await p.flushing;
}

async function flush(services: Services, p: Pending): Promise<void> {
  const keys = [...p.keys.values()];
  p.keys.clear();
  if (!keys.length) return;
  try {
    const records = await conversationBatches.records(services.db, keys);
    const views = await viewsOf(services.db, records);
    const events: WarmlineEvent[] = records.map((record, i) => ({
      type: 'conversation.changed',
      workspaceId: record.workspaceId,
      customerId: record.customerId,
      conversation: views[i]!,
      previewOnly: true,
    }));
    await afterCommit(services, events);
  } catch (err) {
    // The rows are stored; an agent whose inbox missed a preview reads it on the next change or reload.
    services.log.warn({ err }, 'inbox previews could not be announced');
  }
}
