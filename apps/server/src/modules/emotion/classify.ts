import { isUpsetEmotion } from '@warmline/shared';
import vader from 'vader-sentiment';
import { COURTESY_THANKS, type Cue, EMOJI_CUES, LOSS_CUES, SARCASM, WORD_CUES } from './cues/index.ts';
import type { Emotion, EmotionReading } from './emotions.ts';
import { prepareText } from './prepareText.ts';
import { isShouting } from './shouting.ts';

export { EMOTIONS, type Emotion, type EmotionReading } from './emotions.ts';

/** When two emotions score the same, the earlier one wins: an upset customer is not missed for a polite word. */
const TIE_ORDER: Emotion[] = ['angry', 'anxious', 'frustrated', 'sad', 'confused', 'grateful', 'delighted'];
/** An emotion needs at least this much evidence to beat `neutral`. */
const MIN_EVIDENCE = 1;
const NEUTRAL: EmotionReading = { emotion: 'neutral', sentiment: 0, upset: false };
/** Worry spoken of in the past is relief, not anxiety ("I was so worried, thank you"). */
const RELIEF =
  /\b(?:was|were|had been|i've been) (?:so |really |very |a bit )?(?:worried|scared|nervous|stressed|anxious)\b|\b(?:estaba|estaba muy) preocupad[oa]\b|\bnilikuwa na wasiwasi\b/;
/** A question or request in the message makes a closing "thanks" a courtesy rather than gratitude. */
const REQUEST =
  /\?|\b(?:can you|could you|would you|please|i need|i want|i'd like|let me know|por favor|podrian|pueden|quisiera|necesito|quiero|naomba|nataka)\b/;

/** The problem told as over ("we lost power but it's back now"): a loss then is news, not a complaint. */
const RESOLVED =
  /\b(?:it's|it is|all|everything's|everything is|now|it was|it's been|it has been|was|been|got) (?:back|sorted|fixed|resolved|working)(?: now| again)?\b|\b(?:back (?:on|up)|working again) now\b|\bya (?:esta|quedo) (?:resuelto|solucionado|arreglado)\b|\b(?:iko|kiko|ziko) sawa sasa\b/;
/** Each sentence that ends in a question mark. */
const QUESTIONS = /[^.!?\n]*\?/g;

type Scores = Record<Emotion, number>;

/** Reads how a customer feels from one message. Never throws; `neutral` when it cannot tell. */
export function classifyEmotion(text: string): EmotionReading {
  try {
    return typeof text === 'string' ? read(text) : NEUTRAL;
  } catch {
    return NEUTRAL;
  }
}

function read(text: string): EmotionReading {
  const { original, rewritten, lower } = prepareText(text);
  if (!/[\p{L}\p{Extended_Pictographic}]|[:;]-?[()D]/u.test(original)) return NEUTRAL;
  let compound = vader.SentimentIntensityAnalyzer.polarity_scores(rewritten).compound;
  const scores = scoreCues(original, lower);
  // A loss named in a question with no other sign of upset is the topic of the question ("does the warranty cover
  // water damage?", "which number for a lost card?"), not a complaint: then only the statements are read for it.
  const upsetCues = upsetEvidence(scores);
  if (compound <= 0 || upsetCues > 0) {
    const lossText = upsetCues > 0 ? lower : lower.replace(QUESTIONS, ' ');
    if (upsetCues > 0 || !RESOLVED.test(lower))
      for (const cue of LOSS_CUES) if (matches(cue, lossText)) scores[cue.emotion] += cue.weight;
  }

  const sarcastic = SARCASM.some((pattern) => pattern.test(lower));
  if (sarcastic) {
    scores.grateful = 0;
    scores.delighted = 0;
    scores.frustrated += 2.5;
    compound = -Math.max(0.4, Math.abs(compound));
  }
  if (RELIEF.test(lower)) scores.anxious = Math.max(0, scores.anxious - 2.5);
  if (COURTESY_THANKS.test(lower)) scores.grateful = Math.max(0, scores.grateful - 1.5);
  else if (scores.grateful < 2.5 && REQUEST.test(lower)) scores.grateful *= 0.5;

  addLexiconEvidence(scores, compound, lower);
  addIntensity(scores, original, lower, compound);

  const emotion = strongest(scores);
  return { emotion, sentiment: sentimentFor(emotion, scores[emotion], compound), upset: isUpsetEmotion(emotion) };
}

/**
 * The word cues in runs of 8, each run with one regular expression that matches wherever any of its cues would: most
 * messages match few cues, so one scan rules out a whole run and only the runs that pass are read cue by cue. The
 * scores are the same as reading every cue; it is only cheaper.
 */
const CUE_RUNS = Array.from({ length: Math.ceil(WORD_CUES.length / 8) }, (_, i) => {
  const cues = WORD_CUES.slice(i * 8, i * 8 + 8);
  return { any: new RegExp(cues.map((cue) => `(?:${cue.pattern.source})`).join('|')), cues };
});

function scoreCues(original: string, lower: string): Scores {
  const scores: Scores = { angry: 0, frustrated: 0, anxious: 0, confused: 0, sad: 0, grateful: 0, delighted: 0, neutral: 0 };
  for (const run of CUE_RUNS)
    if (run.any.test(lower)) for (const cue of run.cues) if (matches(cue, lower)) scores[cue.emotion] += cue.weight;
  for (const cue of EMOJI_CUES) if (cue.pattern.test(original)) scores[cue.emotion] += cue.weight;
  return scores;
}

/** Each cue's pattern compiled once with the `g` flag, to walk its occurrences. */
const globalPatterns = new Map<RegExp, RegExp>();

/** A cue matches when one of its occurrences is not negated by the words just before it. */
function matches(cue: Cue, lower: string): boolean {
  const global = globalPatterns.get(cue.pattern) ?? new RegExp(cue.pattern.source, 'g');
  globalPatterns.set(cue.pattern, global);
  global.lastIndex = 0;
  for (let m = global.exec(lower); m; m = global.exec(lower)) {
    if (!cue.negation?.test(lower.slice(Math.max(0, m.index - 40), m.index))) return true;
    if (m[0].length === 0) global.lastIndex++;
  }
  return false;
}

/** The lexicon's overall tone fills in where no customer-service cue spoke (a polite request is not delight). */
function addLexiconEvidence(scores: Scores, compound: number, lower: string): void {
  const upset = upsetEvidence(scores);
  if (compound <= -0.4 && upset === 0) scores.frustrated += 1;
  if (compound <= -0.75 && upset > 0) scores.angry += 1;
  if (compound >= 0.6 && upset === 0 && !REQUEST.test(lower)) scores.delighted += 1;
}

/** Shouting and repeated punctuation turn a complaint into anger, a question into confusion, praise into delight. */
function addIntensity(scores: Scores, original: string, lower: string, compound: number): void {
  const upset = upsetEvidence(scores);
  const positive = scores.grateful + scores.delighted;
  const negative = upset > 0 || compound < -0.05;
  const shouting = isShouting(original);
  const exclaims = /!{2,}|!\s*!/.test(original);
  const questions = /\?{2,}/.test(original);
  if (shouting) {
    if (negative || positive === 0) scores.angry += 3;
    else scores.delighted += 1;
  }
  if (exclaims) {
    // Exclamation sharpens a complaint into anger, but worry and sadness stay what they are, only stronger.
    if (negative && scores.anxious + scores.sad > scores.angry + scores.frustrated)
      scores[scores.anxious >= scores.sad ? 'anxious' : 'sad'] += 1;
    else if (negative) scores.angry += 1.5;
    else if (positive > 0) scores.delighted += 1;
  }
  if (questions || /\?!|!\?/.test(original)) {
    if (negative) scores.frustrated += 1;
    else scores.confused += 1.5;
  }
  if (/\bwhere(?:'s| is) my\b/.test(lower) && !questions && !shouting && upset === 0) scores.anxious += 0.5;
}

function upsetEvidence(scores: Scores): number {
  return scores.angry + scores.frustrated + scores.anxious + scores.sad;
}

function strongest(scores: Scores): Emotion {
  let best: Emotion = 'neutral';
  for (const emotion of TIE_ORDER) if (scores[emotion] > (best === 'neutral' ? 0 : scores[best])) best = emotion;
  return scores[best] >= MIN_EVIDENCE ? best : 'neutral';
}

/** The lexicon's score, kept on the side of the emotion read: an upset reading is never positive, a glad one never negative. */
function sentimentFor(emotion: Emotion, evidence: number, compound: number): number {
  const strength = 0.1 + 0.1 * Math.min(evidence, 5);
  let sentiment = compound;
  if (isUpsetEmotion(emotion) && sentiment > -0.1) sentiment = -strength;
  if ((emotion === 'grateful' || emotion === 'delighted') && sentiment < 0.1) sentiment = strength;
  return Math.round(Math.max(-1, Math.min(1, sentiment)) * 1000) / 1000;
}
