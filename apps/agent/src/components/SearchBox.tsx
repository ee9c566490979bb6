import type { SearchResponse } from '@warmline/shared';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { searchApi } from '../api/customers.ts';
import { navigate, paths } from '../router.tsx';
import { channelLabels } from '../state/channels.ts';
import { contactLine, personName } from '../state/customerName.ts';
import { LatestRequest, moveActive, SEARCH_DEBOUNCE_MS, type SearchOption, searchOptions, searchTerm } from '../state/search.ts';
import { formatClock } from '../state/time.ts';
import { Avatar } from './Avatar.tsx';
import { ChannelIcon } from './ChannelIcon.tsx';
import { SnippetText } from './SnippetText.tsx';
import { StatusPill } from './StatusPill.tsx';
import { VerifiedMark } from './VerifiedMark.tsx';

type Phase = 'idle' | 'searching' | 'done' | 'error';

/** True when a key press belongs to a field the agent is typing in, so "/" must not steal focus. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function pathOf(option: SearchOption): string {
  return option.kind === 'customer' ? paths.customer(option.id) : paths.conversation(option.id);
}

interface OptionProps {
  id: string;
  active: boolean;
  onHover: () => void;
  onPick: () => void;
  testId: string;
  children: ReactNode;
}

/** One result. The input keeps focus and owns the keyboard (arrows, Enter); the pointer can pick too. */
function SearchOptionItem({ id, active, onHover, onPick, testId, children }: OptionProps) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the search input handles the keys for every option
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={active}
      className={`search-option${active ? ' is-active' : ''}`}
      data-testid={testId}
      onMouseEnter={onHover}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
    >
      {children}
    </div>
  );
}

/** Search people and conversations from anywhere: "/" to focus, results as you type, Enter to open. */
export function SearchBox() {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [results, setResults] = useState<SearchResponse | null>(null);
  const [searched, setSearched] = useState('');
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const latest = useRef(new LatestRequest());
  /** Enter pressed before the answer came: open the first result as soon as it does. */
  const enterPending = useRef(false);
  const listId = useId();
  const options = searchOptions(results);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.metaKey || event.ctrlKey || event.altKey || typingInField(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  const go = (option: SearchOption | undefined) => {
    if (!option) return;
    setOpen(false);
    input.current?.blur();
    navigate(pathOf(option));
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only what was typed starts a search
  useEffect(() => {
    const term = searchTerm(text);
    const requests = latest.current;
    if (!term) {
      requests.cancel();
      setPhase('idle');
      setResults(null);
      setActive(-1);
      return;
    }
    setPhase('searching');
    const timer = setTimeout(() => {
      const { id, signal } = requests.start();
      searchApi.search(term, signal).then(
        (answer) => {
          if (!requests.isLatest(id)) return;
          setResults(answer);
          setSearched(term);
          setActive(searchOptions(answer).length > 0 ? 0 : -1);
          setPhase('done');
          if (enterPending.current) {
            enterPending.current = false;
            go(searchOptions(answer)[0]);
          }
        },
        () => {
          if (requests.isLatest(id)) setPhase('error');
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => () => latest.current.cancel(), []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => moveActive(a, event.key === 'ArrowDown' ? 1 : -1, options.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (phase === 'done') go(options[active] ?? options[0]);
      else if (phase === 'searching') enterPending.current = true;
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (text) setText('');
      else input.current?.blur();
      setOpen(false);
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  const showPanel = open && text.trim() !== '';
  // The sidebar scrolls, so the panel is placed on the page beside it rather than inside it.
  const anchor = showPanel ? input.current?.getBoundingClientRect() : undefined;
  const panelStyle = anchor ? { top: anchor.bottom + 6, left: anchor.left } : undefined;
  const people = results?.customers ?? [];
  const hits = results?.conversations ?? [];

  return (
    <div className="search" ref={box}>
      <div className="search-field">
        <svg className="search-glyph" width="15" height="15" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="11" cy="11" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M16 16l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-label="Search people and conversations"
          aria-expanded={showPanel}
          aria-controls={listId}
          aria-activedescendant={showPanel && active >= 0 ? optionId(active) : undefined}
          aria-autocomplete="list"
          data-testid="search-input"
          placeholder="Search"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            enterPending.current = false;
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        {text ? null : (
          <span className="search-key" aria-hidden="true">
            /
          </span>
        )}
      </div>
      {showPanel ? (
        <div className="search-panel" style={panelStyle} data-testid="search-results" data-phase={phase}>
          {phase === 'idle' ? (
            <p className="search-note">Keep typing: a name, an email, a phone number, or a few words they wrote.</p>
          ) : null}
          {phase === 'error' ? <p className="search-note">Search is not answering just now. Try again in a moment.</p> : null}
          {phase === 'searching' && !results ? <p className="search-note">Looking…</p> : null}
          {results && options.length === 0 && phase !== 'error' ? (
            <div className="search-note" data-testid="search-nothing">
              <strong>Nobody and nothing matches “{searched}”.</strong>
              <span>Try a first name, part of an email or phone number, or a word from the conversation.</span>
            </div>
          ) : null}
          <div
            id={listId}
            role="listbox"
            aria-label="Search results"
            className={`search-list${phase === 'searching' ? ' is-stale' : ''}`}
          >
            {people.length > 0 ? (
              <div role="presentation" className="search-group">
                People
              </div>
            ) : null}
            {people.map((c, i) => (
              <SearchOptionItem
                key={c.id}
                id={optionId(i)}
                active={active === i}
                onHover={() => setActive(i)}
                onPick={() => go({ kind: 'customer', id: c.id })}
                testId="search-person"
              >
                <Avatar name={personName(c)} size={28} />
                <span className="search-option-text">
                  <span className="search-option-title">{personName(c)}</span>
                  <span className="search-option-sub">
                    {contactLine(c) ?? 'No contact details'}
                    {c.verified ? (
                      <>
                        {' '}
                        · <VerifiedMark verified />
                      </>
                    ) : null}
                  </span>
                </span>
              </SearchOptionItem>
            ))}
            {hits.length > 0 ? (
              <div role="presentation" className="search-group">
                Conversations
              </div>
            ) : null}
            {hits.map((h, j) => {
              const i = people.length + j;
              return (
                <SearchOptionItem
                  key={h.conversationId}
                  id={optionId(i)}
                  active={active === i}
                  onHover={() => setActive(i)}
                  onPick={() => go({ kind: 'conversation', id: h.conversationId })}
                  testId="search-conversation"
                >
                  <span className="search-hit-icon">
                    <ChannelIcon channel={h.channel} decorative />
                  </span>
                  <span className="search-option-text">
                    <span className="search-hit-top">
                      <span className="search-option-title">{personName(h.customer)}</span>
                      <StatusPill status={h.status} />
                      <span className="search-hit-when">
                        {channelLabels[h.channel]} · {formatClock(h.at, Date.now())}
                      </span>
                    </span>
                    <span className="search-snippet" data-testid="search-snippet">
                      <SnippetText snippet={h.snippet} />
                    </span>
                  </span>
                </SearchOptionItem>
              );
            })}
          </div>
        </div>
      ) : null}
    </div>
  );
}
