import type { EmotionReading } from '@warmline/shared';
import { describe, expect, it } from 'vitest';
import { entry } from '../testing/fixtures.ts';
import { type MoodPoint, moodRuns, moodSentence, moodTrajectory, moodTrend, sparkDots } from './moodTrajectory.ts';

const grateful: EmotionReading = { label: 'grateful', sentiment: 0.6, upset: false };
const neutral: EmotionReading = { label: 'neutral', sentiment: 0, upset: false };
const angry: EmotionReading = { label: 'angry', sentiment: -0.7, upset: true };
const frustrated: EmotionReading = { label: 'frustrated', sentiment: -0.4, upset: true };
const confused: EmotionReading = { label: 'confused', sentiment: -0.1, upset: false };

function points(...readings: EmotionReading[]): MoodPoint[] {
  return readings.map((r, i) => ({ seq: i + 1, ...r, at: `2025-01-01T10:0${i}:00.000Z` }));
}

describe('moodTrajectory', () => {
  it("follows only the customer's messages that were read, in order", () => {
    const agent = { direction: 'out', author: { kind: 'agent', id: 'a1', name: 'Amina', avatarUrl: null } } as const;
    const trail = moodTrajectory([
      entry(1, { emotion: grateful }),
      entry(2, { ...agent, body: 'Happy to help!' }),
      entry(3, { kind: 'note', direction: null, emotion: null }),
      entry(4, { emotion: null }),
      entry(5, { emotion: angry, createdAt: '2025-01-01T10:05:00.000Z' }),
    ]);
    expect(trail).toEqual([
      { seq: 1, label: 'grateful', sentiment: 0.6, upset: false, at: '2025-01-01T10:00:00.000Z' },
      { seq: 5, label: 'angry', sentiment: -0.7, upset: true, at: '2025-01-01T10:05:00.000Z' },
    ]);
  });

  it('is empty before any customer message has been read', () => {
    expect(moodTrajectory([entry(1)])).toEqual([]);
  });
});

describe('moodTrend', () => {
  it('needs two readings to say which way a mood goes', () => {
    expect(moodTrend([])).toBeNull();
    expect(moodTrend(points(angry))).toBeNull();
  });

  it('reads becoming upset as dropping and leaving it as improving, whatever the numbers', () => {
    expect(moodTrend(points(grateful, angry))).toBe('dropping');
    expect(moodTrend(points({ ...neutral, sentiment: -0.5 }, { ...frustrated, sentiment: -0.3 }))).toBe('dropping');
    expect(moodTrend(points(angry, confused))).toBe('improving');
  });

  it('reads a large sentiment step as a move and a small one as steady', () => {
    expect(moodTrend(points(angry, frustrated))).toBe('improving');
    expect(moodTrend(points(frustrated, angry))).toBe('dropping');
    expect(moodTrend(points(frustrated, { ...angry, sentiment: -0.5 }))).toBe('steady');
    expect(moodTrend(points(grateful, confused))).toBe('dropping');
    expect(moodTrend(points(neutral, { ...neutral, sentiment: 0.1 }))).toBe('steady');
  });

  it('compares the latest reading with the few before it, so an angry spell that eases a little still reads low', () => {
    // Against the angry message alone, frustrated is better; against the thankful start, it is down.
    expect(moodTrend(points(grateful, angry, frustrated))).toBe('dropping');
    expect(moodTrend(points(grateful, angry, angry, angry, frustrated))).toBe('improving');
  });
});

describe('moodSentence', () => {
  it('tells the trajectory in the words agents see, with the way it is going', () => {
    expect(moodSentence(points(grateful, angry, frustrated))).toBe('Mood: thankful → angry → frustrated, dropping');
  });

  it('tells a run of the same mood once, with how many messages', () => {
    expect(moodRuns(points(angry, angry, neutral))).toEqual([
      { label: 'angry', count: 2 },
      { label: 'neutral', count: 1 },
    ]);
    expect(moodSentence(points(angry, angry, neutral))).toBe('Mood: angry ×2 → calm, improving');
  });

  it('says nothing about the way it goes when it holds steady', () => {
    expect(moodSentence(points(neutral))).toBe('Mood: calm');
    expect(moodSentence(points(frustrated, { ...angry, sentiment: -0.5 }))).toBe('Mood: frustrated → angry');
  });

  it('names only the latest changes of a long conversation', () => {
    const long = points(grateful, angry, neutral, frustrated, confused, grateful, angry, neutral);
    expect(moodSentence(long, 3)).toBe('Mood: … → thankful → angry → calm, improving');
  });

  it('says when nothing has been read yet', () => {
    expect(moodSentence([])).toBe('Mood: not read yet');
  });
});

describe('sparkDots', () => {
  it('puts the oldest reading on the left and the happiest at the top, inside the padding', () => {
    const dots = sparkDots(points(grateful, neutral, angry), 100, 20, 2);
    expect(dots.map((d) => d.x)).toEqual([2, 50, 98]);
    expect(dots[0]!.y).toBeLessThan(dots[1]!.y);
    expect(dots[1]!.y).toBe(10);
    expect(dots[2]!.y).toBeGreaterThan(dots[1]!.y);
    expect(dots.map((d) => d.tone)).toEqual(['glad', 'calm', 'warm']);
  });

  it('keeps a reading beyond the scale inside the box', () => {
    const [dot] = sparkDots(points({ ...angry, sentiment: -3 }), 100, 20, 2);
    expect(dot).toMatchObject({ x: 98, y: 18 });
  });

  it('shows only the latest readings', () => {
    const many = points(...Array.from({ length: 20 }, () => neutral));
    expect(sparkDots(many, 100, 20, 2, 12)).toHaveLength(12);
  });
});
