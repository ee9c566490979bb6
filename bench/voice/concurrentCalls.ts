// Calls held at once through the SIP bridge on this machine: agents' browsers (Chromium, fake microphones) call a
// SIP phone (Debian's baresip) through Janus's SIP plugin and kamailio, all on loopback. The load grows until a
// step no longer has audio flowing both ways on every call, or until the ceiling of the run.
import type { Browser } from 'playwright-core';
import { janusToken } from '../../apps/server/src/modules/voice/sip/janusToken.ts';
import { agentPhone, agentPhoneScripts, callPage, launchCallBrowser } from '../../apps/server/src/testing/voiceLab/browser.ts';
import { waitFor } from '../../apps/server/src/testing/voiceLab/labProcess.ts';
import { startVoiceLab, type VoiceLab } from '../../apps/server/src/testing/voiceLab/voiceLab.ts';
import type { Figure } from '../index.ts';

const STEPS = [1, 2, 4, 8, 12, 16, 24, 32];
const TOKEN_SECRET = 'bench-voice-lab-token-secret';
/** How long every call of a step must keep receiving audio, in both directions. */
const HOLD_MS = 5_000;

type Line = ReturnType<typeof agentPhone>;

async function openLines(browser: Browser, lab: VoiceLab, from: number, count: number): Promise<Line[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const line = agentPhone(await callPage(browser, agentPhoneScripts()));
      await line.connect(lab.janus.url, janusToken(TOKEN_SECRET, 600, new Date()).token);
      await line.register({ username: lab.kamailio.uriOf(String(3000 + from + i)), proxy: lab.kamailio.proxy, secret: 'lab' });
      return line;
    }),
  );
}

/** True when every line receives more audio over HOLD_MS and the phone hears more from all of them. */
async function allFlowing(lab: VoiceLab, lines: Line[]): Promise<boolean> {
  const before = await Promise.all(lines.map((l) => l.audio()));
  const heardBefore = lab.phone.heardBytes();
  await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
  const after = await Promise.all(lines.map((l) => l.audio()));
  const everyLineHears = after.every((a, i) => a.bytesReceived > before[i]!.bytesReceived + 1000);
  // The phone writes what it hears per call; every call adds to it at ~8 kB/s of decoded audio.
  const phoneHearsAll = lab.phone.heardBytes() - heardBefore > lines.length * 8 * (HOLD_MS / 1000) * 500;
  return everyLineHears && phoneHearsAll;
}

export async function concurrentCallsFigure(): Promise<Figure> {
  const max = STEPS.at(-1)!;
  const lab = await startVoiceLab({
    phoneNumber: '+254700000999',
    phoneName: 'Bench phone',
    janusTokenSecret: TOKEN_SECRET,
    maxCalls: max,
  });
  const browser = await launchCallBrowser();
  let held = 0;
  let stoppedBy = `the run's ceiling of ${max}`;
  const lines: Line[] = [];
  try {
    for (const step of STEPS) {
      const added = await openLines(browser, lab, lines.length, step - lines.length);
      for (const line of added) await line.call(lab.phone.uri);
      lines.push(...added);
      const connected = await waitFor(
        `${step} calls to connect`,
        async () => {
          const audio = await Promise.all(lines.map((l) => l.audio()));
          return audio.every((a) => a.bytesReceived > 0) || null;
        },
        { timeoutMs: 30_000 },
      ).catch(() => false);
      if (!connected || !(await allFlowing(lab, lines))) {
        stoppedBy = `at ${step} calls not every call had audio both ways`;
        break;
      }
      held = step;
    }
  } finally {
    await browser.close();
    await lab.stop();
  }
  return {
    bench: 'voice.concurrent_calls',
    value: held,
    unit: 'calls',
    baseline: null,
    ratio: null,
    notes: `browsers → Janus SIP plugin → kamailio → baresip on loopback, each call holding audio both ways for ${HOLD_MS / 1000} s at every step (${STEPS.join(', ')}); stopped by ${stoppedBy}. One machine holds the browsers, Janus, kamailio and the phone, so the figure is the bridge's floor here, not a trunk's`,
  };
}
