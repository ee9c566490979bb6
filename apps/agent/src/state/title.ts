/**
 * The tab title: waiting customers plus conversations with unread customer messages,
 * each conversation counted once, so a glance at the tab bar tells a busy agent someone needs them.
 */
export function tabTitle(waitingCount: number, unreadIds: Iterable<string>, waitingIds: ReadonlySet<string>): string {
  let unread = 0;
  for (const id of unreadIds) if (!waitingIds.has(id)) unread++;
  const n = waitingCount + unread;
  return n > 0 ? `(${n}) Warmline` : 'Warmline';
}
