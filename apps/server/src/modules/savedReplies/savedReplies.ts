import { fillPlaceholders, PLACEHOLDERS, type SavedReply, unknownPlaceholders } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { iso, isoOrNull } from '../../core/db/rows.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../core/errors.ts';
import { conversationFor } from '../conversations/index.ts';
import { agents, teams } from '../teams/index.ts';
import { isShortcutTaken, type SavedReplyFields, type SavedReplyRecord, savedReplies } from './repository.ts';

export function presentSavedReply(r: SavedReplyRecord): SavedReply {
  return {
    id: r.id,
    shortcut: r.shortcut,
    title: r.title,
    body: r.body,
    team: r.teamId ? { id: r.teamId, name: r.teamName ?? '' } : null,
    uses: r.uses,
    lastUsedAt: isoOrNull(r.lastUsedAt),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

/** Every agent uses saved replies; supervisors and admins keep the list. */
function mayKeep(actor: AgentActor): void {
  if (actor.role === 'agent') throw new Forbidden('Only supervisors and admins can change saved replies.');
}

/** Refuses what a reply cannot hold: an unknown placeholder, a team not of this workspace. A shortcut in use is the unique index's to refuse. */
async function checked(sql: Sql, actor: AgentActor, fields: SavedReplyFields): Promise<SavedReplyFields> {
  const unknown = unknownPlaceholders(fields.body);
  if (unknown.length) {
    const known = Object.keys(PLACEHOLDERS).map((p) => `{{${p}}}`);
    throw new Invalid(
      `body: unknown ${unknown.length === 1 ? 'placeholder' : 'placeholders'} ${unknown.join(', ')}; use ${known.join(', ')}`,
      { unknown, known },
    );
  }
  if (fields.teamId && !(await teams.byId(sql, actor.workspaceId, fields.teamId))) throw new NotFound('Team');
  return fields;
}

/** The shortcut is another reply's (the unique index said so): which one, in words the admin can act on. */
async function shortcutTaken(sql: Sql, actor: AgentActor, shortcut: string): Promise<Conflict> {
  const title = (await savedReplies.byShortcut(sql, actor.workspaceId, shortcut))?.title;
  return new Conflict(`shortcut: /${shortcut} is already used${title ? ` by “${title}”` : ''}; pick another`, { shortcut });
}

/** The saved replies this agent may use: everyone's, and those of their teams. */
export async function listSavedReplies(services: Services, actor: AgentActor): Promise<SavedReply[]> {
  return (await savedReplies.visible(services.db, actor.workspaceId, actor)).map(presentSavedReply);
}

export async function createSavedReply(
  services: Services,
  actor: AgentActor,
  input: { shortcut: string; title: string; body: string; teamId?: string | null | undefined },
): Promise<SavedReply> {
  mayKeep(actor);
  const fields = await checked(services.db, actor, { ...input, teamId: input.teamId ?? null });
  const id = await savedReplies.create(services.db, actor.workspaceId, fields, { agentId: actor.agentId, at: services.now() });
  if (!id) throw await shortcutTaken(services.db, actor, fields.shortcut);
  return presentSavedReply((await savedReplies.byIdFor(services.db, actor.workspaceId, id, actor))!);
}

export async function updateSavedReply(
  services: Services,
  actor: AgentActor,
  id: string,
  patch: Partial<{ shortcut: string; title: string; body: string; teamId: string | null }>,
): Promise<SavedReply> {
  mayKeep(actor);
  const current = await savedReplies.byIdFor(services.db, actor.workspaceId, id, actor);
  if (!current) throw new NotFound('Saved reply');
  const fields = await checked(services.db, actor, {
    shortcut: patch.shortcut ?? current.shortcut,
    title: patch.title ?? current.title,
    body: patch.body ?? current.body,
    teamId: patch.teamId === undefined ? current.teamId : patch.teamId,
  });
  try {
    await savedReplies.update(services.db, actor.workspaceId, current.id, fields, services.now());
  } catch (error) {
    if (isShortcutTaken(error)) throw await shortcutTaken(services.db, actor, fields.shortcut);
    throw error;
  }
  return presentSavedReply((await savedReplies.byIdFor(services.db, actor.workspaceId, current.id, actor))!);
}

export async function removeSavedReply(services: Services, actor: AgentActor, id: string): Promise<void> {
  mayKeep(actor);
  if (!(await savedReplies.remove(services.db, actor.workspaceId, id))) throw new NotFound('Saved reply');
}

/**
 * A saved reply filled for one conversation: its customer's name (or "there") and the agent using it; the use is
 * counted. The text goes to the composer, where the agent may still change it before sending.
 */
export async function useSavedReply(
  services: Services,
  actor: AgentActor,
  input: { savedReplyId: string; conversationId: string },
): Promise<{ text: string; savedReply: SavedReply }> {
  const reply = await savedReplies.byIdFor(services.db, actor.workspaceId, input.savedReplyId, actor);
  if (!reply) throw new NotFound('Saved reply');
  const conversation = await conversationFor(services.db, actor, input.conversationId);
  const me = await agents.byId(services.db, actor.workspaceId, actor.agentId);
  const text = fillPlaceholders(reply.body, {
    customer: { name: conversation.customerName },
    agent: { name: me?.displayName ?? '' },
  });
  const at = services.now();
  await savedReplies.countUse(services.db, actor.workspaceId, reply.id, at);
  return { text, savedReply: presentSavedReply({ ...reply, uses: reply.uses + 1, lastUsedAt: at }) };
}
