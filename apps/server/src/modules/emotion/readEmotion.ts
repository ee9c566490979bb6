import type { EmotionReading } from '@warmline/shared';
import { classifyEmotion } from './classify.ts';

/** How a customer's message reads, in the shape entries carry. */
export function readEmotion(body: string): EmotionReading {
  const reading = classifyEmotion(body);
  return { label: reading.emotion, sentiment: reading.sentiment, upset: reading.upset };
}
