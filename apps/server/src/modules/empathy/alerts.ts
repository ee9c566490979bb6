import type { Alert } from '@warmline/shared';
import { type AgentActor, afterCommit, type Services } from '../../core/context.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { alerts } from './alertsRepository.ts';
import { presentAlert } from './presentAlert.ts';

/** Supervisors see every alert; an agent sees the follow-ups that are theirs. */
export async function listAlerts(
  services: Services,
  actor: AgentActor,
  input: { open: boolean; limit: number },
): Promise<Alert[]> {
  const all = await alerts.list(services.db, actor.workspaceId, input);
  const mine = actor.role === 'agent' ? all.filter((a) => a.agentId === actor.agentId) : all;
  return mine.map(presentAlert);
}

/** Someone is on it: the alert leaves the open list, with who took it. */
export async function acknowledgeAlert(services: Services, actor: AgentActor, id: string): Promise<Alert> {
  const alert = await alerts.byId(services.db, actor.workspaceId, id);
  if (!alert) throw new NotFound('Alert');
  if (actor.role === 'agent' && alert.agentId !== actor.agentId)
    throw new Forbidden('Only supervisors can acknowledge this alert.');
  await alerts.acknowledge(services.db, actor.workspaceId, id, actor.agentId);
  const taken = presentAlert((await alerts.byId(services.db, actor.workspaceId, id))!);
  // Every supervisor's list loses it at once, not at their next refresh.
  await afterCommit(services, [{ type: 'alert.raised', workspaceId: actor.workspaceId, alert: taken, agentId: alert.agentId }]);
  return taken;
}
