import { readLink, signLink } from '../store/index.ts';

const PURPOSE = 'delight-wall';

/** The secret part of a wall's public link: the share's id signed with the instance's secret (nothing secret stored). */
export function shareLinkOf(secretKey: string, shareId: string): string {
  return signLink(secretKey, PURPOSE, shareId);
}

/** The share a link names, or null for one that is malformed, altered or not ours (revocation is the table's to say). */
export function shareOfLink(secretKey: string, token: string): string | null {
  if (token.length > 200) return null;
  const read = readLink(secretKey, PURPOSE, token, new Date(0));
  return read && read !== 'expired' ? read.id : null;
}
