import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPORT_MEASURES, ReportFigure, ReportQuery } from '@warmline/shared';
import pino from 'pino';
import { loadConfig } from '../apps/server/src/core/config.ts';
import type { AgentActor } from '../apps/server/src/core/context.ts';
import { buildReport, planReport } from '../apps/server/src/modules/reports/reports.ts';
import { openServices } from '../apps/server/src/server.ts';
import type { Figure } from './index.ts';
import { seedReports } from './reports/seed.ts';
import { percentile } from './serverProcess.ts';
import { round } from './size.ts';

const CONVERSATIONS = 100_000;
const LAST_DAY = '2026-11-30';
const RUNS = 7;
/** The whole year is read less often: its figure is the slowest of a few runs. */
const YEAR_RUNS = 3;
/** Figures whose facts read the entries; the others read conversations and their own small tables. */
const READS_ENTRIES = new Set<ReportFigure>(['first-response', 'mood-turnaround', 'effort', 'channel-matrix']);

/** The bare aggregates of the same period: no visibility, no grouping by day, one statement. */
const BARE_CONVERSATIONS = `select channel, percentile_disc(0.5) within group (order by human_connected_at - started_at), count(*)
  from conversations where workspace_id = $1 and started_at >= $2::date and started_at < $3::date + 1 group by channel`;
const BARE_ENTRIES = `select c.channel, count(*), min(e.created_at) from conversations c join entries e on e.conversation_id = c.id
  where c.workspace_id = $1 and c.started_at >= $2::date and c.started_at < $3::date + 1 group by c.channel`;

/**
 * reports.p95: each report (`buildReport`, as an agent outside one restricted team: the visibility rule applies)
 * over the last 30 days with the 30 days before, grouped by channel, on a year of 100,000 conversations and about
 * 1,000,000 entries in the embedded database; the value is the slowest report's p95 over several runs.
 */
export async function reportsBenchmarks(): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warmline-bench-reports-'));
  const services = await openServices(loadConfig({ WARMLINE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
  try {
    const t0 = performance.now();
    const seed = await seedReports(services.db, { conversations: CONVERSATIONS, lastDay: LAST_DAY });
    const buildSeconds = (performance.now() - t0) / 1000;
    const actor: AgentActor = { kind: 'agent', workspaceId: seed.workspaceId, agentId: seed.agentId, role: 'agent' };
    const month = { from: '2026-11-01', to: LAST_DAY };
    const year = { from: '2025-12-01', to: LAST_DAY };
    const time = async (run: () => Promise<unknown>, runs = RUNS) => {
      await run(); // warm-up, unmeasured
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await run();
        ms.push(performance.now() - t);
      }
      return percentile(ms, 95);
    };
    const report = (figure: ReportFigure, period: { from: string; to: string }, compare: boolean) => async () => {
      const query = ReportQuery.parse({ ...period, tz: 'Africa/Nairobi', ...(compare ? { compare: 'previous' } : {}) });
      const body = await buildReport(services, actor, await planReport(services, actor, figure, query));
      if (!(REPORT_MEASURES[figure][0]! in body.total.values)) throw new Error(`${figure}: no figure`);
    };
    const bare = (text: string) => () => services.db.query(text, [seed.workspaceId, month.from, month.to]);
    const bareConversations = await time(bare(BARE_CONVERSATIONS));
    const bareEntries = await time(bare(BARE_ENTRIES));
    const rows: Array<{ figure: ReportFigure; month: number; year: number }> = [];
    for (const figure of ReportFigure.options) {
      rows.push({
        figure,
        month: await time(report(figure, month, true)),
        year: await time(report(figure, year, false), YEAR_RUNS),
      });
    }
    const slowest = rows.reduce((a, b) => (b.month > a.month ? b : a));
    const baselineOf = (f: ReportFigure) => (READS_ENTRIES.has(f) ? bareEntries : bareConversations);
    return [
      {
        bench: 'reports.p95',
        value: round(slowest.month, 1),
        unit: 'ms',
        baseline: round(baselineOf(slowest.figure), 1),
        ratio: round(slowest.month / baselineOf(slowest.figure)),
        notes:
          `the slowest report (${slowest.figure}) of ${rows.length}, each buildReport for 30 days (${month.from}…${month.to}, ` +
          'Africa/Nairobi) with the 30 days before, by channel, as an agent outside one restricted team; p95 of ' +
          `${RUNS} runs after one unmeasured, embedded database; ${seed.conversations.toLocaleString('en')} conversations and ` +
          `${seed.entries.toLocaleString('en')} entries over a year in one workspace, built in ${round(buildSeconds, 0)} s ` +
          `(bench/reports/seed.ts). Per report, 30 days with comparison / the whole year without (slowest of ${YEAR_RUNS}): ` +
          rows.map((r) => `${r.figure} ${round(r.month, 0)} / ${round(r.year, 0)} ms`).join(', ') +
          `. Baselines (p95, same runs): the bare aggregate over the month's conversations \`${BARE_CONVERSATIONS.replace(/\s+/g, ' ')}\` ` +
          `${round(bareConversations, 1)} ms; joined to their entries \`${BARE_ENTRIES.replace(/\s+/g, ' ')}\` ${round(bareEntries, 1)} ms ` +
          '(the baseline of the figures that read entries). Target ≤ 500 ms per report',
      },
    ];
  } finally {
    await services.release();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
