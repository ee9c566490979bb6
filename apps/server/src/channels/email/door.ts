import type { ChannelDoor } from '../channel.ts';

/**
 * The email channel's door. Inbound, the SMTP receiver (smtpReceiver.ts → inboundEmail.ts) stores each email through
 * `appendCustomerEmail` of modules/conversations. Outbound, every agent reply by email is stored with its own durable job, written in
 * the same transaction (modules/conversations/appendEntries.ts), and that job sends it (emailReplyJob.ts): so
 * `send`, called after commit, has nothing left to do, and a crash between commit and listener loses nothing.
 */
export const emailDoor: ChannelDoor = {
  channels: ['email'],
  async send() {},
};
