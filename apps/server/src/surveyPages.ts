import { SURVEY_COMMENT_MAX, SURVEY_LANGS, SurveyAnswerBody, type SurveyLang, surveyWords } from '@warmline/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from './core/context.ts';
import { NotFound, RateLimited } from './core/errors.ts';
import type { RateLimiter } from './core/http/rateLimit.ts';
import { refuseUnstorableText } from './core/http/storableText.ts';
import { isOwnOrigin } from './modules/auth/index.ts';
import { answerSurvey, limitSurveys, openSurvey, SurveyAnsweredAlready, SurveyExpired } from './modules/surveys/index.ts';
import { type SurveyChoices, surveyFormPage, surveyMessagePage } from './modules/surveys/surveyPage.ts';
import { page, sendPage } from './pages.ts';

const langOf = (value: unknown): SurveyLang | null =>
  typeof value === 'string' && (SURVEY_LANGS as readonly string[]).includes(value) ? (value as SurveyLang) : null;

/** The longest form a survey page reads (as any other request): an overlong comment is answered with the page, not a bare 413. */
const FORM_LIMIT = 1024 * 1024;

/**
 * The public survey page at `/s/:token` (and `/survey/:token`): one screen, server-rendered, working with JavaScript
 * off. GET shows it; POST (a plain form, from our own origin) answers it once, then shows thanks.
 */
export function surveyPageRoutes(app: FastifyInstance, services: Services, limiter: RateLimiter) {
  const send = (reply: FastifyReply, html: string) => sendPage(reply, services, html, { cacheControl: 'no-store' });

  /** An expected failure as a calm page: unknown or tampered link 404, expired 410, too many tries 429. */
  const failure = (reply: FastifyReply, err: unknown, lang: SurveyLang) => {
    const w = surveyWords(lang);
    if (err instanceof SurveyExpired)
      return send(
        reply.code(410),
        surveyMessagePage({ lang, brand: null, title: w.expiredTitle, text: w.expiredText, testId: 'survey-expired' }),
      );
    if (err instanceof NotFound)
      return send(
        reply.code(404),
        surveyMessagePage({
          lang: 'en',
          brand: null,
          title: 'We could not find that survey',
          text: 'The link may be incomplete or mistyped. Please open it again from the message we sent you.',
          testId: 'survey-not-found',
        }),
      );
    if (err instanceof RateLimited)
      return send(
        reply.code(429).header('retry-after', String(err.retryAfterSeconds)),
        surveyMessagePage({ lang, brand: null, title: w.title, text: err.message, testId: 'survey-rate-limited' }),
      );
    throw err;
  };

  const show = async (request: FastifyRequest, reply: FastifyReply) => {
    const { token } = request.params as { token: string };
    const query = request.query as Record<string, unknown>;
    const asked = langOf(query.lang);
    try {
      await limitSurveys(limiter, request, 'open');
      const { invitation, brand } = await openSurvey(services, token);
      const lang = asked ?? invitation.language;
      const w = surveyWords(lang);
      if (invitation.answeredAt) {
        const thanks = query.thanks === '1';
        return send(
          reply,
          surveyMessagePage({
            lang,
            brand,
            title: thanks ? w.thanks : w.alreadyAnswered,
            text: w.thanksMore,
            testId: thanks ? 'survey-thanks' : 'survey-answered',
            thanks: true,
          }),
        );
      }
      return send(reply, surveyFormPage({ path: pathOf(request), lang, brand }));
    } catch (err) {
      return failure(reply, err, asked ?? 'en');
    }
  };
  page(app, '/s/:token', show);
  page(app, '/survey/:token', show);

  // The form's own content type lives only here, beside the routes that read it.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_LIMIT },
      (_r, body, done) => {
        const fields: Record<string, string> = {};
        for (const [k, v] of new URLSearchParams(String(body))) if (!(k in fields)) fields[k] = v;
        done(null, fields);
      },
    );
    for (const url of ['/s/:token', '/survey/:token'])
      scope.post(url, async (request, reply) => {
        const { token } = request.params as { token: string };
        const fields = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
        const asked = langOf(fields.lang) ?? langOf((request.query as Record<string, unknown>).lang);
        if (!isOwnOrigin(services, request))
          return send(
            reply.code(403),
            surveyMessagePage({
              lang: asked ?? 'en',
              brand: null,
              title: 'Please answer on our own page',
              text: 'This form can only be sent from the survey page itself. Open the link from our message again.',
              testId: 'survey-cross-site',
            }),
          );
        try {
          await limitSurveys(limiter, request, 'answer');
          const { invitation, brand } = await openSurvey(services, token);
          const lang = asked ?? invitation.language;
          const w = surveyWords(lang);
          const choices: SurveyChoices = {
            csat: str(fields.csat),
            ces: str(fields.ces),
            feeling: str(fields.feeling),
            comment: str(fields.comment),
          };
          const problem = (text: string) =>
            send(reply.code(400), surveyFormPage({ path: pathOf(request), lang, brand, choices, problem: text }));
          if ((choices.comment?.trim().length ?? 0) > SURVEY_COMMENT_MAX) return problem(w.commentTooLong);
          try {
            refuseUnstorableText(choices, 'body');
          } catch {
            return problem(w.checkAnswers);
          }
          const parsed = SurveyAnswerBody.safeParse(choices);
          if (!parsed.success) {
            const nothing = parsed.error.issues.some((i) => i.code === 'custom');
            return problem(nothing ? w.answerSomething : w.checkAnswers);
          }
          await answerSurvey(services, token, parsed.data);
          return reply
            .code(303)
            .header('location', `${pathOf(request)}?lang=${lang}&thanks=1`)
            .send();
        } catch (err) {
          if (err instanceof SurveyAnsweredAlready) {
            const w = surveyWords(asked ?? 'en');
            return send(
              reply.code(409),
              surveyMessagePage({
                lang: asked ?? 'en',
                brand: null,
                title: w.alreadyAnswered,
                text: w.thanksMore,
                testId: 'survey-answered',
                thanks: true,
              }),
            );
          }
          return failure(reply, err, asked ?? 'en');
        }
      });
  });
}

/** The page's own path, without its query: where the form posts and the language links point. */
function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0]!;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
