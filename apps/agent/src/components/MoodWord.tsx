import type { Emotion } from '@warmline/shared';
import { moodTone, moodWords } from '../state/mood.ts';

/** How the customer seemed, in one quiet word with a gentle colour. */
export function MoodWord({ mood, upset = false }: { mood: Emotion; upset?: boolean }) {
  return (
    <span
      className={`mood mood-${moodTone(mood)}${upset ? ' is-upset' : ''}`}
      data-mood={mood}
      data-testid="mood-word"
      title={upset ? 'Upset: they move up the queue. A hint, not a verdict.' : 'How they seemed. A hint, not a verdict.'}
    >
      {moodWords[mood]}
    </span>
  );
}
