import { type SipPhone, startSipPhone } from './baresip.ts';
import { type Janus, startJanus } from './janus.ts';
import { type Kamailio, startKamailio } from './kamailio.ts';

/** A phone network on this machine: a SIP registrar/proxy (kamailio), the WebRTC bridge (Janus) and a SIP phone. */
export interface VoiceLab {
  kamailio: Kamailio;
  janus: Janus;
  /** A customer's phone, registered under their number. */
  phone: SipPhone;
  /** Milliseconds each part took from spawn to ready. */
  startupMs: Record<'kamailio' | 'janus' | 'baresip', number>;
  /** Stops everything, the phone first (it unregisters from kamailio), kamailio last. */
  stop(): Promise<void>;
}

export async function startVoiceLab(opts: {
  phoneNumber: string;
  phoneName: string;
  janusTokenSecret: string;
}): Promise<VoiceLab> {
  const kamailio = await startKamailio();
  const [janus, phone] = await Promise.allSettled([
    startJanus({ tokenSecret: opts.janusTokenSecret }),
    startSipPhone(kamailio, opts.phoneNumber, opts.phoneName),
  ]);
  if (janus.status === 'rejected' || phone.status === 'rejected') {
    if (phone.status === 'fulfilled') await phone.value.stop();
    if (janus.status === 'fulfilled') await janus.value.stop();
    await kamailio.stop();
    throw janus.status === 'rejected' ? janus.reason : (phone as PromiseRejectedResult).reason;
  }
  return {
    kamailio,
    janus: janus.value,
    phone: phone.value,
    startupMs: { kamailio: kamailio.startupMs, janus: janus.value.startupMs, baresip: phone.value.startupMs },
    stop: async () => {
      await phone.value.stop();
      await janus.value.stop();
      await kamailio.stop();
    },
  };
}
