import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../../testing/factories.ts';
import { type TestServer, testServer } from '../../../testing/testServer.ts';
import { agentPhone, agentPhoneScripts, callPage, launchCallBrowser } from '../../../testing/voiceLab/browser.ts';
import { waitFor } from '../../../testing/voiceLab/labProcess.ts';
import { startVoiceLab, type VoiceLab } from '../../../testing/voiceLab/voiceLab.ts';
import { customers } from '../../customers/index.ts';
import { customerForCaller } from './inboundCaller.ts';
import { janusToken } from './janusToken.ts';

const CUSTOMER_NUMBER = '+254712345678';
const JANUS_TOKEN_SECRET = 'voice-lab-janus-token-secret';

describe('phone lines: agents in the browser and phones on a SIP network, bridged by Janus', () => {
  let lab: VoiceLab;
  let browser: Browser;
  let t: TestServer;
  beforeAll(async () => {
    [lab, browser, t] = await Promise.all([
      startVoiceLab({ phoneNumber: CUSTOMER_NUMBER, phoneName: 'Kamau Otieno', janusTokenSecret: JANUS_TOKEN_SECRET }),
      launchCallBrowser(),
      testServer(),
    ]);
    console.info(`voice lab started in ${JSON.stringify(lab.startupMs)} ms`);
  });
  afterAll(async () => {
    await browser?.close();
    await lab?.stop();
  });

  async function agentLine(extension: string) {
    const page = await callPage(browser, agentPhoneScripts());
    const line = agentPhone(page);
    await line.connect(lab.janus.url, janusToken(JANUS_TOKEN_SECRET, 600, new Date()).token);
    await line.register({
      username: lab.kamailio.uriOf(extension),
      proxy: lab.kamailio.proxy,
      secret: 'lab',
      displayName: 'Amina Odhiambo',
    });
    return line;
  }

  it("an agent's browser calls a phone, and audio flows both ways", { timeout: 60_000 }, async () => {
    const agent = await agentLine('1001');
    const heardBefore = lab.phone.heardBytes();
    await agent.call(lab.phone.uri);
    const flowing = await waitFor('the phone to be heard in the browser', async () => {
      const audio = await agent.audio();
      return audio.bytesReceived > 4000 ? audio : null;
    });
    await waitFor('the browser to be heard on the phone', () => lab.phone.heardBytes() > heardBefore + 8000, {
      detail: () => lab.phone.output().slice(-2000),
    });
    await waitFor('more audio from the phone', async () => (await agent.audio()).bytesReceived > flowing.bytesReceived);
    expect((await agent.seen()).map((e) => e.type)).toContain('accepted');
    await agent.hangup();
    await waitFor('the phone to see the call end', () => lab.phone.events().includes('CALL_CLOSED'));
  });

  it("a phone calls the agent's number: the browser rings, the caller's story opens, and they hear each other", {
    timeout: 60_000,
  }, async () => {
    const agent = await agentLine('1002');
    await lab.phone.dial(lab.kamailio.uriOf('1002'));
    const ringing = await waitFor('the agent to be rung', async () => (await agent.seen()).find((e) => e.type === 'incoming'));
    expect(ringing.caller).toBe(lab.kamailio.uriOf(CUSTOMER_NUMBER));
    expect(ringing.displayName).toBe('Kamau Otieno');
    // The number the line gave opens the customer who has it.
    const workspace = await buildWorkspace(t);
    const kamau = await customers.create(t.db, workspace.id, { name: 'Kamau Otieno' });
    await customers.addIdentity(t.db, workspace.id, {
      customerId: kamau.id,
      kind: 'phone',
      value: CUSTOMER_NUMBER,
      verified: true,
    });
    const caller = await customerForCaller(t, workspace.id, ringing.caller!);
    expect(caller).toMatchObject({ number: CUSTOMER_NUMBER, created: false, customer: { id: kamau.id, name: 'Kamau Otieno' } });
    const heardBefore = lab.phone.heardBytes();
    await agent.accept();
    await waitFor('the caller to be heard in the browser', async () => (await agent.audio()).bytesReceived > 4000);
    await waitFor('the agent to be heard on the phone', () => lab.phone.heardBytes() > heardBefore + 8000);
    await agent.hangup();
  });

  it('Janus lets no one use the line without a token Warmline signed, nor with an expired one', { timeout: 30_000 }, async () => {
    const line = agentPhone(await callPage(browser, agentPhoneScripts()));
    const refused = (token: string) =>
      line.connect(lab.janus.url, token).then(
        () => 'connected',
        (err: Error) => err.message,
      );
    expect(await refused(janusToken('not-the-janus-secret-000', 600, new Date()).token)).toMatch(/Unauthorized request/);
    const hourAgo = new Date(Date.now() - 3_600_000);
    expect(await refused(janusToken(JANUS_TOKEN_SECRET, 600, hourAgo).token)).toMatch(/Unauthorized request/);
  });
});
