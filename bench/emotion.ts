import fs from 'node:fs';
import path from 'node:path';
import vader from 'vader-sentiment';
import { classifyEmotion } from '../apps/server/src/modules/emotion/classify.ts';
import { type CoachContext, coachReply } from '../packages/shared/src/coach.ts';
import type { Figure } from './index.ts';
import { percentile, root } from './serverProcess.ts';
import { round } from './size.ts';

const RUN_MS = 3_000;

/**
 * emotion.throughput: messages classified per second on one core; baseline: vader's polarity score alone.
 * coach.latency_p99: one reply coach call on a draft; baseline: a bare search for "sorry" in the same drafts.
 */
export async function emotionBenchmarks(): Promise<Figure[]> {
  return [emotionThroughput(), coachLatency()];
}

function emotionThroughput(): Figure {
  const texts = ['messages.jsonl', 'holdout.jsonl'].flatMap((file) =>
    fs
      .readFileSync(path.join(root, 'evaluation/emotion', file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
  const rate = (fn: (text: string) => unknown) => {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < RUN_MS) {
      for (const text of texts) fn(text);
      n += texts.length;
    }
    return (n / (performance.now() - t0)) * 1000;
  };
  rate(classifyEmotion); // warm up
  const value = rate(classifyEmotion);
  const baseline = rate((text) => vader.SentimentIntensityAnalyzer.polarity_scores(text));
  return {
    bench: 'emotion.throughput',
    value: round(value, 0),
    unit: 'msg/s',
    baseline: round(baseline, 0),
    ratio: round(value / baseline),
    notes: `classifyEmotion over the ${texts.length} evaluation messages for ${RUN_MS / 1000} s on one core; baseline: vader-sentiment's polarity score alone`,
  };
}

/** Replies as agents write them: good ones, slips of every kind, other languages, and a few very long ones. */
const DRAFTS = [
  "I'm so sorry, Tomás — that's on us. I've put a fresh box on today's delivery, no charge.",
  'Hi Sam, thanks for getting in touch. Could you send me your order number so I can find it?',
  'Thanks! I can see the order now. It left our bakery at 7:10 and the driver is about 20 minutes away.',
  'Good news: the refund went through this morning. Banks usually show it within 3 working days.',
  "I've changed the delivery address to 14 Mill Lane. You'll get a new confirmation email in a minute.",
  'The engineer is booked for Monday between 8 and 12. I’ll text you when they’re on the way.',
  "I'm afraid the sourdough is sold out today, but I can hold one for you tomorrow morning.",
  'I understand — let me check what happened with the payment. Back in two minutes.',
  'As per our policy, refunds take 14 days to process.',
  'You should have checked the size guide before ordering.',
  'As I already said, the engineer comes on Monday.',
  "It's not our fault the courier was late. Please calm down.",
  'Your ticket was escalated to L2 and the backend team will check the SKU.',
  'PLEASE DO NOT OPEN THE BOX UNTIL THE ENGINEER ARRIVES',
  "Unfortunately there's nothing we can do about that.",
  'It will be looked into and someone will get back to you soon.',
  "I'll check with the courier and let you know.",
  'Your order is on its way and should arrive on Thursday.',
  'That must be worrying. Your card is frozen, nobody can use it, and I will call you at 4 pm.',
  'Pole sana kwa usumbufu, tutakutumia bidhaa mpya kesho.',
  'Lo siento mucho, no es posible cambiar la fecha.',
  'Asante sana! Karibu tena.',
  'Ok',
  '',
];
const CONTEXTS: CoachContext[] = [
  { customerEmotion: 'angry', customerUpset: true, serviceFailure: true },
  { customerEmotion: 'frustrated', customerUpset: true },
  { customerEmotion: 'anxious', customerUpset: true },
  { customerEmotion: 'sad', customerUpset: true },
  { customerEmotion: 'neutral', customerUpset: false },
  { customerEmotion: 'grateful', customerUpset: false },
  { customerEmotion: null, customerUpset: false },
];

function coachLatency(): Figure {
  const paragraph = 'We checked your meter readings for the last year and everything looks right to us. ';
  const long = [2_000, 20_000, 100_000].map((n) => `${paragraph.repeat(Math.ceil(n / paragraph.length))}It will be looked into.`);
  const drafts = [...DRAFTS, ...long];
  const longest = drafts.length - 1;
  const timings = (fn: (draft: string, context: CoachContext) => unknown) => {
    const all: number[] = [];
    const onLongest: number[] = [];
    const t0 = performance.now();
    for (let round = 0; performance.now() - t0 < RUN_MS; round++) {
      drafts.forEach((draft, i) => {
        const context = CONTEXTS[(round + i) % CONTEXTS.length]!;
        const started = performance.now();
        fn(draft, context);
        const ms = performance.now() - started;
        all.push(ms);
        if (i === longest) onLongest.push(ms);
      });
    }
    return { all, onLongest };
  };
  timings(coachReply); // warm up
  const { all: coach, onLongest } = timings(coachReply);
  const { all: bare } = timings((draft) => draft.toLowerCase().includes('sorry'));
  const p99 = percentile(coach, 99);
  const baseline = percentile(bare, 99);
  return {
    bench: 'coach.latency_p99',
    value: round(p99, 3),
    unit: 'ms',
    baseline: round(baseline, 3),
    ratio: round(p99 / baseline),
    notes: `coachReply per call over ${drafts.length} drafts (${long.length} of 2k–100k characters) × 7 customer moods, ${coach.length} calls; p50 ${round(percentile(coach, 50), 4)} ms, max ${round(percentile(coach, 100), 2)} ms; the 100k-character draft p50 ${round(percentile(onLongest, 50), 2)} ms; target ≤ 5 ms; baseline: draft.toLowerCase().includes('sorry') on the same drafts`,
  };
}
