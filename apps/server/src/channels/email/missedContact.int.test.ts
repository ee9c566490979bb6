import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  runDueJobs,
  setOpeningHours,
  signIn,
} from '../../testing/factories.ts';
import { type MailCatcher, smtpSettingsFor, startMailCatcher } from '../../testing/mailCatcher.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
let relay: MailCatcher;
beforeAll(async () => {
  t = await testServer();
  relay = await startMailCatcher();
  t.config.smtp = smtpSettingsFor(relay);
});
afterAll(async () => {
  t.config.smtp = null;
  await relay?.close();
});

/** Amina is on shift; a customer is routed to her and waits past the target without an answer. */
async function aminaLetSomeoneWait(opts: { optedOut?: boolean } = {}) {
  const workspace = await buildWorkspace(t, { name: `Rosie's Bakery ${randomUUID().slice(0, 4)}` });
  const email = `amina-${randomUUID().slice(0, 8)}@bakery.test`;
  const amina = await buildAgent(t, workspace, { displayName: 'Amina', email, presence: 'available' });
  if (opts.optedOut) {
    const off = await client(t, await signIn(t, amina)).patch('/api/v1/agents/me', { missedContactEmails: false });
    expect(off.body.agent.missedContactEmails).toBe(false);
  }
  const { conversationId } = await buildConversation(t, workspace, 'Is my wedding cake ready?');
  await t.db.query(
    `update conversations set started_at = started_at - interval '10 minutes', queue_since = queue_since - interval '10 minutes'
     where workspace_id = $1`,
    [workspace.id],
  );
  await t.db.query(`update jobs set run_at = $2 where workspace_id = $1 and kind = 'time_to_human'`, [workspace.id, t.now()]);
  await runDueJobs(t, workspace);
  const alerts = await t.db.query<{ kind: string; agentId: string | null; emailedAt: Date | null }>(
    `select kind, agent_id as "agentId", emailed_at as "emailedAt" from alerts where workspace_id = $1`,
    [workspace.id],
  );
  return { workspace, amina, email, conversationId, alerts };
}

describe(`missed-contact emails (${backend})`, () => {
  it('the person a customer waited too long for is emailed once, with a link to the conversation', async () => {
    const { workspace, amina, email, conversationId, alerts } = await aminaLetSomeoneWait();
    expect(alerts).toMatchObject([{ kind: 'waited_too_long', agentId: amina.id }]);
    const [mail] = await relay.waitFor(email, 1);
    expect(mail!.subject).toBe('A customer is still waiting for you');
    expect(mail!.text).toContain('Hello Amina,');
    expect(mail!.text).toContain('waited past the 2-minute target — Amina has not answered yet.');
    expect(mail!.text).toContain(`${t.config.publicUrl}/app/conversations/${conversationId}`);
    expect(mail!.from?.text).toContain('help@bakery.test');
    expect(alerts[0]!.emailedAt).not.toBeNull();
    // The job, run again (a second node, a retry), finds the alert already emailed.
    await t.db.query(`update jobs set status = 'pending' where workspace_id = $1 and kind = 'missed_contact_email'`, [
      workspace.id,
    ]);
    await runDueJobs(t, workspace);
    expect(relay.to(email)).toHaveLength(1);
  });

  it('the person who promised a callback is emailed when it falls due', async () => {
    const workspace = await buildWorkspace(t);
    await setOpeningHours(t, workspace, ALWAYS_OPEN);
    const email = `olu-${randomUUID().slice(0, 8)}@bakery.test`;
    const olu = await buildAgent(t, workspace, { displayName: 'Olu', email, presence: 'away' });
    const customer = await buildConversation(t, workspace, 'Nobody is answering, can someone call me?');
    const visitor = client(t, { visitorToken: customer.visitorToken });
    const window = (await visitor.get('/api/v1/widget/callback-windows')).body.windows[1] as { start: string; end: string };
    const booked = await visitor.post('/api/v1/widget/callback', {
      conversationId: customer.conversationId,
      phone: '+254 712 345 678',
      windowStart: window.start,
      windowEnd: window.end,
    });
    expect(booked.body.callback.owner.id).toBe(olu.id);
    await t.db.query(`update agents set presence = 'available' where id = $1`, [olu.id]);
    await t.db.query(`update jobs set run_at = $2 where workspace_id = $1 and kind = 'callback_due'`, [workspace.id, t.now()]);
    await runDueJobs(t, workspace);
    const [mail] = await relay.waitFor(email, 1);
    expect(mail!.subject).toBe('Time to call a customer back');
    expect(mail!.text).toContain('Call the customer back now on +254712345678');
    expect(mail!.text).toContain(`/app/conversations/${customer.conversationId}`);
  });

  it('a relay that is down is tried again later, and the email still goes once', async () => {
    await relay.stop();
    let setUp: Awaited<ReturnType<typeof aminaLetSomeoneWait>>;
    try {
      setUp = await aminaLetSomeoneWait();
      const [job] = await t.db.query<{ status: string; attempts: number }>(
        `select status, attempts from jobs where workspace_id = $1 and kind = 'missed_contact_email'`,
        [setUp.workspace.id],
      );
      expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    } finally {
      await relay.start();
    }
    await t.db.query(`update jobs set run_at = $2 where workspace_id = $1 and kind = 'missed_contact_email'`, [
      setUp.workspace.id,
      t.now(),
    ]);
    await runDueJobs(t, setUp.workspace);
    await relay.waitFor(setUp.email, 1);
    expect(relay.to(setUp.email)).toHaveLength(1);
  });

  it('nobody is emailed who turned these emails off in their profile, nor when the server has no SMTP', async () => {
    const optedOut = await aminaLetSomeoneWait({ optedOut: true });
    t.config.smtp = null;
    let noSmtp: Awaited<ReturnType<typeof aminaLetSomeoneWait>>;
    try {
      noSmtp = await aminaLetSomeoneWait();
    } finally {
      t.config.smtp = smtpSettingsFor(relay);
    }
    for (const { workspace, email } of [optedOut, noSmtp]) {
      const jobs = await t.db.query<{ status: string }>(
        `select status from jobs where workspace_id = $1 and kind = 'missed_contact_email'`,
        [workspace.id],
      );
      expect(jobs).toEqual([{ status: 'done' }]);
      expect(relay.to(email)).toHaveLength(0);
    }
  });
});
