import {
  PurchaseChannel,
  REPORT_MEASURES,
  REPORT_UNITS,
  type ReportFigure,
  type ReportQuery,
  type ReportResponse,
  type ReportRow,
  reportDays,
} from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import { agents, canSeeConversation, teams } from '../teams/index.ts';
import { workspaces } from '../workspaces/index.ts';
import { FIGURE_RULES } from './figures.ts';
import { type Fact, type FactScope, factsOf } from './repository/facts.ts';
import { knowsTimeZone } from './repository/names.ts';

/** A report's settled inputs: the period in its time zone, the one before it, and whose eyes. */
export interface ReportPlan {
  figure: ReportFigure;
  query: ReportQuery;
  tz: string;
  previous: { from: string; to: string };
  scope: (period: { from: string; to: string }) => FactScope;
}

const CHANNEL_LABELS: Record<string, string> = {
  chat: 'Chat',
  email: 'Email',
  phone: 'Phone',
  sms: 'SMS',
  in_person: 'In person',
  api: 'API',
};
const PURCHASE_LABELS: Record<PurchaseChannel, string> = { store: 'Store', web: 'Web', phone: 'Phone', unknown: 'Unknown' };

/** The date `days` away from `date` (YYYY-MM-DD). */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Settles a report's inputs: the time zone (the query's, else the workspace's), the team filter (a team this
 * person may not see is "not found", as everywhere) and the same-length period just before.
 */
export async function planReport(
  services: Services,
  actor: AgentActor,
  figure: ReportFigure,
  query: ReportQuery,
): Promise<ReportPlan> {
  const workspace = await workspaces.byId(services.db, actor.workspaceId);
  const tz = query.tz ?? workspace?.timezone ?? 'UTC';
  if (!(await knowsTimeZone(services.db, tz)))
    throw new Invalid(`tz: ${tz} is not a time zone this server knows`, { field: 'tz' });
  if (query.teamId) {
    const team = await teams.byId(services.db, actor.workspaceId, query.teamId);
    if (!team || !canSeeConversation(actor, { teamId: team.id, assigneeId: null }, team)) throw new NotFound('Team');
  }
  const days = reportDays(query.from, query.to);
  const now = services.now();
  return {
    figure,
    query,
    tz,
    previous: { from: shiftDate(query.from, -days), to: shiftDate(query.from, -1) },
    scope: (period) => ({
      workspaceId: actor.workspaceId,
      ...period,
      tz,
      teamId: query.teamId ?? null,
      channel: query.channel ?? null,
      viewer: { agentId: actor.agentId, role: actor.role },
      now,
    }),
  };
}

/** The row a fact falls in: the channel matrix by purchase channel, the others by the query's grouping. */
export function rowKeyOf(plan: ReportPlan, fact: Fact): string {
  if (plan.figure === 'channel-matrix') return fact.purchase ?? 'unknown';
  if (plan.query.groupBy === 'team') return fact.teamId ?? 'none';
  if (plan.query.groupBy === 'agent') return fact.agentId ?? 'none';
  return fact.channel;
}

/** One figure over the period (and the one before when asked), by row, in total and per day. */
export async function buildReport(services: Services, actor: AgentActor, plan: ReportPlan): Promise<ReportResponse> {
  const { figure, query } = plan;
  const rule = FIGURE_RULES[figure];
  // The two periods are read side by side, each on a connection of its own.
  const [facts, before] = await Promise.all([
    factsOf(services.db, figure, plan.scope(query)),
    query.compare === 'previous' ? factsOf(services.db, figure, plan.scope(plan.previous)) : null,
  ]);
  const grouped = groupFacts(plan, facts);
  const groupedBefore = before ? groupFacts(plan, before) : new Map<string, Fact[]>();
  const keys = new Set([...grouped.keys(), ...groupedBefore.keys()]);
  if (figure === 'channel-matrix') for (const p of PurchaseChannel.options) keys.add(p);
  const labels = await labelsFor(services, actor, plan);
  const rows: ReportRow[] = [...keys].map((key) => ({
    key,
    label: labels(key),
    values: rule.values(grouped.get(key) ?? []),
    ...(before ? { previous: rule.values(groupedBefore.get(key) ?? []) } : {}),
  }));
  const order = PurchaseChannel.options as readonly string[];
  rows.sort((a, b) =>
    figure === 'channel-matrix'
      ? order.indexOf(a.key) - order.indexOf(b.key)
      : a.label.localeCompare(b.label) || a.key.localeCompare(b.key),
  );
  const byDay = new Map<string, Fact[]>();
  for (const f of facts) {
    const list = byDay.get(f.day);
    if (list) list.push(f);
    else byDay.set(f.day, [f]);
  }
  const series = [];
  for (let day = query.from; day <= query.to; day = shiftDate(day, 1))
    series.push({ date: day, values: rule.values(byDay.get(day) ?? []) });
  return {
    figure,
    period: { from: query.from, to: query.to, tz: plan.tz },
    ...(before ? { previousPeriod: plan.previous } : {}),
    unit: REPORT_UNITS[figure],
    measures: [...REPORT_MEASURES[figure]],
    total: { values: rule.values(facts), ...(before ? { previous: rule.values(before) } : {}) },
    rows,
    series,
  };
}

function groupFacts(plan: ReportPlan, facts: readonly Fact[]): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = rowKeyOf(plan, f);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

/** What a row is called: a channel, a team, a person, a purchase channel. */
async function labelsFor(services: Services, actor: AgentActor, plan: ReportPlan): Promise<(key: string) => string> {
  if (plan.figure === 'channel-matrix') return (key) => PURCHASE_LABELS[key as PurchaseChannel] ?? key;
  if (plan.query.groupBy === 'team') {
    const names = new Map((await teams.list(services.db, actor.workspaceId)).map((t) => [t.id, t.name]));
    return (key) => (key === 'none' ? 'No team' : (names.get(key) ?? 'A removed team'));
  }
  if (plan.query.groupBy === 'agent') {
    const names = new Map((await agents.list(services.db, actor.workspaceId)).map((a) => [a.id, a.displayName]));
    return (key) => (key === 'none' ? 'Nobody yet' : (names.get(key) ?? 'A former colleague'));
  }
  return (key) => CHANNEL_LABELS[key] ?? key;
}
