import { type Emotion, type EmotionReading, isUpsetEmotion } from '@warmline/shared';
import type { Sql } from '../../core/db/client.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import { conversations } from '../conversations/index.ts';
import { type MoodPoint, moodAlertsFor, STREAK } from './domain/moodAlerts.ts';
import { serviceFailureIn } from './domain/serviceFailure.ts';
import { raiseAlert } from './raiseAlert.ts';
import { startRecovery } from './recovery.ts';

/** A customer message just stored that read as upset. */
export interface UpsetMessage {
  workspaceId: string;
  conversationId: string;
  body: string;
  reading: EmotionReading;
}

/**
 * After upset customer messages are stored, in the same transaction: tell supervisors when a mood drops
 * sharply or stays upset (domain/emotion/moodAlerts.ts), and flag a service failure when an angry customer
 * writes about loss or damage. Calm messages never come here, so the message path pays only for upset ones.
 */
export async function watchMood(tx: Sql, messages: UpsetMessage[], events: WarmlineEvent[]): Promise<void> {
  const latest = new Map<string, UpsetMessage>();
  for (const m of messages) latest.set(m.conversationId, m);
  // Each conversation's last few customer readings, oldest first, for all of them in one statement.
  const rows = await tx.query<{ conversationId: string; label: Emotion; sentiment: number }>(
    `select k.id as "conversationId", last.emotion as label, last.sentiment
     from unnest($1::uuid[]) as k(id)
     cross join lateral (select emotion, sentiment, seq from entries
       where conversation_id = k.id and kind = 'message' and direction = 'in' and emotion is not null
       order by seq desc limit ${STREAK + 1}) last
     order by k.id, last.seq`,
    [[...latest.keys()]],
  );
  const readings = new Map<string, MoodPoint[]>();
  for (const r of rows) {
    const points = readings.get(r.conversationId) ?? [];
    points.push({ label: r.label, sentiment: r.sentiment, upset: isUpsetEmotion(r.label) });
    readings.set(r.conversationId, points);
  }
  for (const m of latest.values()) {
    const recent = readings.get(m.conversationId) ?? [];
    for (const alert of moodAlertsFor(recent)) {
      await raiseAlert(tx, m.workspaceId, { conversationId: m.conversationId, ...alert }, events);
    }
    const failure = serviceFailureIn(m.body, m.reading);
    if (failure) {
      const conversation = await conversations.byId(tx, m.workspaceId, m.conversationId);
      if (conversation && !conversation.serviceFailure) {
        await startRecovery(
          tx,
          { kind: 'system', workspaceId: m.workspaceId },
          conversation,
          `The customer wrote of it: ${failure}`,
          events,
        );
      }
    }
  }
}
