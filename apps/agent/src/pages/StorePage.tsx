import type { Location } from '@warmline/shared/types';
import { useCallback, useEffect, useState } from 'react';
import { EmptyState } from '../components/EmptyState.tsx';
import { AppointmentsToday } from '../components/store/AppointmentsToday.tsx';
import { CounterCard } from '../components/store/CounterCard.tsx';
import { WalkInLine } from '../components/store/WalkInLine.tsx';
import { useNow } from '../hooks/useNow.ts';
import { navigate, paths } from '../router.tsx';
import { callNext, useStoreQueue } from '../state/counterActions.ts';
import { useLocations } from '../state/locations.ts';
import { useStore } from '../state/store.ts';
import { chooseLocation, counterView, isTyping, walkInTimeToHumanText } from '../state/walkInLine.ts';
import '../styles/store.css';

const REMEMBERED = 'warmline.store.location';

function remembered(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

/** The staff view of a store's counter: the live walk-in line, "Call next", and the person at this counter. */
export function StorePage({ locationId }: { locationId: string | null }) {
  const { locations, ready } = useLocations();
  const location = chooseLocation(locations, locationId, remembered());
  useEffect(() => {
    if (!location) return;
    try {
      localStorage.setItem(REMEMBERED, location.id);
    } catch {
      // A private window keeps no memory; the first location opens next time.
    }
  }, [location]);

  if (!ready) return <p className="page-loading">Opening…</p>;
  if (!location) {
    return (
      <EmptyState title="No store here yet">
        <p>An admin opens a location and names its staff in Settings › Locations.</p>
      </EmptyState>
    );
  }
  return <Counter key={location.id} location={location} locations={locations} />;
}

function Counter({ location: listed, locations }: { location: Location; locations: readonly Location[] }) {
  const me = useStore((s) => s.session?.agent.id ?? '');
  const queue = useStoreQueue(listed.id);
  const now = useNow(15_000);
  const [calling, setCalling] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const location = queue.data?.location ?? listed;
  const view = counterView(queue.data?.tickets ?? [], me);
  const blocked = calling || view.mine !== null;

  const press = useCallback(async () => {
    setCalling(true);
    setSaid(null);
    try {
      await callNext(listed.id);
    } catch (e) {
      setSaid((e as Error).message);
    } finally {
      setCalling(false);
    }
  }, [listed.id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'n' || event.repeat || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTyping(event.target) || blocked) return;
      event.preventDefault();
      void press();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blocked, press]);

  return (
    <div className="page store-page" data-testid="store-page" data-location={location.slug}>
      <header className="store-header">
        <div className="store-title">
          <h1>{location.name}</h1>
          {locations.length > 1 ? (
            <select
              className="store-picker"
              aria-label="Location"
              data-testid="store-picker"
              value={location.id}
              onChange={(e) => navigate(paths.store(e.target.value))}
            >
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          ) : null}
        </div>
        <p className="store-tth" data-testid="store-tth">
          {queue.data ? walkInTimeToHumanText(queue.data.timeToHumanSeconds) : ' '}
        </p>
      </header>

      {queue.isError ? (
        <p className="form-error" role="alert">
          The line could not be read.{' '}
          <button type="button" className="link-button" onClick={() => void queue.refetch()}>
            Try again
          </button>
        </p>
      ) : null}

      <div className="store-grid">
        <div className="store-counter">
          {view.mine ? (
            <CounterCard key={`${view.mine.id}-${view.mine.servedBy?.id}`} ticket={view.mine} location={location} me={me} />
          ) : (
            <section className="card counter-idle" aria-label="Your counter">
              <p className="counter-eyebrow">Your counter is free</p>
              <p className="hint">
                {view.line.length > 0 ? `${view.line[0]!.name} is next.` : 'Nobody is waiting.'} Press Call next
                <span className="keyboard-only">, or N</span>.
              </p>
            </section>
          )}
          <button
            type="button"
            className={view.mine ? 'btn call-next is-waiting-on-me' : 'btn btn-primary call-next'}
            data-testid="call-next"
            disabled={blocked}
            title={view.mine ? `Finish with ${view.mine.name} first` : 'Call the next person (N)'}
            aria-keyshortcuts="N"
            onClick={() => void press()}
          >
            {calling ? 'Calling…' : 'Call next'}
            <kbd className="keyboard-only">N</kbd>
          </button>
          {view.mine ? <p className="call-next-said">Call the next person when {view.mine.name} is done.</p> : null}
          {said ? (
            <p className="call-next-said" role="status" data-testid="call-next-said">
              {said}
            </p>
          ) : null}
        </div>
        <div className="store-side">
          <WalkInLine line={view.line} withColleagues={view.withColleagues} now={now} />
          <AppointmentsToday
            appointments={queue.data?.appointments ?? []}
            locationId={location.id}
            me={me}
            busy={view.mine !== null}
          />
        </div>
      </div>
    </div>
  );
}
