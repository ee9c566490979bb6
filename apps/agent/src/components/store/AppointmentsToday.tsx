import type { StaffAppointment } from '@warmline/shared/types';
import { useState } from 'react';
import { Link, paths } from '../../router.tsx';
import { startAppointment } from '../../state/counterActions.ts';
import { appointmentText } from '../../state/walkInLine.ts';

/** Today's appointments at this location, in time order: Start brings the person to this counter when they arrive. */
export function AppointmentsToday({
  appointments,
  locationId,
  me,
  busy,
}: {
  appointments: StaffAppointment[];
  locationId: string;
  me: string;
  /** Someone is at this counter already: their visit ends first. */
  busy: boolean;
}) {
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (appointments.length === 0) return null;
  const start = async (id: string) => {
    setStarting(id);
    setError(null);
    try {
      await startAppointment(locationId, id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setStarting(null);
    }
  };
  return (
    <section className="card card-flush appointments-today" aria-labelledby="appointments-title">
      <h2 className="card-title" id="appointments-title">
        Appointments
      </h2>
      <ul className="appointment-list">
        {appointments.map((a) => (
          <li key={a.id} className="appointment" data-testid="appointment">
            <div className="appointment-body">
              <Link to={paths.customer(a.customerId)} className="appointment-name">
                {a.name}
              </Link>
              <span className="hint">{appointmentText(a, me)}</span>
            </div>
            <button
              type="button"
              className="btn btn-small"
              disabled={busy || starting !== null}
              data-testid="appointment-start"
              onClick={() => void start(a.id)}
            >
              {starting === a.id ? 'Starting…' : 'They are here'}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="form-error card-pad" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
