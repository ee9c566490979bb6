import { z } from 'zod';
import { Emotion } from './domain.ts';

/** The languages a survey is asked in. */
export const SurveyLanguage = z.enum(['en', 'sw', 'es']);
export type SurveyLanguage = z.infer<typeof SurveyLanguage>;

/** The longest comment a survey keeps. */
export const SURVEY_COMMENT_MAX = 2000;

/** A form's empty field is no answer; a number may come as text (the page's form) or as a number (the widget). */
const blankToNothing = (value: unknown) => (value === '' || value === null ? undefined : value);
const score = (name: string, max: number) =>
  z.preprocess(
    (value) => {
      const v = blankToNothing(value);
      return typeof v === 'string' && /^\d{1,2}$/.test(v.trim()) ? Number(v) : v;
    },
    z
      .number({ message: `${name} must be a whole number from 1 to ${max}` })
      .int({ message: `${name} must be a whole number from 1 to ${max}` })
      .min(1, { message: `${name} must be a whole number from 1 to ${max}` })
      .max(max, { message: `${name} must be a whole number from 1 to ${max}` })
      .optional(),
  );

/** One answer to a survey: any of the questions may be left out, but not all of them. */
export const SurveyAnswerBody = z
  .object({
    /** How satisfied, 1 (not at all) to 5 (very). */
    csat: score('csat', 5),
    /** "<company> made it easy to handle my issue": 1 (strongly disagree) to 7 (strongly agree). */
    ces: score('ces', 7),
    /** How we made them feel, in the app's feeling words. */
    feeling: z.preprocess(blankToNothing, Emotion.optional()),
    comment: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : blankToNothing(value)),
      z
        .string()
        .trim()
        .max(SURVEY_COMMENT_MAX, { message: `comment must be at most ${SURVEY_COMMENT_MAX.toLocaleString('en')} characters` })
        .optional(),
    ),
  })
  .refine((a) => a.csat !== undefined || a.ces !== undefined || a.feeling !== undefined || a.comment !== undefined, {
    message: 'Please answer at least one question.',
  });
export type SurveyAnswerBody = z.infer<typeof SurveyAnswerBody>;

/** What a survey link opens: who asks, in which language, and whether it was answered already. */
export const PublicSurvey = z.object({
  company: z.string(),
  logoUrl: z.string().nullable(),
  color: z.string(),
  language: SurveyLanguage,
  status: z.enum(['open', 'answered']),
  expiresAt: z.string(),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;
export const PublicSurveyResponse = z.object({ survey: PublicSurvey });

/** The widget's survey for a resolved chat: its token to answer with, or null when none was asked. */
export const WidgetSurveyResponse = z.object({ survey: PublicSurvey.extend({ token: z.string() }).nullable() });
export type WidgetSurveyResponse = z.infer<typeof WidgetSurveyResponse>;

export const SurveyAnswered = z.object({
  response: z.object({
    id: z.string(),
    csat: z.number().int().nullable(),
    ces: z.number().int().nullable(),
    feeling: Emotion.nullable(),
    comment: z.string().nullable(),
    answeredAt: z.string(),
  }),
});
export type SurveyAnswered = z.infer<typeof SurveyAnswered>;

/** Whether customers are asked after a resolution, and how many days must pass before the same person is asked again. */
export const SurveySettings = z.object({
  enabled: z.boolean(),
  quietDays: z.number().int().min(0).max(365),
});
export type SurveySettings = z.infer<typeof SurveySettings>;
export const SurveySettingsResponse = z.object({ settings: SurveySettings });
export const UpdateSurveySettingsBody = z
  .object({
    enabled: z.boolean().optional(),
    quietDays: z
      .number({ message: 'quietDays must be a whole number of days from 0 to 365' })
      .int({ message: 'quietDays must be a whole number of days from 0 to 365' })
      .min(0, { message: 'quietDays must be a whole number of days from 0 to 365' })
      .max(365, { message: 'quietDays must be a whole number of days from 0 to 365' })
      .optional(),
  })
  .strict();
export type UpdateSurveySettingsBody = z.infer<typeof UpdateSurveySettingsBody>;
