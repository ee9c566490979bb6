import { beforeAll, describe, expect, it } from 'vitest';
import { buildAgent, buildWorkspace, client, type Signed, setPresenceGrace, signIn } from '../../testing/factories.ts';
import { agentSocket } from '../../testing/socket.ts';
import { backend, type TestServer, testServer } from '../../testing/testServer.ts';

let t: TestServer;
beforeAll(async () => {
  t = await testServer();
});

async function presenceOf(signed: Signed, agentId: string): Promise<string> {
  const team = (await client(t, signed).get('/api/v1/agents')).body.agents as Array<{ id: string; presence: string }>;
  return team.find((a) => a.id === agentId)!.presence;
}

describe(`presence and routing settings (${backend})`, () => {
  it("an agent whose connection drops is set away after the workspace's grace, and colleagues see it", async () => {
    const workspace = await buildWorkspace(t);
    await setPresenceGrace(t, workspace, 1);
    const amina = await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' });
    const lead = await signIn(t, await buildAgent(t, workspace, { displayName: 'Lead', presence: 'available' }));
    const watching = await agentSocket(t, lead);
    const aminaSocket = await agentSocket(t, await signIn(t, amina));

    aminaSocket.close();
    await aminaSocket.closed;
    const frame = await watching.next('presence', (f) => f.agentId === amina.id, 10_000);
    expect(frame.presence).toBe('away');
    expect(await presenceOf(lead, amina.id)).toBe('away');
    watching.close();
  });

  it('an agent who reconnects within the grace stays available', async () => {
    const workspace = await buildWorkspace(t);
    await setPresenceGrace(t, workspace, 1);
    const amina = await buildAgent(t, workspace, { displayName: 'Amina', presence: 'available' });
    // A colleague who drops a moment later and does not come back: when they are set away, Amina's grace is over too.
    const bo = await buildAgent(t, workspace, { displayName: 'Bo', presence: 'available' });
    const lead = await signIn(t, await buildAgent(t, workspace, { displayName: 'Lead', presence: 'available' }));
    const watching = await agentSocket(t, lead);
    const aminaSigned = await signIn(t, amina);
    const first = await agentSocket(t, aminaSigned);
    const boSocket = await agentSocket(t, await signIn(t, bo));

    first.close();
    await first.closed;
    const again = await agentSocket(t, aminaSigned);
    boSocket.close();
    await boSocket.closed;
    expect((await watching.next('presence', (f) => f.agentId === bo.id, 10_000)).presence).toBe('away');
    expect(watching.frames.some((f) => f.type === 'presence' && f.agentId === amina.id)).toBe(false);
    expect(await presenceOf(lead, amina.id)).toBe('available');
    again.close();
    watching.close();
  });

  it('a capacity of zero or less is refused and changes nothing; only admins change how colleagues are routed', async () => {
    const workspace = await buildWorkspace(t);
    const admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
    const amina = await buildAgent(t, workspace, { displayName: 'Amina', capacity: { chat: 2, email: 5 }, skills: ['billing'] });
    const url = `/api/v1/agents/${amina.id}`;
    const before = (await client(t, admin).get('/api/v1/agents')).body.agents.find((a: { id: string }) => a.id === amina.id);
    expect(before).toMatchObject({ capacity: { chat: 2, email: 5 }, skills: ['billing'] });

    for (const capacity of [{ chat: 0 }, { chat: -1 }, { email: 0, chat: 3 }]) {
      const res = await client(t, admin).patch(url, { capacity });
      expect({ capacity, status: res.status }).toEqual({ capacity, status: 400 });
      expect(res.body.error.message).toMatch(/capacity must be at least 1/);
    }
    const supervisor = await signIn(t, await buildAgent(t, workspace, { role: 'supervisor' }));
    for (const who of [await signIn(t, amina), supervisor]) {
      const res = await client(t, who).patch(url, { capacity: { chat: 10 }, skills: [] });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/Only admins/);
    }
    const after = (await client(t, admin).get('/api/v1/agents')).body.agents.find((a: { id: string }) => a.id === amina.id);
    expect(after).toEqual(before);
  });
});
