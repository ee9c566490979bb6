import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, buildAgent, buildWorkspace, setOpeningHours } from '../../../testing/factories.ts';
import { testServer } from '../../../testing/testServer.ts';
import { agentPhone, agentPhoneScripts, callPage, launchCallBrowser } from '../../../testing/voiceLab/browser.ts';
import { waitFor } from '../../../testing/voiceLab/labProcess.ts';
import { startVoiceLab, type VoiceLab } from '../../../testing/voiceLab/voiceLab.ts';
import { janusToken } from './janusToken.ts';
import { sipAddressOf } from './phoneNumbers.ts';

const CUSTOMER_NUMBER = '+254712345678';
const OUR_NUMBER = '+254700000000';
const JANUS_TOKEN_SECRET = 'voice-lab-janus-token-secret';
// The test server's SIP_LINE_SECRET: kamailio proves itself with it when it reports a missed call.
const LINE_SECRET = 'test-line-secret';
// How long the line rings before a call counts as not answered, here.
const RING_MS = 8000;
const DOMAIN = 'pbx.voicelab.test';

// Here the trunk is a phone on 127.0.0.2, so kamailio can tell it from Janus (127.0.0.1). Janus 1.1.2 does not relay
// RTP that comes from 127.0.0.2 on to the browser (it sees the stream, the browser receives nothing), so audio is
// asserted towards the customer here; phoneLine.int.test.ts proves it both ways with everything on 127.0.0.1.

