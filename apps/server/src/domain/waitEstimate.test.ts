import { describe, expect, it } from 'vitest';
import { estimateWait } from './waitEstimate.ts';

describe('estimateWait', () => {
  it('names the person who is already assigned', () => {
    const w = estimateWait({ agentsAvailable: 1, queueAhead: 0, averagePickupSeconds: 90, assigneeName: 'Amina' });
    expect(w.text).toBe('Amina will be with you in about a minute.');
  });

  it('gives no number when nobody is available, and offers to leave a message', () => {
    const w = estimateWait({ agentsAvailable: 0, queueAhead: 3, averagePickupSeconds: 90, assigneeName: null });
    expect(w.seconds).toBeNull();
    expect(w.text).toMatch(/Leave us a message/);
  });

  it('grows with the queue ahead and shrinks with more people on shift', () => {
    const one = estimateWait({ agentsAvailable: 1, queueAhead: 3, averagePickupSeconds: 120, assigneeName: null });
    const two = estimateWait({ agentsAvailable: 2, queueAhead: 3, averagePickupSeconds: 120, assigneeName: null });
    expect(one.seconds).toBe(480);
    expect(two.seconds).toBe(240);
    expect(one.text).toBe('A person will be with you in about 8 minutes.');
  });

  it('never promises less than a minute', () => {
    const w = estimateWait({ agentsAvailable: 5, queueAhead: 0, averagePickupSeconds: 10, assigneeName: null });
    expect(w.seconds).toBe(60);
    expect(w.text).toBe('A person will be with you in about 1 minute.');
  });
});
