import type { SurveySettings, UpdateSurveySettingsBody } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import { Forbidden } from '../../core/errors.ts';
import { surveySettings } from './repository.ts';

/** Whether customers are asked after a resolution, and the quiet days between two surveys of one person. */
export async function getSurveySettings(services: Services, actor: AgentActor): Promise<SurveySettings> {
  const { enabled, quietDays } = await surveySettings.get(services.db, actor.workspaceId);
  return { enabled, quietDays };
}

/** Admins turn surveys on or off and set the quiet days. */
export async function updateSurveySettings(
  services: Services,
  actor: AgentActor,
  patch: UpdateSurveySettingsBody,
): Promise<SurveySettings> {
  if (actor.role !== 'admin') throw new Forbidden('Only admins can change survey settings.');
  await surveySettings.update(services.db, actor.workspaceId, patch);
  return getSurveySettings(services, actor);
}
