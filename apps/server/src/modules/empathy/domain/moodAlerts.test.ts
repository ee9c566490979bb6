import { describe, expect, it } from 'vitest';
import { type MoodPoint, moodAlertsFor } from './moodAlerts.ts';

const calm: MoodPoint = { label: 'neutral', sentiment: 0.1, upset: false };
const glad: MoodPoint = { label: 'grateful', sentiment: 0.7, upset: false };
const cross: MoodPoint = { label: 'frustrated', sentiment: -0.4, upset: true };
const angry: MoodPoint = { label: 'angry', sentiment: -0.7, upset: true };

describe('mood alerts', () => {
  it('tells of a sharp drop into upset', () => {
    expect(moodAlertsFor([glad, angry])).toEqual([{ kind: 'mood_drop', text: 'Mood dropped sharply: from thankful to angry' }]);
  });

  it('stays quiet for a small dip, for calm messages, and for no history', () => {
    expect(moodAlertsFor([{ label: 'neutral', sentiment: -0.1, upset: false }, cross])).toEqual([]);
    expect(moodAlertsFor([angry, calm])).toEqual([]);
    expect(moodAlertsFor([])).toEqual([]);
    expect(moodAlertsFor([angry])).toEqual([]);
  });

  it('tells once when a customer stays upset for three messages', () => {
    expect(moodAlertsFor([calm, cross, angry])).toEqual([]);
    expect(moodAlertsFor([calm, cross, angry, cross])).toEqual([
      { kind: 'upset_streak', text: 'Upset for 3 messages in a row (frustrated, angry, frustrated)' },
    ]);
    expect(moodAlertsFor([cross, angry, cross])).toHaveLength(1);
    // The fourth upset message in a row is the same streak: no second alert.
    expect(moodAlertsFor([calm, cross, angry, cross, angry])).toEqual([]);
  });
});
