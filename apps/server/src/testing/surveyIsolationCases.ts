import { randomUUID } from 'node:crypto';

/** A survey's signed link is the customer's credential: a made-up one opens nothing. */
const madeUpSurveyLink = (body?: () => unknown) => ({
  open: {
    why: "the survey's signed link is the credential; a made-up one tells nothing",
    status: 404,
    params: () => ({ token: `${randomUUID()}.made-up-signature` }),
    ...(body ? { body } : {}),
  },
});

/** The survey routes' isolation cases (testing/isolationCases.ts). */
export const SURVEY_CASES = {
  'GET /api/v1/surveys/:token': madeUpSurveyLink(),
  'POST /api/v1/surveys/:token': madeUpSurveyLink(() => ({ csat: 5 })),
  'POST /api/v1/widget/surveys/:token': madeUpSurveyLink(() => ({ csat: 5 })),
  'GET /api/v1/widget/conversations/:id/survey': {},
  'GET /api/v1/workspace/surveys': {},
  'PATCH /api/v1/workspace/surveys': { body: () => ({ quietDays: 10 }) },
};
