import { afterCommit, type Services } from '../../core/context.ts';
import type { Sql } from '../../core/db/client.ts';
import { NotFound } from '../../core/errors.ts';
import type { WarmlineEvent } from '../../core/events.ts';
import {
  appendCustomerEmail,
  type ConversationRecord,
  conversations,
  inboundEmails,
  workspaceOfSignedConversation,
} from '../../modules/conversations/index.ts';
import { customers, normaliseEmail } from '../../modules/customers/index.ts';
import { type ReceivedFile, recordReceivedFiles } from '../../modules/files/index.ts';
import { teams } from '../../modules/teams/index.ts';
import { workspaces } from '../../modules/workspaces/index.ts';
import { scheduleAcknowledgement } from './acknowledgementJob.ts';
import { type AutomaticKind, automaticInWords, automaticKind, isLooping, LOOP_WINDOW_MS } from './automaticEmail.ts';
import { chooseFiles, letGoOfFiles, type RefusedFile, refusedInWords, storeEmailFiles } from './emailFiles.ts';
import { clientIdOf, dedupeKeyOf, type ReadEmail, readEmail } from './readEmail.ts';
import { conversationOfReplyAddress, conversationsInOurMessageIds, type ThreadCandidate, threadFor } from './threading.ts';

/** Where an email addressed to us lands: a workspace (and team) by its address, or a conversation by its reply token. */
export interface EmailTarget {
  workspaceId: string;
  teamId: string | null;
  tokenConversationId: string | null;
}

/** What became of one received email. */
export type ReceivedEmail =
  | { outcome: 'stored'; conversationId: string; entryId: string; flags: string[] }
  | { outcome: 'duplicate' }
  /** A mailing loop: kept raw, not shown. */
  | { outcome: 'loop' };

/** Whether a recipient is one of ours: a configured address, or a reply address this server signed. */
export function isOurRecipient(services: Services, recipient: string): boolean {
  const address = recipient.trim().toLowerCase();
  return (
    Boolean(services.config.inboundSmtp?.addresses.some((a) => a.address === address)) ||
    conversationOfReplyAddress(services.secretKey, address) !== null
  );
}

/** Where mail to an address (or in a mailbox) lands: a workspace by its key, and one of its teams if named. */
export interface MailDestination {
  workspaceKey: string;
  teamId: string | null;
}

async function destinationTarget(services: Services, to: MailDestination): Promise<EmailTarget | null> {
  const workspace = await workspaces.byKey(services.db, to.workspaceKey);
  if (!workspace) return null;
  const team = to.teamId ? await teams.byId(services.db, workspace.id, to.teamId) : null;
  return { workspaceId: workspace.id, teamId: team?.id ?? null, tokenConversationId: null };
}

/**
 * The first recipient that names a conversation (its reply token) wins; else the mailbox the email was read from, or
 * the first configured address. A mailbox's email follows a reply token only into the mailbox's own workspace.
 */
async function targetOf(services: Services, recipients: string[], mailbox?: MailDestination): Promise<EmailTarget | null> {
  const fixed = mailbox ? await destinationTarget(services, mailbox) : null;
  if (mailbox && !fixed) return null;
  for (const recipient of recipients) {
    const conversationId = conversationOfReplyAddress(services.secretKey, recipient);
    const workspaceId = conversationId ? await workspaceOfSignedConversation(services.db, conversationId) : null;
    if (workspaceId && (!fixed || fixed.workspaceId === workspaceId)) {
      return { workspaceId, teamId: null, tokenConversationId: conversationId };
    }
  }
  if (fixed) return fixed;
  for (const recipient of recipients) {
    const mapped = services.config.inboundSmtp?.addresses.find((a) => a.address === recipient.trim().toLowerCase());
    const target = mapped ? await destinationTarget(services, mapped) : null;
    if (target) return target;
  }
  return null;
}

/**
 * Receives one email: kept raw, then, in the same transaction, its sender resolved to a customer, threaded, and
 * stored as a message by the one storage path, carrying its files (emailFiles.ts: their bytes stored just before,
 * let go again if the transaction fails). Resolves only once committed (the receiver answers 250 then); a database
 * or file storage that is down rejects, and the receiver answers 451 so the sending server tries again. `mailbox` is where
 * an email read by IMAP was found (imapReader.ts); the SMTP receiver goes by the recipients.
 */
