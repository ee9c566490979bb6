import { describe, expect, it } from 'vitest';
import { type EffortMessage, effortOf } from './effort.ts';

const asked = (c: string, at: number, words: string, channel = 'chat'): EffortMessage => ({ c, asked: true, channel, at, words });
const answered = (c: string, at: number): EffortMessage => ({ c, asked: false, channel: 'chat', at, words: null });

describe('the effort we cause, per conversation', () => {
  it('a wait runs from the first unanswered customer message to the next message a person wrote', () => {
    const effort = effortOf([
      asked('a', 0, 'h1'),
      asked('a', 10_000, 'h2'),
      answered('a', 90_000),
      answered('a', 95_000),
      asked('a', 100_000, 'h3'),
    ]);
    expect(effort.get('a')).toEqual({ repeats: 0, switches: 0, waits: [90_000] });
  });

  it('saying the same thing again is a repeat, saying nothing twice is not; a new channel is a switch', () => {
    const empty = 'd41d8cd98f00b204e9800998ecf8427e';
    const effort = effortOf([
      asked('a', 0, 'same'),
      asked('a', 1, empty),
      asked('a', 2, empty),
      asked('a', 3, 'same', 'email'),
      asked('a', 4, 'other', 'email'),
      asked('b', 5, 'same', 'sms'),
    ]);
    expect(effort.get('a')).toMatchObject({ repeats: 1, switches: 1 });
    expect(effort.get('b')).toEqual({ repeats: 0, switches: 0, waits: [] });
  });
});
