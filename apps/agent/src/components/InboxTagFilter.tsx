import { useMemo } from 'react';
import { setTagFilter } from '../state/inboxActions.ts';
import { useStore } from '../state/store.ts';
import { useTagsInUse } from '../state/tagActions.ts';
import { tagsOf } from '../state/tags.ts';

/**
 * "Tag: any · refund (4) · late-delivery (2)": the inbox shows only conversations carrying the chosen tag. Tags seen
 * on conversations since the list was read are offered too, so a tag just added can be filtered by at once.
 */
export function InboxTagFilter() {
  const tag = useStore((s) => s.tagFilter);
  const conversations = useStore((s) => s.conversations);
  const inUse = useTagsInUse();

  const options = useMemo(() => {
    const counted = new Map(inUse.map((t) => [t.tag, t.conversations]));
    const seen = new Set(Object.values(conversations).flatMap((c) => tagsOf(c)));
    if (tag) seen.add(tag);
    const fresh = [...seen].filter((t) => !counted.has(t)).sort();
    return [
      ...inUse.map((t) => ({ tag: t.tag, label: `${t.tag} (${t.conversations})` })),
      ...fresh.map((t) => ({ tag: t, label: t })),
    ];
  }, [inUse, conversations, tag]);

  if (options.length === 0) return null;
  return (
    <div className="tag-filter">
      <label className="tag-filter-label" htmlFor="inbox-tag-filter">
        Tag
      </label>
      <select
        id="inbox-tag-filter"
        className={`chip-select${tag ? ' is-on' : ''}`}
        data-testid="inbox-tag-filter"
        value={tag ?? ''}
        onChange={(e) => void setTagFilter(e.target.value || null)}
      >
        <option value="">Any tag</option>
        {options.map((o) => (
          <option key={o.tag} value={o.tag}>
            {o.label}
          </option>
        ))}
      </select>
      {tag ? (
        <button type="button" className="link-button" data-testid="inbox-tag-clear" onClick={() => void setTagFilter(null)}>
          Show all
        </button>
      ) : null}
    </div>
  );
}
