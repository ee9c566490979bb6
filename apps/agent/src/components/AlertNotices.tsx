import { useNow } from '../hooks/useNow.ts';
import { Link, paths } from '../router.tsx';
import { hideAlertNotice } from '../state/alertActions.ts';
import { noticesToShow } from '../state/alertFeed.ts';
import { useStore } from '../state/store.ts';
import { AlertItem } from './AlertItem.tsx';

const MAX_SHOWN = 3;

/**
 * Alerts that arrived while I was working, in a quiet corner: the newest three, each until it is taken, opened
 * or put away. Not on the live queue, which lists them all already.
 */
export function AlertNotices({ onLiveQueue }: { onLiveQueue: boolean }) {
  const alerts = useStore((s) => s.alerts);
  const ids = useStore((s) => s.alertNotices);
  const supervisor = useStore((s) => s.session?.agent.role !== 'agent');
  const now = useNow(30_000);
  const { shown, more } = noticesToShow(alerts, ids, MAX_SHOWN);
  if (onLiveQueue) return null;

  return (
    <section className="alert-notices" aria-label="Alerts" aria-live="polite" data-testid="alert-notices">
      {shown.length > 0 ? (
        <ul className="alert-notice-list">
          {shown.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              now={now}
              onHide={() => hideAlertNotice(alert.id)}
              onOpen={() => hideAlertNotice(alert.id)}
            />
          ))}
        </ul>
      ) : null}
      {more > 0 ? (
        <p className="alert-more">
          {supervisor ? (
            <Link to={paths.supervisor}>
              {more} more {more === 1 ? 'alert' : 'alerts'} on the live queue
            </Link>
          ) : (
            `${more} more ${more === 1 ? 'reminder' : 'reminders'}`
          )}
        </p>
      ) : null}
    </section>
  );
}
