import type { SupervisorOverview } from '@warmline/shared';
import { serviceRecoveryLine } from '../state/alertFeed.ts';
import { useStore } from '../state/store.ts';
import { AlertItem } from './AlertItem.tsx';

interface AlertsCardProps {
  now: number;
  serviceRecovery: SupervisorOverview['serviceRecovery'] | undefined;
}

/**
 * The live queue's open alerts, newest first, each until someone says "I'm on it"; beside the title, how many
 * customers we let down this week and how many were made whole again.
 */
export function AlertsCard({ now, serviceRecovery }: AlertsCardProps) {
  const alerts = useStore((s) => s.alerts);
  return (
    <section className="card card-flush alerts-card" aria-labelledby="alerts-title" data-testid="alerts-card">
      <div className="alerts-head">
        <h2 className="card-title" id="alerts-title">
          Alerts
          {alerts.length > 0 ? <span className="card-count">{alerts.length}</span> : null}
        </h2>
        {serviceRecovery ? (
          <p className="alerts-recovery" data-testid="service-recovery-summary">
            {serviceRecoveryLine(serviceRecovery)}
          </p>
        ) : null}
      </div>
      {alerts.length === 0 ? (
        <p className="hint card-pad" data-testid="alerts-empty">
          No alerts. When a customer’s mood drops or stays low, it shows here.
        </p>
      ) : (
        <ul className="alert-list">
          {alerts.map((alert) => (
            <AlertItem key={alert.id} alert={alert} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
