import { describe, expect, it } from 'vitest';
import { readEmotion } from '../../emotion/index.ts';
import { serviceFailureIn } from './serviceFailure.ts';

const read = (text: string) => serviceFailureIn(text, readEmotion(text));

describe('service failure rule', () => {
  it('flags an angry or frustrated customer writing about loss, damage or money', () => {
    expect(read('This is ridiculous, my order NEVER ARRIVED and nobody answers!!')).toBe('never arrived');
    expect(read('The cake was completely smashed when it got here. Unacceptable.')).toBe('damaged');
    expect(read('You charged me twice for the same order, I am furious')).toBe('charged wrongly');
    expect(read('Third time asking: the parcel didn’t arrive, this is terrible service')).toBe('did not arrive');
  });

  it('leaves calm or happy mentions alone', () => {
    expect(read('No worries if the parcel is lost, thanks for checking!')).toBeNull();
    expect(read('Is the rye bread still available tomorrow?')).toBeNull();
    expect(serviceFailureIn('my order never arrived', { label: 'anxious', sentiment: -0.3, upset: true })).toBeNull();
  });
});
