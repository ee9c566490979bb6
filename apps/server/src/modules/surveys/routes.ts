import {
  PublicSurveyResponse,
  SurveyAnswerBody,
  SurveyAnswered,
  SurveySettingsResponse,
  UpdateSurveySettingsBody,
  WidgetSurveyResponse,
} from '@warmline/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../core/context.ts';
import type { RateLimiter } from '../../core/http/rateLimit.ts';
import { route } from '../../core/http/route.ts';
import { answerSurvey, openSurvey, presentSurvey } from './answer.ts';
import { getSurveySettings, updateSurveySettings } from './settings.ts';
import { surveyForVisitor } from './widgetSurvey.ts';

export const SurveyTokenParams = z.object({ token: z.string().min(1).max(200, { message: 'token is not a survey link' }) });

/** How often one address may open or answer survey links: enough for a family on one connection, not for a script. */
export async function limitSurveys(limiter: RateLimiter, request: FastifyRequest, what: 'open' | 'answer'): Promise<void> {
  await limiter.hit(`survey-${what}:${request.ip}`, what === 'open' ? 120 : 30, 10 * 60);
}

/** The survey's JSON API (for the widget and anyone building their own page), and its settings. */
export function surveyRoutes(app: FastifyInstance, services: Services, limiter: RateLimiter) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/surveys/:token',
    tag: 'surveys',
    summary: 'What a survey link shows: who asks, in which language, and whether it was answered (410 once expired)',
    auth: 'none',
    params: SurveyTokenParams,
    responses: { 200: PublicSurveyResponse },
    handler: async ({ params, request }) => {
      await limitSurveys(limiter, request, 'open');
      const { invitation, brand } = await openSurvey(services, params.token);
      return { survey: presentSurvey(invitation, brand) };
    },
  });

  // The widget answers cross-origin, from the customer's website: its copy lives under the widget's CORS prefix.
  for (const url of ['/api/v1/surveys/:token', '/api/v1/widget/surveys/:token'])
    route(app, services, {
      method: 'POST',
      url,
      tag: 'surveys',
      summary:
        'Answer a survey: CSAT 1–5, CES 1–7, a feeling word and a comment (up to 2,000 characters), any of them; once per conversation (409 the second time, 410 once expired)',
      auth: 'none',
      params: SurveyTokenParams,
      body: SurveyAnswerBody,
      responses: { 201: SurveyAnswered },
      handler: async ({ params, body, request, reply }) => {
        await limitSurveys(limiter, request, 'answer');
        const answered = await answerSurvey(services, params.token, body);
        reply.code(201);
        return answered;
      },
    });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/widget/conversations/:id/survey',
    tag: 'widget',
    summary: "The survey of the visitor's resolved chat, with the token to answer it; null when none was asked",
    auth: 'visitor',
    params: z.object({ id: z.string().max(100) }),
    responses: { 200: WidgetSurveyResponse },
    handler: async ({ actor, params }) => ({ survey: await surveyForVisitor(services, actor, params.id) }),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/workspace/surveys',
    tag: 'workspace',
    summary: 'Whether customers are asked how we did after a resolution, and the quiet days between two surveys of one person',
    auth: 'agent',
    responses: { 200: SurveySettingsResponse },
    handler: async ({ actor }) => ({ settings: await getSurveySettings(services, actor) }),
  });

  route(app, services, {
    method: 'PATCH',
    url: '/api/v1/workspace/surveys',
    tag: 'workspace',
    summary: 'Turn surveys on or off, or change the quiet days (0–365) (admins)',
    auth: 'agent',
    body: UpdateSurveySettingsBody,
    responses: { 200: SurveySettingsResponse },
    handler: async ({ actor, body }) => ({ settings: await updateSurveySettings(services, actor, body) }),
  });
}
