/**
 * Whether a customer may be asked again: never within `quietDays` of the last time they were asked (0 days: every
 * resolution asks). Pure, so the rule is tested without a clock.
 */
export function mayAskAgain(lastAskedAt: Date | null, quietDays: number, now: Date): boolean {
  if (!lastAskedAt || quietDays <= 0) return true;
  return now.getTime() - lastAskedAt.getTime() >= quietDays * 86_400_000;
}

/** How long a survey link stays open. */
export const SURVEY_LINK_DAYS = 14;

/** The language a survey is asked in: the conversation's, when it is one surveys speak, else English. */
export function surveyLanguage(conversationLanguage: string | null): 'en' | 'sw' | 'es' {
  const base = (conversationLanguage ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'sw' || base === 'es' ? base : 'en';
}
