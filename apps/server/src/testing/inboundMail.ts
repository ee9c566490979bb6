import { type InboundSmtp, startInboundSmtp } from '../channels/email/smtpReceiver.ts';
import type { InboundSmtpSettings } from '../core/config.ts';
import { type Mail, sendMailTo } from './mailCatcher.ts';
import type { TestServer } from './testServer.ts';

export type { Mail };
export { sendMailTo };

/**
 * The built-in SMTP receiver on a free loopback port for one test file, with the server's settings pointing at it: a
 * test adds the addresses it forwards to `settings.addresses`. `close()` in afterAll.
 */
export async function startTestReceiver(t: TestServer, maxBytes = 1024 * 1024) {
  const settings: InboundSmtpSettings = { host: '127.0.0.1', port: 0, maxBytes, addresses: [] };
  t.config.inboundSmtp = settings;
  const receiver: InboundSmtp = await startInboundSmtp(t, settings);
  return {
    settings,
    receiver,
    send: (mail: Mail) => sendMailTo(receiver.port, mail),
    async close() {
      await receiver.close();
      t.config.inboundSmtp = null;
    },
  };
}
