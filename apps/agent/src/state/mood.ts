import { type Emotion, isUpsetEmotion } from '@warmline/shared';

export { moodWords } from '@warmline/shared';

/** The gentle colour family a mood is shown in. */
export type MoodTone = 'warm' | 'sad' | 'worried' | 'glad' | 'calm';

export function moodTone(mood: Emotion): MoodTone {
  if (mood === 'angry' || mood === 'frustrated') return 'warm';
  if (mood === 'sad') return 'sad';
  if (mood === 'anxious' || mood === 'confused') return 'worried';
  if (mood === 'grateful' || mood === 'delighted') return 'glad';
  return 'calm';
}

/** The feelings that raise a customer's priority (the server's `upset`). */
export const isUpsetMood = isUpsetEmotion;

export interface CurrentMood {
  /** The word to show, or null when there is nothing worth saying. */
  mood: Emotion | null;
  /** Gently emphasised: the customer is upset and this is how. */
  upset: boolean;
  /** The word already says they are upset, so a separate "Upset" badge beside it would say it twice. */
  coversUpsetBadge: boolean;
}

/**
 * How the customer feels now, for a list: the latest message's mood, emphasised when the conversation counts
 * as upset. A calm mood is left unsaid unless `showCalm` (a table column that must say something).
 * An "Upset" set by hand on a customer whose words read otherwise keeps its badge.
 */
export function currentMood(c: { mood?: Emotion | null; upset: boolean }, showCalm = false): CurrentMood {
  const mood = c.mood ?? null;
  if (!mood || (mood === 'neutral' && !showCalm)) return { mood: null, upset: false, coversUpsetBadge: false };
  const covers = c.upset && isUpsetMood(mood);
  return { mood, upset: covers, coversUpsetBadge: covers };
}
