import { readLink, signLink } from './signedLink.ts';

const PURPOSE = 'walk-in-ticket';

/** The secret in the URL of a walk-in's "your turn" page: the same ticket always gets the same link. */
export function ticketToken(secretKey: string, walkInId: string): string {
  return signLink(secretKey, PURPOSE, walkInId);
}

/** The walk-in a ticket token stands for, or null for a token that is malformed or not ours. */
export function walkInOfToken(secretKey: string, token: string): string | null {
  const read = readLink(secretKey, PURPOSE, token, new Date(0));
  return read && read !== 'expired' ? read.id : null;
}
