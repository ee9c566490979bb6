import type { Victim } from './victim.ts';

/** Moments of delight and teams' walls: the victim's member marked the restricted conversation's first message. */
export const DELIGHT_CASES = {
  'GET /api/v1/conversations/:id/delight': { shows: (v: Victim) => [v.ids.momentId] },
  'POST /api/v1/conversations/:id/delight': { insider: 'member' as const, body: () => ({ seq: 1, keep: true }) },
  'PATCH /api/v1/delight/moments/:id': { insider: 'member' as const, body: () => ({ status: 'kept' }) },
  'GET /api/v1/delight/walls': { shows: (v: Victim) => [v.ids.teamId] },
  'GET /api/v1/delight/walls/:id': { shows: (v: Victim) => [v.ids.momentId, v.secrets.ofTheConversation[2]!] },
  'POST /api/v1/delight/walls/:id/share': {},
  'DELETE /api/v1/delight/walls/:id/share': {},
};
