import {
  AlertParams,
  AlertResponse,
  AlertsQuery,
  AlertsResponse,
  ConversationParams,
  FlagFailureBody,
  RecoveryResponse,
  RecoveryStepBody,
} from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { acknowledgeAlert, listAlerts } from './alerts.ts';
import { flagServiceFailure, getRecovery, recordRecoveryStep } from './recovery.ts';

/** Alerts about customers' moods, and the service-recovery checklist. */
export function empathyRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/alerts',
    tag: 'empathy',
    summary: 'Alerts: a mood dropping sharply, upset for several messages, upset and waiting past target, a follow-up due',
    auth: 'agent',
    query: AlertsQuery,
    responses: { 200: AlertsResponse },
    handler: async ({ actor, query }) => ({
      alerts: await listAlerts(services, actor, { open: query.open === 'true', limit: query.limit }),
    }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/alerts/:id/acknowledge',
    tag: 'empathy',
    summary: 'Take an alert: it leaves the open list, with who took it',
    auth: 'agent',
    params: AlertParams,
    responses: { 200: AlertResponse },
    handler: async ({ actor, params }) => ({ alert: await acknowledgeAlert(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/conversations/:id/recovery',
    tag: 'empathy',
    summary: 'The service-recovery checklist of a conversation (null when no failure was flagged)',
    auth: 'agent',
    params: ConversationParams,
    responses: { 200: RecoveryResponse },
    handler: async ({ actor, params }) => ({ recovery: await getRecovery(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/conversations/:id/service-failure',
    tag: 'empathy',
    summary: 'Flag a service failure: priority rises and the recovery checklist starts',
    auth: 'agent',
    params: ConversationParams,
    body: FlagFailureBody,
    responses: { 200: RecoveryResponse },
    handler: async ({ actor, params, body }) => ({ recovery: await flagServiceFailure(services, actor, params.id, body.reason) }),
  });

  route(app, services, {
    method: 'POST',
    url: '/api/v1/conversations/:id/recovery',
    tag: 'empathy',
    summary: 'Tick off a recovery step: acknowledged, fixed, compensation (with its value), follow-up scheduled, followed up',
    auth: 'agent',
    params: ConversationParams,
    body: RecoveryStepBody,
    responses: { 200: RecoveryResponse },
    handler: async ({ actor, params, body }) => ({ recovery: await recordRecoveryStep(services, actor, params.id, body) }),
  });
}
