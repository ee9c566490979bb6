import { MATRIX_SERVICE_CHANNELS, REPORT_MEASURES, type ReportFigure, type ReportValues } from '@warmline/shared';
import { quantile } from '../supervisor/index.ts';
import type { Fact } from './repository/facts.ts';

/**
 * How a figure turns facts into a cell's values, and which facts a cell counts. Pure: the route, the CSV and the
 * drill-down all read cells through these, so a drill-down lists exactly what its cell counted.
 */
interface FigureRule {
  values(facts: readonly Fact[]): ReportValues;
  /** The facts a measure's cell counts, with the value each contributes (shown in the drill-down). */
  counted(measure: string, fact: Fact): { counted: boolean; value: number | null };
}

const sortedOf = (values: number[]) => values.sort((a, b) => a - b);
const ratio = (part: number, whole: number) => (whole ? part / whole : null);
const average = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);
const ones = (facts: readonly Fact[], pick: (f: Fact) => number | null) => facts.filter((f) => pick(f) === 1).length;

/** p50, p90 (nearest rank, ms) and how many, of `v1`. */
const durations: FigureRule = {
  values(facts) {
    const ms = sortedOf(facts.map((f) => f.v1).filter((v): v is number => v !== null));
    return { p50: quantile(ms, 0.5), p90: quantile(ms, 0.9), count: ms.length };
  },
  counted: (_measure, fact) => ({ counted: fact.v1 !== null, value: fact.v1 }),
};

/** The average of a survey answer, the share of good answers (at least `good`), and how many. */
function survey(goodName: string, good: number): FigureRule {
  return {
    values(facts) {
      const scores = facts.map((f) => f.v1).filter((v): v is number => v !== null);
      return {
        average: average(scores),
        [goodName]: ratio(scores.filter((s) => s >= good).length, scores.length),
        count: scores.length,
      };
    },
    counted: (_measure, fact) => ({ counted: fact.v1 !== null, value: fact.v1 }),
  };
}

/** A part of a whole: every fact is in the whole; `part` picks those in the part. `names` are [whole, part]. */
function share(whole: string, part: string, partOf: (f: Fact) => number | null): FigureRule {
  return {
    values: (facts) => ({ [whole]: facts.length, [part]: ones(facts, partOf), ratio: ratio(ones(facts, partOf), facts.length) }),
    counted: (measure, fact) =>
      measure === part ? { counted: partOf(fact) === 1, value: 1 } : { counted: true, value: partOf(fact) },
  };
}

const moodTurnaround: FigureRule = {
  values(facts) {
    const upset = facts.filter((f) => f.v1 === 1);
    const better = ones(upset, (f) => f.v2);
    return { arrivedUpset: upset.length, leftNotUpset: better, ratio: ratio(better, upset.length) };
  },
  counted: (measure, fact) =>
    measure === 'leftNotUpset' ? { counted: fact.v2 === 1, value: 1 } : { counted: fact.v1 === 1, value: fact.v2 },
};

const effort: FigureRule = {
  values(facts) {
    const per = (pick: (f: Fact) => number | null) =>
      facts.length ? facts.reduce((s, f) => s + (pick(f) ?? 0), 0) / facts.length : null;
    const waits = sortedOf(facts.flatMap((f) => f.waits ?? []));
    return {
      transfersPerConversation: per((f) => f.v1),
      repeatsPerConversation: per((f) => f.v2),
      channelSwitchesPerConversation: per((f) => f.v3),
      waitP50: quantile(waits, 0.5),
      conversations: facts.length,
    };
  },
  counted(measure, fact) {
    if (measure === 'waitP50') {
      const waits = fact.waits ?? [];
      return { counted: waits.length > 0, value: waits.length ? quantile(sortedOf([...waits]), 0.5) : null };
    }
    const value = measure === 'transfersPerConversation' ? fact.v1 : measure === 'repeatsPerConversation' ? fact.v2 : fact.v3;
    return { counted: true, value: measure === 'conversations' ? null : value };
  },
};

/** Customers per service channel: each fact is one customer on one service channel. */
const channelMatrix: FigureRule = {
  values(facts) {
    const values: ReportValues = {};
    for (const service of MATRIX_SERVICE_CHANNELS) values[service] = facts.filter((f) => f.service === service).length;
    return values;
  },
  counted: (measure, fact) => ({ counted: fact.service === measure, value: fact.v1 }),
};

export const FIGURE_RULES: Record<ReportFigure, FigureRule> = {
  'time-to-human': durations,
  'first-response': durations,
  resolution: durations,
  csat: survey('satisfied', 4),
  ces: survey('easy', 5),
  'mood-turnaround': moodTurnaround,
  effort,
  abandonment: share('waited', 'abandoned', (f) => f.v1),
  'callbacks-kept': share('promised', 'kept', (f) => f.v1),
  recoveries: share('failures', 'recovered', (f) => f.v1),
  'channel-matrix': channelMatrix,
};

/** The measures of a figure, checked: an unknown one is the caller's mistake. */
export function isMeasureOf(figure: ReportFigure, measure: string): boolean {
  return REPORT_MEASURES[figure].includes(measure);
}
