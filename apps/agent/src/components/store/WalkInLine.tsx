import type { StaffTicket } from '@warmline/shared/types';
import { ticketMood, waitText } from '../../state/walkInLine.ts';
import { MoodWord } from '../MoodWord.tsx';

/** One person in line: their code, name and service, how long they have waited, how they seem, what came before. */
function LineRow({ ticket, now, next }: { ticket: StaffTicket; now: number; next: boolean }) {
  const mood = ticketMood(ticket);
  return (
    <li
      className={`walk-in${ticket.status === 'away' ? ' is-away' : ''}${next ? ' is-next' : ''}`}
      data-testid="walk-in"
      data-code={ticket.code}
      data-status={ticket.status}
    >
      <span className="walk-in-code">{ticket.code}</span>
      <div className="walk-in-body">
        <div className="walk-in-head">
          <strong className="walk-in-name">{ticket.name}</strong>
          <span className="walk-in-service">{ticket.service}</span>
        </div>
        {ticket.lastContact ? <p className="walk-in-story">{ticket.lastContact}</p> : null}
      </div>
      <div className="walk-in-meta">
        <span className="walk-in-wait" data-testid="walk-in-wait">
          {waitText(ticket, now)}
        </span>
        {mood ? <MoodWord mood={mood} /> : null}
      </div>
    </li>
  );
}

/** The live line at the counter, in the order people will be called; those with a colleague now, quietly below. */
export function WalkInLine({ line, withColleagues, now }: { line: StaffTicket[]; withColleagues: StaffTicket[]; now: number }) {
  return (
    <section className="card card-flush walk-in-line" aria-labelledby="walk-in-line-title">
      <h2 className="card-title" id="walk-in-line-title">
        In line <span className="walk-in-count">{line.length}</span>
      </h2>
      {line.length === 0 ? (
        <p className="hint card-pad" data-testid="walk-in-line-empty">
          Nobody is waiting. New check-ins appear here as they arrive.
        </p>
      ) : (
        <ol className="walk-in-list" data-testid="walk-in-line">
          {line.map((t, i) => (
            <LineRow key={t.id} ticket={t} now={now} next={i === 0 && t.status === 'waiting'} />
          ))}
        </ol>
      )}
      {withColleagues.length > 0 ? (
        <ul className="walk-in-elsewhere" aria-label="With a colleague">
          {withColleagues.map((t) => (
            <li key={t.id} data-testid="walk-in-with-colleague">
              <span className="walk-in-code is-small">{t.code}</span> {t.name}
              <span className="hint"> with {t.servedBy?.displayName ?? 'a colleague'}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
