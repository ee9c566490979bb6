import { systemClock } from '../core/clock.ts';

const dayAway = (days: number) => new Date(systemClock().getTime() + days * 86_400_000).toISOString().slice(0, 10);
/** The days around the victim's conversations, begun today. */
const aroundToday = { from: dayAway(-1), to: dayAway(1), tz: 'UTC' };

/**
 * The reports routes' isolation cases (isolationCases.ts): a figure is a view, not an object, and effort
 * (the figure `targetOf` names) counts every conversation, so the victim's shows in the admin's drill-down.
 */
export const REPORT_ISOLATION_CASES = {
  'GET /api/v1/reports/:figure': { names: 'view' as const, query: () => aroundToday },
  'GET /api/v1/reports/:figure.csv': { names: 'view' as const, query: () => aroundToday },
  'GET /api/v1/reports/:figure/conversations': {
    names: 'view' as const,
    query: () => ({ ...aroundToday, measure: 'conversations' }),
    shows: (v: { ids: { conversationId: string } }) => [v.ids.conversationId],
  },
};
