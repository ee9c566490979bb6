import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { startWarmline, type Warmline } from './harness.ts';

let server: Warmline | undefined;
afterAll(async () => {
  await server?.stop();
});

/** A recovery follow-up is a durable promise: it survives a restart and reminds its owner exactly once. */
describe('a recovery follow-up across a restart', () => {
  it('fires once, at its time, on the restarted server', async () => {
    const env = { JOBS_POLL_MS: '200' };
    server = await startWarmline({ demo: true, env });
    const amina = await apiSession(server.url, 'amina@juniper-rye.example', 'warmline-demo');
    const session = await (
      await fetch(`${server.url}/api/v1/widget/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workspaceKey: 'demo' }),
      })
    ).json();
    const sent = await (
      await fetch(`${server.url}/api/v1/widget/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.visitorToken}` },
        body: JSON.stringify({ clientId: randomUUID(), body: 'The loaf I picked up this morning was mouldy.' }),
      })
    ).json();
    const conversationId = sent.entry.conversationId as string;
    await amina.post(`/api/v1/conversations/${conversationId}/service-failure`, { reason: 'Mouldy loaf' });
    const due = new Date(Date.now() + 4_000);
    await amina.post(`/api/v1/conversations/${conversationId}/recovery`, {
      step: 'follow_up',
      at: due.toISOString(),
      note: 'Ask about the new loaf',
    });

    // Stopped before the time comes; started again on the same data.
    await server.stop();
    const dataDir = server.dataDir;
    server = await startWarmline({ dataDir, env });
    const again = await apiSession(server.url, 'amina@juniper-rye.example', 'warmline-demo');
    const reminders = async () =>
      ((await again.get('/api/v1/alerts?open=false')).alerts as Array<{ kind: string; conversationId: string }>).filter(
        (a) => a.kind === 'follow_up_due' && a.conversationId === conversationId,
      );
    await expect.poll(async () => (await reminders()).length, { timeout: 20_000, interval: 250 }).toBe(1);
    expect(Date.now()).toBeGreaterThanOrEqual(due.getTime());

    // Later polls of the job runner find nothing more to do: still one reminder, one note.
    const recovery = (await again.get(`/api/v1/conversations/${conversationId}/recovery`)).recovery;
    expect(recovery.steps.followUp).toMatchObject({ reminded: true, done: false });
    const probe = new Date(Date.now() + 1_000);
    await again.post(`/api/v1/conversations/${conversationId}/recovery`, { step: 'fixed', note: 'New loaf delivered' });
    await expect.poll(() => Date.now() > probe.getTime() + 1_000, { timeout: 5_000, interval: 200 }).toBe(true);
    expect(await reminders()).toHaveLength(1);
    const notes = (
      (await again.get(`/api/v1/conversations/${conversationId}/entries`)).entries as Array<{ kind: string; body: string }>
    ).filter((e) => e.kind === 'note' && e.body.startsWith('Time to follow up'));
    expect(notes).toHaveLength(1);
  });
});
