import { REPORT_MEASURES, ReportFigure } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import { client } from '../../testing/factories.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';
import {
  conversationsWithWaits,
  figureByHand,
  type Look,
  matrixByHand,
  periodConversations,
  type Raw,
  rawRows,
  rowOf,
} from './byHand.testing.ts';
import { TZ } from './reports.testing.ts';
import { knowsTimeZone } from './repository/names.ts';
import { tellTheMonth } from './story.testing.ts';

let t: TestServer;
const clock = manualClock(new Date('2026-10-01T09:00:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});

let story: Awaited<ReturnType<typeof tellTheMonth>>;
let raw: Raw;
beforeAll(async () => {
  story = await tellTheMonth(t, clock);
  raw = await rawRows(t, story.floor.workspace.id);
}, 120_000);

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const FIGURES = ReportFigure.options.filter((f) => f !== 'channel-matrix');
type Who = 'grace' | 'amina' | 'baraka';

/** Numbers compared as the API writes them: floats to 9 places. */
const rounded = (cell: Record<string, number | null>) =>
  Object.fromEntries(Object.entries(cell).map(([k, v]) => [k, v === null ? null : Math.round(v * 1e9) / 1e9]));

function lookOf(who: Who, groupBy: Look['groupBy'], period = NOVEMBER, tz = TZ): Look {
  const person = story.people[who];
  return { ...period, tz, groupBy, viewer: { id: person.id, role: person.role }, now: clock() };
}

async function report(who: Who, figure: string, params: Record<string, string>) {
  const res = await story.floor.api[who].get(`/api/v1/reports/${figure}?${new URLSearchParams(params)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The report's total, rows and previous period against the same figure worked out by hand. */
async function expectByHand(figure: string, who: Who, groupBy: Look['groupBy'], tz = TZ) {
  const body = await report(who, figure, { ...NOVEMBER, tz, groupBy, compare: 'previous' });
  const look = lookOf(who, groupBy, NOVEMBER, tz);
  const now = periodConversations(raw, look);
  const before = periodConversations(raw, lookOf(who, groupBy, { from: '2026-10-02', to: '2026-10-31' }, tz));
  expect(body.previousPeriod).toEqual({ from: '2026-10-02', to: '2026-10-31' });
  expect(rounded(body.total.values)).toEqual(rounded(figureByHand(raw, look, figure, now)));
  expect(rounded(body.total.previous)).toEqual(rounded(figureByHand(raw, look, figure, before)));
  // A row for every group the figure counts something in; a group left out counts nothing by hand either.
  const shown = new Set(body.rows.map((r: { key: string }) => r.key));
  for (const key of new Set([...now, ...before].map((c) => rowOf(look, c)))) {
    if (shown.has(key)) continue;
    const inKey = (cs: typeof now) => cs.filter((c) => rowOf(look, c) === key);
    const nothing = rounded(figureByHand(raw, look, figure, []));
    expect(rounded(figureByHand(raw, look, figure, inKey(now))), `${figure}: no row ${key}`).toEqual(nothing);
    expect(rounded(figureByHand(raw, look, figure, inKey(before))), `${figure}: no row ${key} before`).toEqual(nothing);
  }
  for (const row of body.rows) {
    const inRow = now.filter((c) => rowOf(look, c) === row.key);
    expect(rounded(row.values), `${figure} ${row.key}`).toEqual(rounded(figureByHand(raw, look, figure, inRow)));
    const rowBefore = before.filter((c) => rowOf(look, c) === row.key);
    expect(rounded(row.previous), `${figure} ${row.key} before`).toEqual(rounded(figureByHand(raw, look, figure, rowBefore)));
  }
  for (const day of body.series) {
    const thatDay = now.filter((c) => periodConversations(raw, { ...look, from: day.date, to: day.date }).includes(c));
    expect(rounded(day.values), `${figure} on ${day.date}`).toEqual(rounded(figureByHand(raw, look, figure, thatDay)));
  }
  return body;
}

describe(`reports: every figure equals the same figure worked out from the raw rows (${backend})`, () => {
  for (const figure of FIGURES) {
    it(`${figure}, by channel, team and agent, for an admin and for agents in and out of the restricted team, in three time zones`, async () => {
      for (const groupBy of ['channel', 'team', 'agent'] as const) await expectByHand(figure, 'grace', groupBy);
      await expectByHand(figure, 'amina', 'team');
      await expectByHand(figure, 'baraka', 'agent');
      await expectByHand(figure, 'grace', 'channel', 'UTC');
      // New York leaves daylight saving on 1 November 2026: that day has 25 hours there.
      await expectByHand(figure, 'grace', 'team', 'America/New_York');
    });
  }

  it('channel-matrix: customers of each purchase channel on each service channel, merged customers counted once', async () => {
    for (const who of ['grace', 'amina'] as const) {
      const body = await report(who, 'channel-matrix', NOVEMBER);
      const byHand = matrixByHand(raw, periodConversations(raw, lookOf(who, 'channel')));
      expect(body.rows.map((r: { key: string }) => r.key)).toEqual(['store', 'web', 'phone', 'unknown']);
      for (const row of body.rows) expect(row.values, row.key).toEqual(byHand[row.key]);
    }
  });

  it('the story has its edges: a figure that is not empty everywhere, and the other workspace and restricted team left out', async () => {
    const grace = await report('grace', 'time-to-human', NOVEMBER);
    const amina = await report('amina', 'time-to-human', NOVEMBER);
    // Sam 90 s, Wanjiru 5 min, Sam's second conversation 10 min, Kamau 2 h (answered in December), Njeri's callback.
    expect(grace.total.values.count).toBeGreaterThanOrEqual(4);
    expect(amina.total.values.count).toBe(grace.total.values.count - 1);
    const matrix = await report('grace', 'channel-matrix', NOVEMBER);
    expect(matrix.rows[0].values).toMatchObject({ chat: 1, email: 1 });
    const recoveries = await report('grace', 'recoveries', NOVEMBER);
    expect(recoveries.total.values).toEqual({ failures: 2, recovered: 1, ratio: 0.5 });
    expect((await report('grace', 'callbacks-kept', NOVEMBER)).total.values).toEqual({ promised: 2, kept: 1, ratio: 0.5 });
    expect((await report('grace', 'abandonment', NOVEMBER)).total.values.abandoned).toBe(1);
    expect((await report('grace', 'mood-turnaround', NOVEMBER)).total.values.arrivedUpset).toBeGreaterThanOrEqual(1);
    // Sam and Wanjiru each said one thing twice; Sam wrote once by email; Wanjiru was transferred once.
    const effort = (await report('grace', 'effort', { ...NOVEMBER, compare: 'previous' })).total;
    expect(effort.values.conversations).toBe(8);
    expect(effort.values.repeatsPerConversation * 8).toBeCloseTo(2);
    expect(effort.values.channelSwitchesPerConversation * 8).toBeCloseTo(1);
    expect(effort.values.transfersPerConversation * 8).toBeCloseTo(1);
    // Wanjiru's 00:30 on the 1st in Nairobi is 31 October in UTC: the period before, there.
    const inUtc = (await report('grace', 'effort', { ...NOVEMBER, tz: 'UTC', compare: 'previous' })).total;
    expect([inUtc.values.conversations, inUtc.previous.conversations]).toEqual([7, 2]);
    // Kamau wrote on 30 November at 23:00 and was answered two hours later, in December: November counts it.
    const drill = await story.floor.api.grace.get(
      `/api/v1/reports/time-to-human/conversations?${new URLSearchParams({ ...NOVEMBER, measure: 'p90' })}`,
    );
    const kamau = drill.body.conversations.find((c: { id: string }) => c.id === story.ids.kamau.id);
    expect(Math.abs(kamau.value - 7_200_000)).toBeLessThan(1_000);
    expect(kamau).toMatchObject({
      channel: 'chat',
      agentName: 'Amina Odhiambo',
      startedAt: expect.stringMatching(/^2026-11-30T20:00:00/),
    });
  });
});

describe(`reports: drill-down and CSV (${backend})`, () => {
  it('the drill-down of every cell lists as many conversations as the cell counts, and only conversations it may show', async () => {
    for (const figure of ReportFigure.options) {
      const body = await report('grace', figure, { ...NOVEMBER, groupBy: 'team' });
      const look = lookOf('grace', 'team');
      for (const row of [...body.rows, { key: undefined, values: body.total.values }]) {
        for (const measure of REPORT_MEASURES[figure]) {
          const params = new URLSearchParams({ ...NOVEMBER, groupBy: 'team', measure, limit: '2' });
          if (row.key) params.set('row', row.key);
          const listed: string[] = [];
          for (let cursor: string | null = null, pages = 0; pages === 0 || cursor; pages++) {
            if (cursor) params.set('cursor', cursor);
            const page = await story.floor.api.grace.get(`/api/v1/reports/${figure}/conversations?${params}`);
            expect(page.status, JSON.stringify(page.body)).toBe(200);
            listed.push(...page.body.conversations.map((c: { id: string }) => c.id));
            cursor = page.body.nextCursor;
          }
          expect(new Set(listed).size).toBe(listed.length);
          const expected =
            figure === 'effort' && measure === 'waitP50'
              ? conversationsWithWaits(raw, look, inRow(look, row.key))
              : cellCount(figure, measure, row.values);
          expect(listed.length, `${figure} ${row.key ?? 'total'} ${measure}`).toBe(expected);
        }
      }
    }
  });

  it('the CSV holds the same table as the JSON: header, a line per row, the total', async () => {
    for (const figure of ReportFigure.options) {
      const params = new URLSearchParams({ ...NOVEMBER, groupBy: 'agent' });
      const json = await report('grace', figure, Object.fromEntries(params));
      const res = await story.floor.api.grace.get(`/api/v1/reports/${figure}.csv?${params}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="warmline-${figure}-2026-11-01-2026-11-30.csv"`);
      const lines = String(res.body).trimEnd().split('\r\n');
      expect(lines[0]).toBe(['row', ...json.measures].join(','));
      const expected = [
        ...json.rows.map((r: { label: string; values: object }) => [r.label, r.values]),
        ['total', json.total.values],
      ];
      expect(lines.slice(1)).toEqual(
        expected.map(([label, values]) =>
          [label, ...json.measures.map((m: string) => (values[m] === null ? '' : String(values[m])))].join(','),
        ),
      );
    }
  });
});

/** The period's conversations in one row (all of them for the total). */
const inRow = (look: Look, key: string | undefined) =>
  periodConversations(raw, look).filter((c) => key === undefined || rowOf(look, c) === key);

/** How many conversations a cell counts: a count is itself, a rate or a median counts those it was taken over. */
function cellCount(figure: string, measure: string, values: Record<string, number | null>): number {
  const whole: Record<string, string> = {
    csat: 'count',
    ces: 'count',
    'mood-turnaround': 'arrivedUpset',
    abandonment: 'waited',
    'callbacks-kept': 'promised',
    recoveries: 'failures',
    'time-to-human': 'count',
    'first-response': 'count',
    resolution: 'count',
    effort: 'conversations',
  };
  if (figure === 'channel-matrix' || ['leftNotUpset', 'abandoned', 'kept', 'recovered'].includes(measure))
    return values[measure]!;
  return values[whole[figure]!]!;
}

describe(`reports: who may read what (${backend})`, () => {
  it('another workspace, a team one may not see, bad dates and unknown figures are refused plainly', async () => {
    const { amina, grace } = story.floor.api;
    const hidden = await amina.get(
      `/api/v1/reports/csat?${new URLSearchParams({ ...NOVEMBER, teamId: story.floor.teams.privateTeam.id })}`,
    );
    expect(hidden.status).toBe(404);
    for (const q of [
      'from=2026-11-31&to=2026-12-01',
      'from=2026-11-10&to=2026-11-01',
      'from=2025-01-01&to=2026-12-01',
      'from=2026-11-01&to=2026-11-30&tz=Mars/Olympus',
      'from=2026-11-01&to=2026-11-30&groupBy=mood',
      'from=2026-11-01',
    ]) {
      const res = await grace.get(`/api/v1/reports/time-to-human?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    expect((await grace.get('/api/v1/reports/happiness?from=2026-11-01&to=2026-11-30')).status).toBe(400);
    expect((await grace.get('/api/v1/reports/csat/conversations?from=2026-11-01&to=2026-11-30&measure=p50')).status).toBe(400);
    expect(
      (await grace.get('/api/v1/reports/csat/conversations?from=2026-11-01&to=2026-11-30&measure=count&cursor=zz')).status,
    ).toBe(400);
    expect((await client(t).get('/api/v1/reports/csat?from=2026-11-01&to=2026-11-30')).status).toBe(401);
    // A zone the browser's list has and the database's lacks is refused too, never a 500.
    expect(await knowsTimeZone(t.db, 'Africa/Nairobi')).toBe(true);
    expect(await knowsTimeZone(t.db, 'Mars/Olympus')).toBe(false);
  });
});
