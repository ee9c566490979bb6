import { REPORT_MEASURES, type ReportDrillQuery, type ReportDrillResponse, type ReportFigure } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import { Invalid } from '../../core/errors.ts';
import { FIGURE_RULES } from './figures.ts';
import { planReport, rowKeyOf } from './reports.ts';
import { factsOf } from './repository/facts.ts';
import { reportNames } from './repository/names.ts';

/** Where a page of the drill-down ends: the last conversation's start and id. */
function decodeCursor(cursor: string | undefined): { startedAt: string; id: string } | null {
  if (!cursor) return null;
  const [startedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!startedAt || !id || Number.isNaN(Date.parse(startedAt))) throw new Invalid('cursor is not one this list gave');
  return { startedAt, id };
}

/**
 * The conversations behind one cell of a report: exactly those its figure counted there (the total when no row is
 * named), oldest first, each with what it contributed.
 */
export async function drillDown(
  services: Services,
  actor: AgentActor,
  figure: ReportFigure,
  query: ReportDrillQuery,
): Promise<ReportDrillResponse> {
  if (!REPORT_MEASURES[figure].includes(query.measure)) {
    throw new Invalid(`measure must be one of ${REPORT_MEASURES[figure].join(', ')}`, { field: 'measure' });
  }
  const after = decodeCursor(query.cursor);
  const plan = await planReport(services, actor, figure, query);
  const facts = await factsOf(services.db, figure, plan.scope(query.period === 'previous' ? plan.previous : query));
  const rule = FIGURE_RULES[figure];
  const cell = facts
    .filter((f) => query.row === undefined || rowKeyOf(plan, f) === query.row)
    .map((f) => ({ fact: f, ...rule.counted(query.measure, f) }))
    .filter((c) => c.counted)
    .sort((a, b) => a.fact.startedAt.localeCompare(b.fact.startedAt) || a.fact.id.localeCompare(b.fact.id));
  const start = after
    ? cell.findIndex((c) => c.fact.startedAt > after.startedAt || (c.fact.startedAt === after.startedAt && c.fact.id > after.id))
    : 0;
  const page = start < 0 ? [] : cell.slice(start, start + query.limit);
  const names = await reportNames(
    services.db,
    actor.workspaceId,
    page.map((c) => c.fact.id),
  );
  const last = page.at(-1);
  const more = start >= 0 && start + query.limit < cell.length;
  return {
    conversations: page.map(({ fact, value }) => ({
      id: fact.id,
      customerName: names.get(fact.id)?.customerName ?? null,
      channel: fact.channel,
      teamName: names.get(fact.id)?.teamName ?? null,
      agentName: names.get(fact.id)?.agentName ?? null,
      startedAt: fact.startedAt,
      value,
    })),
    nextCursor: more && last ? Buffer.from(`${last.fact.startedAt}|${last.fact.id}`).toString('base64url') : null,
  };
}
