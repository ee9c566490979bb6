import type { Channel, Entry } from '@warmline/shared';
import type { Services } from '../core/context.ts';
import { type Listener, listener } from '../core/listeners.ts';

/**
 * One door per channel. Inbound, a channel turns what arrives (a widget frame, an email, a call, a kiosk check-in)
 * into `appendMessage` / `appendEntries` of modules/conversations — the one storage path. Outbound, a stored entry
 * for the customer is handed to the door of its conversation's channel by `deliverToCustomer` below.
 */
export interface ChannelDoor {
  /** The conversation channels this door carries. */
  channels: readonly Channel[];
  /** Delivers an agent's message to the customer (committed before this runs; a failure is the door's to retry). */
  send(services: Services, delivery: { workspaceId: string; customerId: string; entry: Entry }): Promise<void>;
}

/**
 * Outbound: every agent message, once stored, goes to the door of the channel it was written on. Chat's door has
 * nothing to do here — the realtime fan-out already carries the entry to the customer's socket — while email and
 * voice doors send through their own protocols.
 */
export function deliverToCustomer(doors: ChannelDoor[]): Listener<'entry.appended', Services> {
  const byChannel = new Map(doors.flatMap((door) => door.channels.map((c) => [c, door] as const)));
  return listener('deliverToCustomer', 'entry.appended', async (services: Services, events) => {
    for (const { workspaceId, customerId, entry } of events) {
      if (entry.kind !== 'message' || entry.direction !== 'out' || !entry.channel) continue;
      const door = byChannel.get(entry.channel);
      if (!door) {
        services.log.warn({ channel: entry.channel, entryId: entry.id }, 'no channel door for this message');
        continue;
      }
      await door.send(services, { workspaceId, customerId, entry });
    }
  });
}
