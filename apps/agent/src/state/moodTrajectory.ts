import type { Emotion, Entry } from '@warmline/shared';
import { type MoodTone, moodTone, moodWords } from './mood.ts';

/** How one customer message read, in the order they wrote. */
export interface MoodPoint {
  seq: number;
  label: Emotion;
  sentiment: number;
  upset: boolean;
  at: string;
}

export type MoodTrend = 'dropping' | 'improving' | 'steady';

/** A change in sentiment this large between two messages reads as a move, not noise. */
export const TREND_STEP = 0.3;

/** The readings of the customer's messages, oldest first (messages not read yet are left out). */
export function moodTrajectory(entries: readonly Entry[]): MoodPoint[] {
  const points: MoodPoint[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'message' || entry.direction !== 'in' || !entry.emotion) continue;
    const { label, sentiment, upset } = entry.emotion;
    points.push({ seq: entry.seq, label, sentiment, upset, at: entry.createdAt });
  }
  return points;
}

/** How many readings before the latest one set the level it is compared with. */
export const TREND_WINDOW = 3;

/**
 * Which way the latest message moved: becoming upset is dropping and leaving it improving, whatever the numbers;
 * otherwise its sentiment against the average of the {@link TREND_WINDOW} readings before it, a step of
 * {@link TREND_STEP} either way counting as a move. Null with one reading or none.
 */
export function moodTrend(points: readonly MoodPoint[]): MoodTrend | null {
  const latest = points.at(-1);
  const previous = points.at(-2);
  if (!latest || !previous) return null;
  if (!previous.upset && latest.upset) return 'dropping';
  if (previous.upset && !latest.upset) return 'improving';
  const before = points.slice(-TREND_WINDOW - 1, -1);
  const level = before.reduce((sum, p) => sum + p.sentiment, 0) / before.length;
  // Rounded: sentiments carry three decimals, and -0.4 - -0.7 must be a step of 0.3, not 0.29999…
  const step = Math.round((latest.sentiment - level) * 1000) / 1000;
  if (step <= -TREND_STEP) return 'dropping';
  if (step >= TREND_STEP) return 'improving';
  return 'steady';
}

export interface MoodRun {
  label: Emotion;
  count: number;
}

/** Consecutive messages in the same mood, told once: angry, angry, calm → angry ×2, calm. */
export function moodRuns(points: readonly MoodPoint[]): MoodRun[] {
  const runs: MoodRun[] = [];
  for (const point of points) {
    const last = runs.at(-1);
    if (last?.label === point.label) last.count++;
    else runs.push({ label: point.label, count: 1 });
  }
  return runs;
}

/**
 * The trajectory as one sentence, for screen readers and the tooltip:
 * "Mood: thankful → angry ×2 → frustrated, dropping". Only the latest `maxRuns` changes are named.
 */
export function moodSentence(points: readonly MoodPoint[], maxRuns = 6): string {
  const runs = moodRuns(points);
  if (runs.length === 0) return 'Mood: not read yet';
  const words = runs.slice(-maxRuns).map((r) => (r.count > 1 ? `${moodWords[r.label]} ×${r.count}` : moodWords[r.label]));
  if (runs.length > maxRuns) words.unshift('…');
  const trend = moodTrend(points);
  return `Mood: ${words.join(' → ')}${trend && trend !== 'steady' ? `, ${trend}` : ''}`;
}

export interface SparkDot {
  seq: number;
  x: number;
  y: number;
  tone: MoodTone;
  label: Emotion;
  at: string;
}

/**
 * Where the latest `max` readings sit in a width × height box: oldest on the left, sentiment +1 at the top and
 * −1 at the bottom, `pad` kept free at every edge so a dot is never clipped. A single reading sits at the right.
 */
export function sparkDots(points: readonly MoodPoint[], width: number, height: number, pad = 3, max = 12): SparkDot[] {
  const shown = points.slice(-max);
  const span = width - pad * 2;
  const gap = shown.length > 1 ? span / (shown.length - 1) : 0;
  return shown.map((p, i) => {
    const sentiment = Math.max(-1, Math.min(1, p.sentiment));
    return {
      seq: p.seq,
      x: round(shown.length > 1 ? pad + i * gap : width - pad),
      y: round(pad + ((1 - sentiment) / 2) * (height - pad * 2)),
      tone: moodTone(p.label),
      label: p.label,
      at: p.at,
    };
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
