import { useQuery } from '@tanstack/react-query';
import { ALL_TEAMS_WALL } from '@warmline/shared/delightRule';
import type { DelightMoment, DelightWall } from '@warmline/shared/types';
import { useEffect, useState } from 'react';
import { delightApi } from '../api/endpoints.ts';
import { queryClient } from '../api/queryClient.ts';
import { Avatar } from '../components/Avatar.tsx';
import { CopyField } from '../components/CopyField.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Link, navigate, paths } from '../router.tsx';
import { ratingLine, wallDate } from '../state/delight.ts';

const wallKey = (teamId: string) => ['delight', 'wall', teamId] as const;

/** One kept moment: the customer's words, their first name, who helped, and when. */
function MomentCard({ moment }: { moment: DelightMoment }) {
  return (
    <li className="moment-card" data-testid="moment-card">
      {moment.words ? (
        <blockquote className="moment-words">{moment.words}</blockquote>
      ) : (
        <p className="moment-rating">{ratingLine(moment)}</p>
      )}
      <div className="moment-meta">
        <span className="moment-customer">— {moment.customerFirstName ?? 'A customer'}</span>
        <span className="moment-helper">
          {moment.agent ? (
            <>
              <Avatar name={moment.agent.name} url={moment.agent.avatarUrl} size={22} />
              <span>{moment.agent.name}</span>
            </>
          ) : null}
          <time dateTime={moment.createdAt}>{wallDate(moment.createdAt)}</time>
        </span>
      </div>
    </li>
  );
}