/** The deployment guide's kamailio.cfg, its `#!define`s pointed at the lab: Janus on 127.0.0.1, the trunk on 127.0.0.2. */
function guideConfig(port: number, trunk: { uri: string }, missedCalls: string): string {
  const guide = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../../docs/deploy/kamailio.cfg'), 'utf8');
  const defines: Record<string, string> = {
    SIP_DOMAIN: DOMAIN,
    LINE_USER: 'support',
    LINE_SECRET,
    JANUS_IP: '127.0.0.1',
    TRUNK_IP: '127.0.0.2',
    TRUNK_URI: trunk.uri,
    TRUNK_REALM: 'trunk.voicelab.test',
    TRUNK_USER: 'account-1234',
    TRUNK_PASSWORD: 'unused-by-the-lab-trunk',
    OUR_NUMBER,
    WARMLINE_MISSED_CALLS: missedCalls,
  };
  let config = guide
    .replace(/^#!define (\w+) ".*"$/gm, (line, name: string) =>
      defines[name] === undefined ? line : `#!define ${name} "${defines[name]}"`,
    )
    .replace(/^#!define RING_MS \d+$/m, `#!define RING_MS ${RING_MS}`);
  config = config.replace(/^listen=.*$/m, `listen=udp:127.0.0.1:${port}`).replace(/^log_stderror=no$/m, 'log_stderror=yes');
  expect(config).not.toMatch(/CHANGE-ME/);
  return config;
}

const t = await testServer();

/** The missed calls kamailio reported to Warmline, oldest first. */
async function missedCalls(workspaceId: string) {
  return t.db.query<{ reason: string; number: string | null; callbackId: string | null }>(
    `select reason, number, callback_id as "callbackId" from missed_phone_calls where workspace_id = $1 order by missed_at`,
    [workspaceId],
  );
}

describe("the deployment guide's kamailio between Janus and a SIP trunk", () => {
  let lab: VoiceLab;
  let browser: Browser;
  let workspace: { id: string; key: string };
  beforeAll(async () => {
    workspace = await buildWorkspace(t);
    await setOpeningHours(t, workspace, ALWAYS_OPEN);
    await buildAgent(t, workspace, { displayName: 'Olga Mwangi' });
    const missedCalls = `${t.url}/api/v1/voice/line/missed-calls?workspace=${workspace.key}`;
    [lab, browser] = await Promise.all([
      startVoiceLab({
        phoneNumber: CUSTOMER_NUMBER,
        phoneName: 'Kamau Otieno',
        janusTokenSecret: JANUS_TOKEN_SECRET,
        kamailioConfig: (port, trunk) => guideConfig(port, trunk, missedCalls),
      }),
      launchCallBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.stop();
  });

  // Every test's agents leave the line when it ends, so the next test's calls ring only its own agents.
  let onLine: ReturnType<typeof agentPhone>[] = [];
  afterEach(async () => {
    for (const line of onLine) {
      await line.unregister().catch(() => undefined);
      await line.close();
    }
    onLine = [];
  });

  async function onTheLine(secret = LINE_SECRET) {
    const line = agentPhone(await callPage(browser, agentPhoneScripts()));
    onLine.push(line);
    await line.connect(lab.janus.url, janusToken(JANUS_TOKEN_SECRET, 600, new Date()).token);
    await line.register({ username: `sip:support@${DOMAIN}`, proxy: lab.kamailio.proxy, secret, displayName: 'Amina Odhiambo' });
    return line;
  }

  async function ringBoth() {
    const agents = [await onTheLine(), await onTheLine()] as const;
    await lab.phone.dial(`sip:${OUR_NUMBER}@127.0.0.1:${lab.kamailio.port}`);
    for (const agent of agents) {
      await waitFor('both agents to be rung', async () => (await agent.seen()).some((e) => e.type === 'incoming'));
    }
    return agents;
  }

  it('lets the line register only with its password', { timeout: 30_000 }, async () => {
    const refused = await onTheLine('not-the-line-password').then(
      () => 'registered',
      (err: Error) => err.message,
    );
    expect(refused).toMatch(/refused the sign-in/);
  });

  it('rings every agent on the line when a customer calls our number; the first to answer has the call', {
    timeout: 60_000,
  }, async () => {
    const missedBefore = (await missedCalls(workspace.id)).length;
    const [amina, brian] = await ringBoth();
    for (const agent of [amina, brian]) {
      const ringing = (await agent.seen()).find((e) => e.type === 'incoming');
      expect(ringing?.caller).toMatch(new RegExp(`^sip:\\${CUSTOMER_NUMBER}@127\\.0\\.0\\.2`));
    }
    const heardBefore = lab.phone.heardBytes();
    await brian.accept();
    await waitFor('the customer to hear the agent who answered', () => lab.phone.heardBytes() > heardBefore + 8000);
    await waitFor('the other agent to stop ringing', async () => (await amina.seen()).some((e) => e.type === 'hangup'));
    expect((await brian.seen()).some((e) => e.type === 'hangup')).toBe(false);
    await brian.hangup();
    await waitFor('the customer to see the call end', () => lab.phone.events().includes('CALL_CLOSED'));
    // An answered call is nobody's missed call.
    expect(await missedCalls(workspace.id)).toHaveLength(missedBefore);
  });

  it("sends an agent's call to a number out through the trunk, from our number, and the customer hears the agent", {
    timeout: 60_000,
  }, async () => {
    const agent = await onTheLine();
    const heardBefore = lab.phone.heardBytes();
    const outputBefore = lab.phone.output().length;
    await agent.call(sipAddressOf(CUSTOMER_NUMBER, DOMAIN));
    expect((await agent.seen()).map((e) => e.type)).toContain('accepted');
    await waitFor('the agent to be heard by the customer', () => lab.phone.heardBytes() > heardBefore + 8000);
    // The customer's phone shows our number, not the line's internal address.
    expect(lab.phone.output().slice(outputBefore)).toMatch(
      /answering call on line \d+ from sip:\+254700000000@pbx\.voicelab\.test/,
    );
    await agent.hangup();
  });

  it('stops the ringing for every agent when the customer hangs up first: nobody is left ringing', {
    timeout: 60_000,
  }, async () => {
    const agents = await ringBoth();
    await lab.phone.hangup();
    for (const agent of agents) {
      await waitFor('the ringing to stop', async () => (await agent.seen()).some((e) => e.type === 'hangup'));
      const answered = await agent.accept().then(
        () => 'answered',
        (err: Error) => err.message,
      );
      expect(answered).toMatch(/No call is ringing/);
    }
    await waitFor('Warmline to hear of the call nobody took', async () =>
      (await missedCalls(workspace.id)).some((m) => m.reason === 'caller_hung_up'),
    );
  });

  it('tells Warmline of a call when nobody is on the line: the caller hears 480, and a call back is booked for their number', {
    timeout: 60_000,
  }, async () => {
    const before = (await missedCalls(workspace.id)).length;
    const closed = () => lab.phone.events().filter((e) => e === 'CALL_CLOSED').length;
    const closedBefore = closed();
    await lab.phone.dial(`sip:${OUR_NUMBER}@127.0.0.1:${lab.kamailio.port}`);
    await waitFor('the caller to be told nobody is there', () => closed() > closedBefore);
    await waitFor('Warmline to record the missed call', async () => (await missedCalls(workspace.id)).length > before, {
      detail: () => lab.kamailio.output().slice(-3000),
    });
    expect((await missedCalls(workspace.id)).at(-1)).toMatchObject({ reason: 'nobody_on_line', number: CUSTOMER_NUMBER });
    expect(lab.phone.output()).toMatch(/480 Nobody on the line/);
  });

  it('tells Warmline of a call every agent let ring: after the ring time the caller is let go and it counts as not answered', {
    timeout: 60_000,
  }, async () => {
    const before = (await missedCalls(workspace.id)).length;
    const agents = await ringBoth();
    for (const agent of agents) {
      await waitFor(
        'the ringing to stop after the ring time',
        async () => (await agent.seen()).some((e) => e.type === 'hangup'),
        {
          timeoutMs: RING_MS + 20_000,
        },
      );
    }
    await waitFor('Warmline to record the missed call', async () => (await missedCalls(workspace.id)).length > before, {
      detail: () => lab.kamailio.output().slice(-3000),
    });
    expect((await missedCalls(workspace.id)).at(-1)).toMatchObject({ reason: 'not_answered', number: CUSTOMER_NUMBER });
  });
});
