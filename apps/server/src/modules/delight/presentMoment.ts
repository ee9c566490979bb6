import { type DelightMoment, Emotion, firstNameOf } from '@warmline/shared';
import { iso } from '../../core/db/rows.ts';
import type { MomentRecord } from './repository/moments.ts';

/** A moment as agents and walls read it: the customer's first name only, never a surname or a contact. */
export function presentMoment(m: MomentRecord): DelightMoment {
  const feeling = Emotion.safeParse(m.feeling);
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    surveyResponseId: m.surveyResponseId,
    words: m.words,
    csat: m.csat,
    feeling: feeling.success ? feeling.data : null,
    source: m.source,
    status: m.status,
    customerFirstName: firstNameOf(m.customerName),
    agent: m.agentId ? { id: m.agentId, name: m.agentName ?? '', avatarUrl: m.agentAvatarUrl } : null,
    decidedBy: m.decidedById ? { id: m.decidedById, name: m.decidedByName ?? '' } : null,
    team: m.teamId ? { id: m.teamId, name: m.teamName ?? '' } : null,
    createdAt: iso(m.createdAt),
  };
}
