export const EMOTIONS = ['angry', 'frustrated', 'anxious', 'confused', 'sad', 'grateful', 'delighted', 'neutral'] as const;
export type Emotion = (typeof EMOTIONS)[number];
/** How a customer feels in one message: the emotion, a sentiment in [-1, 1], and whether they are upset. */
export interface EmotionReading {
  emotion: Emotion;
  sentiment: number;
  upset: boolean;
}
