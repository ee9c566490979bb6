import { type Emotion, moodWords } from '@warmline/shared';

/** How one customer message read (domain/emotion/classify.ts). */
export interface MoodPoint {
  label: Emotion;
  sentiment: number;
  upset: boolean;
}

export interface MoodAlert {
  kind: 'mood_drop' | 'upset_streak';
  text: string;
}

/** A fall this large in sentiment, ending upset, is a sharp drop. */
export const SHARP_DROP = 0.6;
/** Upset for this many customer messages in a row needs a supervisor's eye. */
export const STREAK = 3;

/**
 * What a supervisor should be told after the customer's latest message. `recent` is the conversation's
 * customer messages, oldest first, ending with the one just written. Each streak alerts once, when it
 * reaches its length, not on every message after.
 */
export function moodAlertsFor(recent: readonly MoodPoint[]): MoodAlert[] {
  const latest = recent.at(-1);
  if (!latest?.upset) return [];
  const alerts: MoodAlert[] = [];
  const previous = recent.at(-2);
  if (previous && !previous.upset && previous.sentiment - latest.sentiment >= SHARP_DROP) {
    alerts.push({
      kind: 'mood_drop',
      text: `Mood dropped sharply: from ${moodWords[previous.label]} to ${moodWords[latest.label]}`,
    });
  }
  const tail = recent.slice(-STREAK);
  const before = recent.at(-STREAK - 1);
  if (tail.length === STREAK && tail.every((p) => p.upset) && !before?.upset) {
    alerts.push({
      kind: 'upset_streak',
      text: `Upset for ${STREAK} messages in a row (${tail.map((p) => moodWords[p.label]).join(', ')})`,
    });
  }
  return alerts;
}