/** A suggestion waiting for a yes: keep it for the wall, or let it go. */
function Suggestion({ moment }: { moment: DelightMoment }) {
  const [busy, setBusy] = useState(false);
  const decide = async (status: 'kept' | 'dismissed') => {
    setBusy(true);
    try {
      await delightApi.decide(moment.id, status);
      await queryClient.invalidateQueries({ queryKey: ['delight'] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="moment-suggestion" data-testid="moment-suggestion">
      <p className="moment-suggestion-words">{moment.words ? <q>{moment.words}</q> : ratingLine(moment)}</p>
      <p className="moment-suggestion-meta">
        {moment.customerFirstName ?? 'A customer'}
        {moment.agent ? `, helped by ${moment.agent.name}` : ''} ·{' '}
        <Link to={paths.conversation(moment.conversationId)}>Open the conversation</Link>
      </p>
      <div className="moment-suggestion-actions">
        <button
          type="button"
          className="btn btn-small btn-calm"
          disabled={busy}
          onClick={() => decide('kept')}
          data-testid="moment-keep"
        >
          Keep it
        </button>
        <button type="button" className="btn btn-small btn-quiet" disabled={busy} onClick={() => decide('dismissed')}>
          Not this one
        </button>
      </div>
    </li>
  );
}

/** Supervisors and admins share a wall by a public, read-only link, and stop sharing it. */
function SharePanel({ wall }: { wall: DelightWall }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const change = async (share: boolean) => {
    setBusy(true);
    setFailed(false);
    try {
      if (share) await delightApi.share(wall.team.id);
      else await delightApi.stopSharing(wall.team.id);
      await queryClient.invalidateQueries({ queryKey: wallKey(wall.team.id) });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card wall-share" aria-label="Share this wall" data-testid="wall-share">
      {wall.share ? (
        <>
          <h2 className="card-title">Shared by a link</h2>
          <p className="hint">
            Anyone with this link sees the kept moments: the customers' words and first names, nothing else.
            {wall.share.createdBy ? ` Shared by ${wall.share.createdBy}.` : ''}
          </p>
          <CopyField value={wall.share.url} label="The wall's link" testId="wall-share-url" copyTestId="wall-share-copy" />
          <div className="wall-share-actions">
            <a href={wall.share.url} target="_blank" rel="noopener noreferrer">
              Open the shared wall
            </a>
            <button
              type="button"
              className="btn btn-quiet btn-small"
              disabled={busy}
              onClick={() => change(false)}
              data-testid="wall-share-stop"
            >
              Stop sharing
            </button>
          </div>
        </>
      ) : (
        <>
          <h2 className="card-title">Share the wall</h2>
          <p className="hint">
            A read-only page for the team's screen or a thank-you note: first names only. You can stop it any time.
          </p>
          <button
            type="button"
            className="btn btn-calm"
            disabled={busy}
            onClick={() => change(true)}
            data-testid="wall-share-start"
          >
            Make a link
          </button>
        </>
      )}
      {failed ? (
        <p className="delight-error" role="alert">
          That did not work. Try again in a moment.
        </p>
      ) : null}
    </section>
  );
}

/** The delight wall of a team: what customers told us, in their own words; a team picker above it. */
export function DelightPage({ teamId }: { teamId: string | null }) {
  const walls = useQuery({ queryKey: ['delight', 'walls'], queryFn: delightApi.walls, staleTime: 0 });
  const list = walls.data?.walls ?? [];
  const chosen = teamId ?? list[0]?.team.id ?? null;
  useEffect(() => {
    if (!teamId && chosen) navigate(paths.delight(chosen), { replace: true });
  }, [teamId, chosen]);
  const wall = useQuery({
    queryKey: wallKey(chosen ?? ''),
    queryFn: () => delightApi.wall(chosen!),
    enabled: Boolean(chosen),
    staleTime: 0,
  });
  const data = wall.data?.wall;

  return (
    <div className="page delight-page" data-testid="delight-page">
      <header className="page-header">
        <h1>Delight wall</h1>
        <p className="page-subtitle">What customers told us, in their own words. Mark a moment with ✨ on any message.</p>
      </header>
      {walls.isError ? (
        <EmptyState title="The walls could not be read">Check your connection and try again in a moment.</EmptyState>
      ) : (
        <>
          {list.length > 1 ? (
            <nav className="wall-picker" aria-label="Teams">
              {list.map((w) => (
                <Link
                  key={w.team.id}
                  to={paths.delight(w.team.id)}
                  className={`wall-tab${w.team.id === chosen ? ' is-current' : ''}`}
                  aria-current={w.team.id === chosen ? 'page' : undefined}
                  data-testid="wall-tab"
                >
                  {w.team.name}
                  {w.kept ? <span className="wall-tab-count">{w.kept}</span> : null}
                </Link>
              ))}
            </nav>
          ) : null}
          {wall.isError ? (
            <EmptyState title="This wall could not be opened">It may belong to a team you are not part of.</EmptyState>
          ) : data ? (
            <div className="wall-layout">
              <section
                className="wall-main"
                aria-label={data.team.id === ALL_TEAMS_WALL ? 'The wall of all teams' : `${data.team.name}'s wall`}
              >
                {data.moments.length ? (
                  <ol className="moment-grid" data-testid="moment-grid">
                    {data.moments.map((m) => (
                      <MomentCard key={m.id} moment={m} />
                    ))}
                  </ol>
                ) : (
                  <EmptyState
                    title={
                      data.team.id === ALL_TEAMS_WALL
                        ? 'The wall is waiting for its first moment'
                        : `${data.team.name}'s wall is waiting for its first moment`
                    }
                  >
                    When a customer says something lovely, mark it with ✨ Moment of delight in the conversation.
                  </EmptyState>
                )}
              </section>
              {data.suggested.length || data.canShare ? (
                <aside className="wall-side">
                  {data.suggested.length ? (
                    <section className="card" aria-label="Suggested moments">
                      <h2 className="card-title">Waiting for a yes</h2>
                      <p className="hint">Warm words and survey answers that may belong on the wall.</p>
                      <ul className="moment-suggestions">
                        {data.suggested.map((m) => (
                          <Suggestion key={m.id} moment={m} />
                        ))}
                      </ul>
                    </section>
                  ) : null}
                  {data.canShare ? <SharePanel wall={data} /> : null}
                </aside>
              ) : null}
            </div>
          ) : (
            <p className="page-loading">Opening the wall…</p>
          )}
        </>
      )}
    </div>
  );
}
