import type { Cue } from './cue.ts';
import { EN_FEELING_CUES, EN_LOSS_CUES, EN_WORD_CUES } from './en.ts';
import { EN_SITUATION_CUES } from './enSituations.ts';
import { ES_CUES } from './es.ts';
import { SW_CUES } from './sw.ts';

export { type Cue, NEGATION_BEFORE } from './cue.ts';
export { COURTESY_THANKS, EMOJI_CUES, SARCASM } from './en.ts';

/** Every word cue, in English, Swahili and Spanish; a message mixing languages is read in all of them. */
export const WORD_CUES: Cue[] = [...EN_WORD_CUES, ...EN_FEELING_CUES, ...EN_SITUATION_CUES, ...SW_CUES, ...ES_CUES];
export const LOSS_CUES: Cue[] = EN_LOSS_CUES;
