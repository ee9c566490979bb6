import type { Logger } from 'pino';
import type { EventOf, EventType, WarmlineEvent } from './events.ts';

/**
 * A reaction to committed events, named for what it does (`routeWaitingCustomer`, `watchMood`). It receives
 * every event of its type that one commit announced, together, so it can act on a batch in one statement.
 */
export interface Listener<K extends EventType = EventType, S = unknown> {
  name: string;
  on: K;
  handle(services: S, events: Array<EventOf<K>>): Promise<void>;
}

/** Defines a listener with its event type checked. */
export function listener<K extends EventType, S>(
  name: string,
  on: K,
  handle: (services: S, events: Array<EventOf<K>>) => Promise<void>,
): Listener<K, S> {
  return { name, on, handle };
}

/** The listeners of one running node, by event type; `S` is what they are handed (the node's services). */
export class Listeners<S> {
  private readonly byType = new Map<EventType, Array<Listener<EventType, S>>>();

  constructor(listeners: Array<Listener<EventType, S>> = []) {
    for (const l of listeners) this.add(l);
  }

  add(l: Listener<EventType, S>): void {
    this.byType.set(l.on, [...(this.byType.get(l.on) ?? []), l]);
  }

  /** Names of the listeners of `type`, in the order they run (tests check who reacts to what). */
  of(type: EventType): string[] {
    return (this.byType.get(type) ?? []).map((l) => l.name);
  }

  /**
   * Runs every listener of these committed events. A listener that fails is logged, never undoes or fails the
   * change: what must not be lost is also a durable job written with the change.
   */
  async dispatch(services: S, events: WarmlineEvent[], log: Logger): Promise<void> {
    const groups = new Map<EventType, WarmlineEvent[]>();
    for (const e of events) {
      if (!this.byType.has(e.type)) continue;
      const group = groups.get(e.type);
      if (group) group.push(e);
      else groups.set(e.type, [e]);
    }
    for (const [type, group] of groups) {
      for (const l of this.byType.get(type)!) {
        try {
          await l.handle(services, group as never);
        } catch (err) {
          log.error({ err, listener: l.name, event: type }, 'listener failed');
        }
      }
    }
  }
}
