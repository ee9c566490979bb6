import { ImapMailboxesResponse, type ImapMailboxState } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { InboundImapSettings } from '../../core/config.ts';
import type { AgentActor, Services } from '../../core/context.ts';
import { Forbidden } from '../../core/errors.ts';
import { route } from '../../core/http/route.ts';
import { imapMailboxes } from '../../modules/conversations/index.ts';
import { workspaces } from '../../modules/workspaces/index.ts';
import { type ImapReader, type ImapReaderOptions, startImapReader } from './imapReader.ts';

/** Every configured mailbox's reader on this node: each reads only while it holds its mailbox's lease. */
export interface ImapReaders {
  readers: ImapReader[];
  stop(): Promise<void>;
}

/** Starts a reader for each mailbox of INBOUND_IMAP_MAILBOXES (on the nodes that run jobs). */
export function startImapReaders(
  services: Services,
  settings: InboundImapSettings,
  opts: Omit<ImapReaderOptions, 'pollSeconds'>,
): ImapReaders {
  const readers = settings.mailboxes.map((mailbox) =>
    startImapReader(services, mailbox, { ...opts, pollSeconds: settings.pollSeconds }),
  );
  return { readers, stop: async () => void (await Promise.all(readers.map((r) => r.stop()))) };
}

/** The workspace's mailboxes read by IMAP, as configured, with how each went last: what an admin's settings show. */
export async function mailboxStates(services: Services, actor: AgentActor): Promise<ImapMailboxState[]> {
  if (actor.role !== 'admin') throw new Forbidden('Only admins can see the mailboxes.');
  const workspace = await workspaces.byId(services.db, actor.workspaceId);
  const configured = (services.config.inboundImap?.mailboxes ?? []).filter((m) => m.workspaceKey === workspace?.key);
  const rows = await imapMailboxes.ofWorkspace(services.db, actor.workspaceId);
  return configured.map((mailbox) => {
    const row = rows.find((r) => r.name === mailbox.name);
    return {
      name: mailbox.name,
      status: row?.checkedAt ? row.status : 'not_read_yet',
      problem: row?.problem ?? null,
      checkedAt: row?.checkedAt?.toISOString() ?? null,
      failingSince: row?.failingSince?.toISOString() ?? null,
      read: row?.held ?? false,
    };
  });
}

/** GET /api/v1/email/mailboxes, for admins. */
export function emailMailboxRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/email/mailboxes',
    tag: 'email',
    summary: 'The mailboxes read by IMAP and how each is going: reading, its sign-in refused (a changed password), unreachable',
    auth: 'agent',
    responses: { 200: ImapMailboxesResponse },
    handler: async ({ actor }) => ({ mailboxes: await mailboxStates(services, actor) }),
  });
}
