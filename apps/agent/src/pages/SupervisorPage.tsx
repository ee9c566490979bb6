import { useMemo } from 'react';
import { AlertsCard } from '../components/AlertsCard.tsx';
import { Avatar } from '../components/Avatar.tsx';
import { CallbackChip } from '../components/Badges.tsx';
import { MoodWord } from '../components/MoodWord.tsx';
import { PromisesCard } from '../components/PromisesCard.tsx';
import { useNow } from '../hooks/useNow.ts';
import { Link, paths } from '../router.tsx';
import { customerName } from '../state/customerName.ts';
import { currentMood } from '../state/mood.ts';
import { useStore } from '../state/store.ts';
import {
  channelLoads,
  humanSeconds,
  liveWaitingSeconds,
  loadText,
  sortAgentsForOverview,
  tthByWayIn,
  tthCaption,
  waitingClock,
} from '../state/supervisor.ts';
import { useOverview } from '../state/supervisorActions.ts';

const PRESENCE_LABEL = { available: 'Available', busy: 'Busy', away: 'Away', offline: 'Offline' } as const;
const CHANNEL_LABEL = { chat: 'Chat', email: 'Email', phone: 'Phone' } as const;

/** Supervisors: who is waiting and for how long, who can take them, and how fast people reach a human today. */
export function SupervisorPage() {
  const allowed = useStore((s) => s.session?.agent.role !== 'agent');
  const { overview, state, reload } = useOverview(allowed);
  const now = useNow(1000);

  const agents = useMemo(() => (overview ? sortAgentsForOverview(overview.data.agents) : []), [overview]);

  if (!allowed || state === 'forbidden') {
    return (
      <div className="page">
        <p className="hint" data-testid="supervisor-forbidden">
          The live queue is for supervisors and admins.
        </p>
      </div>
    );
  }

  const data = overview?.data;
  const readAt = overview?.at ?? now;
  const tth = data?.timeToHuman.today;
  const available = agents.filter((a) => a.agent.presence === 'available').length;

  return (
    <div className="page supervisor">
      <header className="page-header page-header-row">
        <div>
          <h1>Live queue</h1>
          <p className="page-subtitle">Who is waiting, who can help, and how fast customers reach a person today.</p>
        </div>
        {state === 'error' ? (
          <p className="form-error" role="alert">
            The overview could not be read.{' '}
            <button type="button" className="link-button" onClick={reload}>
              Try again
            </button>
          </p>
        ) : null}
      </header>

      <section className="stats" aria-label="Today">
        <div className="stat">
          <span className="stat-label">Waiting now</span>
          <span className="stat-value" data-testid="queue-count">
            {data ? data.queue.length : '…'}
          </span>
          <span className="stat-caption">{data ? `${available} of ${agents.length} people available` : ' '}</span>
        </div>
        <div className="stat">
          <span className="stat-label">Median time to a person</span>
          <span className="stat-value" data-testid="tth-median">
            {tth ? humanSeconds(tth.medianSeconds) : '…'}
          </span>
          <span className="stat-caption">{tth ? tthCaption(tth.count) : ' '}</span>
          {tth && tthByWayIn(tth.byChannel) ? (
            <span className="stat-caption" data-testid="tth-by-way-in">
              {tthByWayIn(tth.byChannel)}
            </span>
          ) : null}
        </div>
        <div className="stat">
          <span className="stat-label">90th percentile</span>
          <span className="stat-value" data-testid="tth-p90">
            {tth ? humanSeconds(tth.p90Seconds) : '…'}
          </span>
          <span className="stat-caption">9 in 10 customers today waited less</span>
        </div>
      </section>

      <AlertsCard now={now} serviceRecovery={data?.serviceRecovery} />

      <div className="supervisor-grid">
        <section className="card card-flush" aria-labelledby="queue-title">
          <h2 className="card-title" id="queue-title">
            Waiting for a person
          </h2>
          {!data ? <p className="hint card-pad">Reading the queue…</p> : null}
          {data && data.queue.length === 0 ? (
            <p className="hint card-pad" data-testid="queue-empty">
              Nobody is waiting. Every customer has a person.
            </p>
          ) : null}
          {data && data.queue.length > 0 ? (
            <table className="grid-table" data-testid="queue-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">Customer</th>
                  <th scope="col" className="num">
                    Waiting
                  </th>
                  <th scope="col">Mood</th>
                  <th scope="col" className="num">
                    Priority
                  </th>
                  <th scope="col">Team</th>
                </tr>
              </thead>
              <tbody>
                {data.queue.map((row) => {
                  const c = row.conversation;
                  const waited = liveWaitingSeconds(row.waitingSeconds, readAt, now);
                  const mood = currentMood({ mood: c.mood, upset: row.mood === 'upset' }, true);
                  return (
                    <tr
                      key={c.id}
                      data-testid="queue-row"
                      data-conversation-id={c.id}
                      className={c.escalatedAt ? 'is-escalated' : undefined}
                    >
                      <td className="num position">
                        {row.position === null ? (
                          <span className="hint" title="Routed, not answered yet">
                            –
                          </span>
                        ) : (
                          row.position + 1
                        )}
                      </td>
                      <td>
                        <Link to={paths.conversation(c.id)} className="queue-customer">
                          {customerName(c)}
                        </Link>
                        <span className="queue-sub">
                          <span className="cap">{c.channel}</span>
                          {c.language ? ` · ${c.language}` : ''}
                          {c.skills.length ? ` · ${c.skills.join(', ')}` : ''}
                        </span>
                        {c.assignee ? (
                          <span className="queue-with" data-testid="queue-with">
                            With {c.assignee.displayName}, not answered yet
                          </span>
                        ) : null}
                        {c.callback ? <CallbackChip conversation={c} now={now} /> : null}
                      </td>
                      <td className="num">
                        <span className="wait-clock" data-testid="queue-waiting" title={humanSeconds(waited)}>
                          {waitingClock(waited)}
                        </span>
                      </td>
                      <td>
                        <span className="mood-cell">
                          {mood.mood ? <MoodWord mood={mood.mood} upset={mood.upset} /> : null}
                          {row.mood === 'upset' && !mood.coversUpsetBadge ? (
                            <span className="badge badge-upset">Upset</span>
                          ) : null}
                          {!mood.mood && row.mood !== 'upset' ? <span className="calm">Calm</span> : null}
                          {c.serviceFailure ? <span className="badge badge-service-failure">Service failure</span> : null}
                          {c.escalatedAt ? (
                            <span className="badge badge-escalated" data-testid="badge-escalated">
                              Waiting too long
                            </span>
                          ) : null}
                        </span>
                      </td>
                      <td className="num" title={`Base priority ${c.priority}`}>
                        {c.effectivePriority}
                      </td>
                      <td>{c.team?.name ?? <span className="hint">Anyone</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
        </section>

        <PromisesCard promises={data?.promises} now={now} />

        <section className="card card-flush" aria-labelledby="people-title">
          <h2 className="card-title" id="people-title">
            People and load
          </h2>
          {!data ? <p className="hint card-pad">Reading who is on…</p> : null}
          {data ? (
            <ul className="load-list">
              {agents.map(({ agent, load }) => {
                const loads = channelLoads(agent, load);
                return (
                  <li key={agent.id} className="load-row" data-testid="agent-load-row" data-agent-id={agent.id}>
                    <span className="load-person">
                      <Avatar name={agent.displayName} url={agent.avatarUrl} size={28} />
                      <span className="load-name">
                        <span className="agent-name">{agent.displayName}</span>
                        <span className="presence-tag small">
                          <span className={`presence-dot presence-${agent.presence}`} aria-hidden="true" />
                          {PRESENCE_LABEL[agent.presence]}
                        </span>
                      </span>
                    </span>
                    <span className="load-channels">
                      {loads.length === 0 ? <span className="hint">Takes no channels</span> : null}
                      {loads.map((l) => (
                        <span key={l.channel} className={`load load-${l.level}`} data-channel={l.channel}>
                          <span className="load-label">{CHANNEL_LABEL[l.channel]}</span>
                          <span className="load-bar" aria-hidden="true">
                            <span style={{ width: `${Math.min(100, Math.round(l.ratio * 100))}%` }} />
                          </span>
                          <span className="load-text">{loadText(l)}</span>
                        </span>
                      ))}
                    </span>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>
      </div>
    </div>
  );
}
