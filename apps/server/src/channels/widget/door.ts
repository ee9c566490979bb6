import type { ChannelDoor } from '../channel.ts';

/**
 * The chat widget's door. Inbound: routes.ts (REST) and the socket gateway (channels/agentSocket) call
 * `appendMessage`. Outbound: the realtime fan-out (modules/realtime/recipients.ts) already delivers every entry the
 * customer may see to their sockets, and a reconnecting widget resumes from the database, so `send` has no work.
 */
export const widgetDoor: ChannelDoor = {
  channels: ['chat'],
  async send() {},
};
