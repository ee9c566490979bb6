import { fileSizeInWords, isInlineImage } from '@warmline/shared/attachmentLimits';
import type { Attachment } from '@warmline/shared/types';
import type { ChatFiles } from '../files.ts';
import type { TimelineItem } from '../timeline.ts';
import { avatar } from './avatar.ts';
import { h } from './dom.ts';
import { icon } from './icons.ts';

type Message = Extract<TimelineItem, { kind: 'message' }>;

/**
 * A message's files: images as thumbnails (opened full size in a new tab), other files as a link with name and
 * size that saves them. Both are fetched with the visitor's token into local addresses (ChatFiles.url).
 */
function filesOf(attachments: readonly Attachment[], files: ChatFiles): HTMLElement {
  return h(
    'div',
    { class: 'files' },
    ...attachments.map((a) => {
      const open = (save: boolean) =>
        void files.url(a).then((url) => {
          const link = h('a', { href: url, target: '_blank', rel: 'noopener', ...(save ? { download: a.name } : {}) });
          link.click();
        });
      if (isInlineImage(a.type)) {
        const img = h('img', { alt: a.name, 'data-testid': 'wl-image' });
        void files.url(a).then((url) => {
          img.src = url;
        });
        return h(
          'button',
          { class: 'thumb', type: 'button', title: a.name, 'aria-label': `Open ${a.name}`, onclick: () => open(false) },
          img,
        );
      }
      return h(
        'button',
        {
          class: 'file',
          type: 'button',
          'data-testid': 'wl-file',
          'aria-label': `Download ${a.name}`,
          onclick: () => open(true),
        },
        icon('file'),
        h('b', { text: a.name }),
        h('span', { text: fileSizeInWords(a.size) }),
      );
    }),
  );
}

/** The message list: rows keyed so an acked message updates its "sending…" bubble in place and nothing flickers. */
export function createMessages(base: string, onRetry: (clientId: string) => void, files: ChatFiles) {
  const el = h('div', { class: 'rows' });
  const rows = new Map<string, { sig: string; node: HTMLElement }>();

  function row(item: TimelineItem, first: boolean): HTMLElement {
    if (item.kind === 'event')
      return h('div', { class: 'event', role: 'note', 'data-testid': 'wl-system-line', text: item.text });
    const m: Message = item;
    const bubble = h('div', {
      class: 'bubble',
      'data-testid': 'wl-message',
      'data-direction': m.direction,
      'data-seq': m.seq ?? false,
      'data-state': m.state,
      title: new Date(m.at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }),
      text: m.body,
    });
    const stack = h('div', { class: 'stack' });
    if (m.direction === 'out' && first && m.author?.name) stack.append(h('span', { class: 'author', text: m.author.name }));
    // A message of files alone keeps its (empty) bubble for its seq and state, out of sight.
    bubble.hidden = !m.body.trim();
    stack.append(bubble);
    if (m.attachments.length) stack.append(filesOf(m.attachments, files));
    if (m.state === 'sending') stack.append(h('span', { class: 'meta', text: 'Sending…' }));
    else if (m.state === 'failed')
      stack.append(
        h(
          'span',
          { class: 'meta', role: 'alert' },
          `Not sent: ${m.error ?? 'please try again.'}`,
          h('button', {
            class: 'link',
            type: 'button',
            'data-testid': 'wl-retry',
            text: 'Retry',
            onclick: () => m.clientId && onRetry(m.clientId),
          }),
        ),
      );
    else if (m.seen) stack.append(h('span', { class: 'meta', text: 'Seen' }));
    const out = m.direction === 'out';
    const face = out ? (first && m.author ? avatar(m.author, 28, base) : h('span', { class: 'spacer' })) : null;
    return h('div', { class: `row ${m.direction} ${m.state}${first ? ' gap' : ''}` }, face, stack);
  }

  /** Render the rows; returns true when a row was added (so the list can scroll to it). */
  function update(items: readonly TimelineItem[]): boolean {
    let added = false;
    const keep = new Set<string>();
    let prev: TimelineItem | null = null;
    let cursor: ChildNode | null = el.firstChild;
    for (const item of items) {
      // A new speaker starts a group: name and face once per group, not on every bubble.
      const first =
        item.kind === 'message' &&
        (prev?.kind !== 'message' || prev.direction !== item.direction || prev.author?.name !== item.author?.name);
      const sig =
        item.kind === 'event'
          ? item.text
          : `${item.seq}|${item.state}|${item.seen}|${first}|${item.error}|${item.body}|${item.author?.avatarUrl}|${item.attachments.map((a) => a.id)}`;
      keep.add(item.key);
      let r = rows.get(item.key);
      if (!r || r.sig !== sig) {
        const node = row(item, first);
        if (r) {
          if (cursor === r.node) cursor = node;
          r.node.replaceWith(node);
        } else added = true;
        r = { sig, node };
        rows.set(item.key, r);
      }
      if (r.node !== cursor) el.insertBefore(r.node, cursor);
      else cursor = cursor.nextSibling;
      prev = item;
    }
    for (const [key, r] of rows)
      if (!keep.has(key)) {
        r.node.remove();
        rows.delete(key);
      }
    return added;
  }

  return { el, update };
}
