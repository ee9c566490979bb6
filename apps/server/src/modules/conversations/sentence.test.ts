import { describe, expect, it } from 'vitest';
import { asSentence } from './sentence.ts';

describe('asSentence', () => {
  it('ends a sentence with one full stop, never two', () => {
    expect(asSentence('Bo handles refunds')).toBe('Bo handles refunds.');
    expect(asSentence('Jonas will take it from here.')).toBe('Jonas will take it from here.');
    expect(asSentence('Jonas will take it from here..  ')).toBe('Jonas will take it from here.');
  });

  it('keeps an ending of the writer’s own', () => {
    expect(asSentence('She knows cakes!')).toBe('She knows cakes!');
    expect(asSentence('Can she help?')).toBe('Can she help?');
    expect(asSentence('More soon…')).toBe('More soon…');
    expect(asSentence('More soon...')).toBe('More soon...');
  });
});
