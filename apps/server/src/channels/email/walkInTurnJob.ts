import type { Services } from '../../core/context.ts';
import { escapeHtml } from '../../core/html.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { type Mailer, mailDomain, mailOrWhy, type OutboundEmail } from '../../core/mailer.ts';
import { type TextSender, textOrWhy } from '../../core/sms.ts';
import { noteTurn, turnDue, type WalkInTurn } from '../../modules/store/index.ts';
import { oneLine } from './composeReply.ts';

/** The "your turn" email: the one sentence, as the subject and as the message. */
export function composeTurnEmail(turn: WalkInTurn, from: string): OutboundEmail {
  return {
    from: { name: oneLine(turn.workspaceName), address: from },
    to: turn.to!,
    replyTo: from,
    subject: oneLine(turn.text),
    text: `${turn.text}\n`,
    html: `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5"><p><strong>${escapeHtml(turn.text)}</strong></p></body></html>`,
    // A walk-in is told once: a retry carries the same Message-ID.
    messageId: `<walk-in-${turn.walkInId}@${mailDomain(from)}>`,
    inReplyTo: null,
    references: [],
  };
}

/**
 * Tells a walk-in called to the counter that it is their turn, by text or email as they asked, once, and says so on
 * the visit's timeline — or why not (no provider, a refusal), so staff call their name instead. A provider that is
 * down makes the job fail and the runner try again later.
 */
export function walkInTurnJob(
  services: Services,
  mailerOf: () => Mailer | null,
  textSenderOf: () => TextSender | null,
): JobHandler {
  return async (tx, job, now, events) => {
    const turn = await turnDue(tx, { walkInId: String(job.payload.walkInId ?? '') });
    if (!turn) return;
    const to = turn.to;
    const outcome = !to
      ? { sent: false as const, why: 'their contact was not kept' }
      : turn.notifyBy === 'sms'
        ? await textOrWhy(textSenderOf(), to, turn.text)
        : await mailOrWhy(mailerOf(), () => composeTurnEmail(turn, services.config.smtp!.from));
    await noteTurn(tx, turn, outcome.sent ? { sent: true, at: now } : outcome, events);
  };
}
