import { type SipPhone, startSipPhone } from './baresip.ts';
import { type Janus, startJanus } from './janus.ts';
import { type Kamailio, startKamailio } from './kamailio.ts';

/** A phone network on this machine: a SIP registrar/proxy (kamailio), the WebRTC bridge (Janus) and a SIP phone. */
export interface VoiceLab {
  kamailio: Kamailio;
  janus: Janus;
  /** A customer's phone, registered under their number (or, behind a trunk, reached through it). */
  phone: SipPhone;
  /** Milliseconds each part took from spawn to ready. */
  startupMs: Record<'kamailio' | 'janus' | 'baresip', number>;
  /** Stops everything, the phone first (it unregisters from kamailio), kamailio last. */
  stop(): Promise<void>;
}

/**
 * Starts the lab. With `kamailioConfig`, kamailio runs that configuration, written for its port and for the phone,
 * which then stands in for a SIP trunk (`phone.uri`) instead of registering.
 */
export async function startVoiceLab(opts: {
  phoneNumber: string;
  phoneName: string;
  janusTokenSecret: string;
  /** How many calls the phone holds at once (baresip's call_max_calls; 4 unless said). */
  maxCalls?: number;
  kamailioConfig?: (port: number, trunk: { uri: string }) => string;
}): Promise<VoiceLab> {
  const started: { stop(): Promise<void> }[] = [];
  const track = <T extends { stop(): Promise<void> }>(p: Promise<T>) =>
    p.then((part) => {
      started.push(part);
      return part;
    });
  const janus = track(startJanus({ tokenSecret: opts.janusTokenSecret, maxCalls: opts.maxCalls }));
  try {
    let kamailio: Kamailio;
    let phone: SipPhone;
    const custom = opts.kamailioConfig;
    if (custom) {
      phone = await track(startSipPhone(opts.phoneNumber, opts.phoneName, null, { maxCalls: opts.maxCalls }));
      kamailio = await track(startKamailio((port) => custom(port, { uri: phone.uri })));
    } else {
      kamailio = await track(startKamailio());
      phone = await track(startSipPhone(opts.phoneNumber, opts.phoneName, kamailio, { maxCalls: opts.maxCalls }));
    }
    const bridge = await janus;
    return {
      kamailio,
      janus: bridge,
      phone,
      startupMs: { kamailio: kamailio.startupMs, janus: bridge.startupMs, baresip: phone.startupMs },
      stop: async () => {
        await phone.stop();
        await bridge.stop();
        await kamailio.stop();
      },
    };
  } catch (err) {
    // Whatever did start is stopped, in the reverse order, Janus once its own start is over.
    await janus.catch(() => undefined);
    for (const part of started.reverse()) await part.stop();
    throw err;
  }
}