export async function receiveEmail(
  services: Services,
  input: { raw: Buffer; envelopeFrom: string | null; recipients: string[]; mailbox?: MailDestination },
): Promise<ReceivedEmail> {
  const target = await targetOf(services, input.recipients, input.mailbox);
  if (!target) throw new NotFound('Mailbox');
  const email = await readEmail(input.raw);
  const sender = normaliseEmail(email.from?.address ?? '') ?? normaliseEmail(input.envelopeFrom ?? '');
  const automatic = email.unreadable ? null : automaticKind(email.headers, input.envelopeFrom, sender);
  const dedupeKey = dedupeKeyOf(email, sender ?? '', input.raw);
  // Its files' bytes go to the file storage first: one that cannot be stored fails the email, nothing recorded.
  const { keep, refused } = chooseFiles(email.files);
  const files = await storeEmailFiles(services, keep);
  const events: WarmlineEvent[] = [];
  const received = await storeEmail(
    services,
    target,
    {
      raw: input.raw,
      email,
      sender,
      automatic,
      dedupeKey,
      files,
      filesNotKept: refused.length ? { text: refusedInWords(refused)!, files: refused } : null,
    },
    events,
  ).catch(async (err: unknown) => {
    await letGoOfFiles(services, files);
    throw err;
  });
  // A copy already stored, or a loop: only the raw email is kept.
  if (received.outcome !== 'stored') await letGoOfFiles(services, files);
  await afterCommit(services, events);
  return received;
}

/** What receiveEmail read of one email, for the transaction that stores it. */
interface EmailToStore {
  raw: Buffer;
  email: ReadEmail;
  sender: string | null;
  automatic: AutomaticKind | null;
  dedupeKey: string;
  /** Its files, their bytes already stored. */
  files: ReceivedFile[];
  /** Those refused (too large, too many), said on the timeline. */
  filesNotKept: { text: string; files: RefusedFile[] } | null;
}

/** One transaction: the email kept raw, its sender resolved, threaded, and stored with its files by the one path. */
function storeEmail(services: Services, target: EmailTarget, input: EmailToStore, events: WarmlineEvent[]) {
  const { email, sender, automatic, dedupeKey } = input;
  return services.db.transaction(async (tx): Promise<ReceivedEmail> => {
    const { workspaceId } = target;
    const kept = await inboundEmails.keep(tx, {
      workspaceId,
      dedupeKey,
      messageId: email.messageId,
      sender: sender ?? '',
      subject: email.subject,
      html: email.html,
      flags: [],
      automatic: automatic !== null,
      raw: input.raw,
    });
    if (!kept) return { outcome: 'duplicate' };
    if (sender) {
      // One sender's emails one at a time: one new customer for a new address, never two, and an exact loop count.
      await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`${workspaceId}:email:${sender}`]);
      const recent = await inboundEmails.countFrom(tx, workspaceId, sender, new Date(services.now().getTime() - LOOP_WINDOW_MS));
      if (isLooping(recent - 1)) {
        await inboundEmails.link(tx, workspaceId, kept, {
          conversationId: null,
          entryId: null,
          customerId: null,
          flags: ['loop'],
        });
        return { outcome: 'loop' };
      }
    }
    const known = sender ? await knownCustomer(tx, workspaceId, sender) : null;
    const candidates = email.unreadable ? [] : await candidatesFor(tx, target, email.answers, sender);
    const thread = threadFor(candidates, { address: sender ?? '', customerId: known });
    const conversation = thread.conversationId ? await conversations.byId(tx, workspaceId, thread.conversationId) : null;
    const customerId =
      conversation?.customerId ?? known ?? (await newCustomer(tx, workspaceId, sender, email.from?.name ?? null));
    const customer = await customers.byId(tx, workspaceId, customerId);
    const flags = flagsOf(email, automatic, thread.forged);
    const attachments = await recordReceivedFiles(tx, { workspaceId, customerId }, input.files);
    const { entry, conversationId } = await appendCustomerEmail(
      tx,
      services,
      {
        workspaceId,
        customerId,
        conversation,
        teamId: target.teamId,
        body: bodyOf(email, conversation, services.config.messageMaxLength),
        clientId: clientIdOf(dedupeKey),
        replyEmail: sender,
        automatic: automatic !== null,
        warnings: warningsOf(email, automatic, thread.forged),
        ownerAgentId: customer?.ownerAgentId ?? null,
        attachments,
        filesNotKept: input.filesNotKept,
      },
      events,
    );
    await inboundEmails.link(tx, workspaceId, kept, { conversationId, entryId: entry.id, customerId, flags });
    // A person's new email is told, once, who will answer it and by when; machines and flagged mail are not.
    if (!conversation && sender && flags.length === 0)
      await scheduleAcknowledgement(tx, workspaceId, conversationId, services.now());
    return { outcome: 'stored', conversationId, entryId: entry.id, flags };
  });
}

