import type { Entry } from '@warmline/shared';
import { useMemo } from 'react';
import { moodWords } from '../state/mood.ts';
import { moodSentence, moodTrajectory, moodTrend, sparkDots } from '../state/moodTrajectory.ts';
import { MoodWord } from './MoodWord.tsx';

const WIDTH = 72;
const HEIGHT = 20;
const PAD = 3;

/**
 * How the customer's messages have read so far, at a glance: a tiny line of their moods (happier higher), the
 * latest mood in a word, and whether it is dropping or improving. Screen readers hear the whole trajectory.
 */
export function MoodTrail({ entries }: { entries: readonly Entry[] }) {
  const points = useMemo(() => moodTrajectory(entries), [entries]);
  const latest = points.at(-1);
  if (!latest) return null;
  const trend = moodTrend(points);
  const sentence = moodSentence(points);
  const dots = sparkDots(points, WIDTH, HEIGHT, PAD);

  return (
    <div
      className="mood-trail"
      data-testid="mood-trail"
      data-mood={latest.label}
      data-trend={trend ?? undefined}
      title={sentence}
    >
      <span className="visually-hidden" data-testid="mood-sentence">
        {sentence}
      </span>
      <span className="mood-trail-visual" aria-hidden="true">
        {dots.length > 1 ? (
          <svg className="mood-spark" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
            <line className="mood-spark-zero" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} />
            <polyline className="mood-spark-line" points={dots.map((d) => `${d.x},${d.y}`).join(' ')} />
            {dots.map((d, i) => (
              <circle
                key={d.seq}
                className={`mood-spark-dot tone-${d.tone}`}
                cx={d.x}
                cy={d.y}
                r={i === dots.length - 1 ? 3.5 : 2.75}
              >
                <title>{moodWords[d.label]}</title>
              </circle>
            ))}
          </svg>
        ) : null}
        <MoodWord mood={latest.label} upset={latest.upset} />
        {trend === 'dropping' || trend === 'improving' ? <span className={`mood-trend is-${trend}`}>{trend}</span> : null}
      </span>
    </div>
  );
}
