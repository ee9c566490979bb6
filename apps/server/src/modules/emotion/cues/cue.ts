import type { Emotion } from '../emotions.ts';

/** A phrase customers use that points to a feeling; a cue with a `negation` does not count right after one. */
export interface Cue {
  pattern: RegExp;
  emotion: Emotion;
  weight: number;
  /** Words that turn this cue around when they come within three words before it ("not worried", "no estoy enojado"). */
  negation?: RegExp;
}

/**
 * English negation, and the Swahili and Spanish words that mean "not" in a message that mixes languages ("sio
 * worried", "nunca happy"). Each language's own cues carry their own list (cues/sw.ts, cues/es.ts): Swahili "ni"
 * is "is", Spanish "ni" is "nor", and "si" is "am not" in one and "if" (or "sí", yes) in the other. The scope of
 * a negation ends at punctuation: in "without warning. Disgusting" the disgust stands.
 */
export const NEGATION_BEFORE =
  /(?:\bnot|\bnever|\bno|n't|\bwithout|\bhardly|\bnothing|\bsio|\bsiyo|\bsina|\bhapana|\bnunca|\bjamas|\btampoco)\s+(?:[^\s.!?;:,]+\s+){0,2}$/;

export const cue = (emotion: Emotion, weight: number, patterns: RegExp[], negation: RegExp | boolean = false): Cue[] =>
  patterns.map((pattern) => ({
    pattern,
    emotion,
    weight,
    negation: negation === true ? NEGATION_BEFORE : negation === false ? undefined : negation,
  }));
