import { usePhoneLine } from '../state/phoneLine.ts';

/** Whether this browser is on the phone line: shown only where Warmline has one (docs/phone-lines.md). */
export function PhoneLineStatus() {
  const status = usePhoneLine((s) => s.status);
  const problem = usePhoneLine((s) => s.problem);
  if (status === 'none') return null;
  const words = { connecting: 'Joining the phone line…', ready: 'Phone line on', failed: 'Phone line off' }[status];
  return (
    <p className="phone-line-status" data-testid="phone-line-status" data-status={status} title={problem ?? undefined}>
      <span className={`presence-dot${status === 'ready' ? ' presence-available' : ''}`} aria-hidden="true" />
      {words}
      {problem ? <span className="phone-line-problem">{problem}</span> : null}
    </p>
  );
}
