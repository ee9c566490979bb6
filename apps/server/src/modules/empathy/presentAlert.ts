import type { Alert } from '@warmline/shared';
import { iso, isoOrNull } from '../../core/db/rows.ts';
import type { AlertRecord } from './alertsRepository.ts';

export function presentAlert(a: AlertRecord): Alert {
  return {
    id: a.id,
    kind: a.kind,
    conversationId: a.conversationId,
    customerName: a.customerName,
    text: a.text,
    createdAt: iso(a.createdAt),
    acknowledgedAt: isoOrNull(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy
      ? { id: a.acknowledgedBy, displayName: a.acknowledgedByName ?? 'Someone', avatarUrl: a.acknowledgedByAvatarUrl }
      : null,
  };
}