/** A sender proven to be a customer (an address the business verified), else the customer it wrote in as before. */
async function knownCustomer(tx: Sql, workspaceId: string, sender: string): Promise<string | null> {
  const verified = await customers.byVerifiedIdentity(tx, workspaceId, 'email', sender);
  return verified?.id ?? (await inboundEmails.customerLastFrom(tx, workspaceId, sender));
}

/** A new customer for an unknown address: the address recorded unproven, so it can only ever suggest a match. */
async function newCustomer(tx: Sql, workspaceId: string, sender: string | null, name: string | null): Promise<string> {
  const customer = await customers.create(tx, workspaceId, { name });
  if (sender)
    await customers.addIdentity(tx, workspaceId, { customerId: customer.id, kind: 'email', value: sender, verified: false });
  return customer.id;
}

/** The conversations an email names: its reply token's, then those of the emails it answers, in this workspace only. */
async function candidatesFor(tx: Sql, target: EmailTarget, answers: string[], sender: string | null): Promise<ThreadCandidate[]> {
  const ids = [
    ...(target.tokenConversationId ? [target.tokenConversationId] : []),
    ...conversationsInOurMessageIds(answers),
    ...(await inboundEmails.conversationsOf(tx, target.workspaceId, answers)),
  ];
  const found: ConversationRecord[] = [];
  for (const id of [...new Set(ids)].slice(0, 10)) {
    const conversation = await conversations.byId(tx, target.workspaceId, id);
    if (conversation) found.push(conversation);
  }
  return Promise.all(
    found.map(async (c) => ({
      id: c.id,
      customerId: c.customerId,
      replyEmail: c.replyEmail,
      senderWroteBefore: sender ? await inboundEmails.wroteTo(tx, target.workspaceId, c.id, sender) : false,
    })),
  );
}

function flagsOf(email: ReadEmail, automatic: AutomaticKind | null, forged: boolean): string[] {
  return [...(email.unreadable ? ['unreadable'] : []), ...(automatic ? [automatic] : []), ...(forged ? ['forged_thread'] : [])];
}

function warningsOf(email: ReadEmail, automatic: AutomaticKind | null, forged: boolean): string[] {
  return [
    ...(email.unreadable ? [`This email could not be read safely (${email.unreadable}); it is kept exactly as it arrived.`] : []),
    ...(automatic ? [automaticInWords(automatic)] : []),
    ...(forged
      ? [
          "This email says it answers another conversation, but its sender is not that conversation's customer: it was opened as a new conversation instead.",
        ]
      : []),
  ];
}

/** The message agents read: the text part (or the HTML's text), the subject first on an email that opens a conversation. */
function bodyOf(email: ReadEmail, conversation: ConversationRecord | null, max: number): string {
  const text = email.unreadable
    ? '(An email that could not be read safely. It is kept as it arrived.)'
    : email.text || '(This email has no text.)';
  const body = !conversation && email.subject ? `${email.subject}\n\n${text}` : text;
  const more = '\n\n[…the email continues; it is kept in full]';
  return body.length > max ? `${body.slice(0, max - more.length)}${more}` : body;
}
