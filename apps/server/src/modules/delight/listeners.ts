import { isDelightfulAnswer, isDelightfulReading } from '@warmline/shared';
import type { Services } from '../../core/context.ts';
import { listener } from '../../core/listeners.ts';
import { readEmotion } from '../emotion/index.ts';
import { moments } from './repository/moments.ts';

/**
 * A customer message that reads delighted, or strongly grateful, is suggested as a moment of delight for the
 * conversation's agent to keep or dismiss. Only such messages reach the database here; one moment per message, ever.
 */
export const suggestDelightfulMessages = listener(
  'suggestDelightfulMessages',
  'entry.appended',
  async (services: Services, events) => {
    const warm = events.flatMap(({ workspaceId, entry }) =>
      entry.kind === 'message' && entry.direction === 'in' && entry.emotion && isDelightfulReading(entry.body, entry.emotion)
        ? [{ workspaceId, conversationId: entry.conversationId, seq: entry.seq }]
        : [],
    );
    if (warm.length) await moments.suggestMessages(services.db, warm, services.now());
  },
);

/** A survey answered 5 of 5, delighted, or with a warm comment is suggested, once per answer. */
export const suggestDelightfulAnswers = listener(
  'suggestDelightfulAnswers',
  'survey.answered',
  async (services: Services, events) => {
    for (const e of events) {
      const reading = e.comment ? readEmotion(e.comment) : null;
      if (isDelightfulAnswer(e, reading)) await moments.suggestAnswer(services.db, e.workspaceId, e.responseId, services.now());
    }
  },
);

export const delightListeners = [suggestDelightfulMessages, suggestDelightfulAnswers];
