import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../core/clock.ts';
import { buildAgent, buildWorkspace, client, request, runDueJobs, setOpeningHours, signIn } from '../../../testing/factories.ts';
import { backend, serverOnClock, type TestServer } from '../../../testing/testServer.ts';

let t: TestServer;
// A Wednesday in UTC, whatever the time of day the tests run at.
const clock = manualClock(new Date('2031-01-08T09:40:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});
const at = (day: string, hhmm: string) => new Date(`2031-01-${day}T${hhmm}:00Z`);
const WEEKDAYS_9_TO_5 = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, ['09:00', '17:00']]));
const LINE = { authorization: 'Bearer test-line-secret' };

type Timeline = Array<{ kind: string; body: string; event: { type: string; data: Record<string, unknown> } | null }>;

/** A workspace open on weekdays 9–5 (UTC) with Olga, an admin, on shift. */
async function shop() {
  clock.set(at('08', '09:40'));
  const workspace = await buildWorkspace(t);
  await setOpeningHours(t, workspace, WEEKDAYS_9_TO_5);
  const olga = await buildAgent(t, workspace, { role: 'admin', displayName: 'Olga Mwangi' });
  const api = client(t, await signIn(t, olga));
  const missed = (call: Record<string, string>, headers: Record<string, string> = LINE) =>
    request(
      t,
      'POST',
      `/api/v1/voice/line/missed-calls?${new URLSearchParams({ workspace: workspace.key, ...call })}`,
      {},
      { headers },
    );
  return { workspace, olga, api, missed };
}

async function timeline(api: ReturnType<typeof client>, conversationId: string) {
  return (await api.get(`/api/v1/conversations/${conversationId}/entries`)).body.entries as Timeline;
}

describe(`a phone call nobody answered books a call back (${backend})`, () => {
  it('nobody on the line: the caller becomes a customer, the missed call is on their timeline, and Olga promises to call back in the next window', async () => {
    const { workspace, olga, api, missed } = await shop();
    const res = await missed({ from: 'sip:+254712345678@trunk.example', callId: 'a84b4c76e66710@pbx', reason: 'nobody_on_line' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      recorded: true,
      callback: { windowStart: at('08', '09:40').toISOString(), windowEnd: at('08', '10:00').toISOString(), ownerId: olga.id },
    });
    const { conversationId } = res.body;
    const conversation = (await api.get(`/api/v1/conversations/${conversationId}`)).body.conversation;
    expect(conversation).toMatchObject({ channel: 'phone', status: 'snoozed', assignee: { id: olga.id } });
    expect((await timeline(api, conversationId)).map((e) => e.body)).toEqual([
      'Missed phone call from +254712345678: nobody was on the line',
      'Callback booked: +254712345678, 09:40–10:00, owner Olga Mwangi',
    ]);

    // The window is open now: the promise falls due and Olga is prompted to call back.
    await runDueJobs(t, workspace);
    const alerts = (await api.get('/api/v1/alerts?open=true')).body.alerts as Array<{ kind: string; text: string }>;
    expect(alerts.find((a) => a.kind === 'callback_due')?.text).toMatch(/^Call .* back now on \+254712345678/);

    // The proxy reporting the same call again changes nothing.
    const before = (await timeline(api, conversationId)).length;
    const again = await missed({
      from: 'sip:+254712345678@trunk.example',
      callId: 'a84b4c76e66710@pbx',
      reason: 'nobody_on_line',
    });
    expect(again.body).toEqual({ recorded: false, conversationId: null, callback: null });
    expect(await timeline(api, conversationId)).toHaveLength(before);
  });

  it('after hours, a known customer is called back when the line opens, on the conversation they already have; a second missed call keeps that one promise', async () => {
    const { api, missed } = await shop();
    const kamau = (await api.post('/api/v1/customers', { name: 'Kamau Otieno', phone: '+254712000111' })).body.customer;
    clock.set(at('08', '18:30'));
    const first = await missed({ from: 'sip:+254712000111@trunk.example', callId: 'evening-1', reason: 'not_answered' });
    expect(first.body.callback).toMatchObject({
      windowStart: at('09', '09:00').toISOString(),
      windowEnd: at('09', '09:30').toISOString(),
    });
    const conversation = (await api.get(`/api/v1/conversations/${first.body.conversationId}`)).body.conversation;
    expect(conversation.customer.id).toBe(kamau.id);

    clock.set(at('08', '19:05'));
    const second = await missed({ from: 'sip:+254712000111@trunk.example', callId: 'evening-2', reason: 'caller_hung_up' });
    expect(second.body).toMatchObject({ recorded: true, conversationId: first.body.conversationId, callback: null });
    expect((await timeline(api, first.body.conversationId)).map((e) => e.body)).toEqual([
      'Missed phone call from +254712000111: nobody answered in time',
      'Callback booked: +254712000111, 09:00–09:30, owner Olga Mwangi',
      'Missed phone call from +254712000111: they hung up while it rang',
    ]);
  });

  it('a withheld number is recorded but cannot be called back: no customer, no conversation', async () => {
    const { api, missed } = await shop();
    const res = await missed({ from: 'sip:anonymous@anonymous.invalid', callId: 'withheld-1', reason: 'nobody_on_line' });
    expect(res.body).toEqual({ recorded: true, conversationId: null, callback: null });
    expect((await api.get('/api/v1/conversations?view=all')).body.conversations).toEqual([]);
    expect((await api.get('/api/v1/customers')).body.customers).toEqual([]);
  });

  it('refused with what is wrong, writing nothing: no line secret, a wrong one, a malformed caller, an unknown reason or workspace', async () => {
    const { workspace, api, missed } = await shop();
    const call = { from: 'sip:+254712345678@trunk.example', callId: 'bad-1', reason: 'nobody_on_line' };
    const cases: Array<[string, Promise<{ status: number; body: { error: { message: string } } }>, number, RegExp]> = [
      ['no secret', missed(call, {}), 401, /Authorization: Bearer/],
      ['a wrong secret', missed(call, { authorization: 'Bearer not-the-line-secret' }), 401, /SIP_LINE_SECRET/],
      ['a malformed caller', missed({ ...call, from: 'hello there' }), 400, /is not a caller's SIP address/],
      ['an unknown reason', missed({ ...call, reason: 'busy' }), 400, /reason must be nobody_on_line/],
      [
        'an unknown workspace',
        request(
          t,
          'POST',
          `/api/v1/voice/line/missed-calls?${new URLSearchParams({ ...call, workspace: 'no-such-key' })}`,
          {},
          {
            headers: LINE,
          },
        ),
        404,
        /not found/i,
      ],
    ];
    for (const [what, reply, status, message] of cases) {
      const res = await reply;
      expect(res.status, what).toBe(status);
      expect(res.body.error.message, what).toMatch(message);
    }
    expect((await api.get('/api/v1/customers')).body.customers).toEqual([]);
    // The refused call was not claimed: reported properly, it is recorded.
    expect((await missed(call)).body.recorded).toBe(true);
    expect(workspace.id).toBeTruthy();
  });
});
