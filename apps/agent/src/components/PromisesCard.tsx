import type { Conversation } from '@warmline/shared';
import { Link, paths } from '../router.tsx';
import { customerName } from '../state/customerName.ts';
import { Avatar } from './Avatar.tsx';
import { CallbackChip } from './Badges.tsx';

/** Callbacks promised to customers and not yet kept, each with the person who owns the promise. */
export function PromisesCard({ promises, now }: { promises: readonly Conversation[] | undefined; now: number }) {
  return (
    <section className="card card-flush" aria-labelledby="promises-title" data-testid="promises">
      <h2 className="card-title" id="promises-title">
        Promised callbacks
      </h2>
      {promises && promises.length === 0 ? (
        <p className="hint card-pad" data-testid="promises-empty">
          No callbacks promised. When a customer books one, it shows here with the person who will call.
        </p>
      ) : null}
      {promises?.length ? (
        <ul className="promise-list">
          {promises.map((c) => (
            <li key={c.id} className="promise-row" data-testid="promise-row" data-conversation-id={c.id}>
              <span className="promise-owner" data-testid="promise-owner">
                <Avatar name={c.callback?.owner?.displayName ?? '?'} url={c.callback?.owner?.avatarUrl ?? null} size={24} />
                {c.callback?.owner?.displayName ?? <span className="hint">Nobody yet</span>}
              </span>
              <span className="promise-what">
                <Link to={paths.conversation(c.id)} className="queue-customer">
                  {customerName(c)}
                </Link>
                <CallbackChip conversation={c} now={now} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
