import type { Channel } from '@warmline/shared';

/** How a channel reads in a list: "Chat", "In store". */
export const channelLabels: Record<Channel, string> = {
  chat: 'Chat',
  email: 'Email',
  phone: 'Phone',
  sms: 'SMS',
  in_person: 'In store',
  api: 'API',
};
