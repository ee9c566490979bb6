import type { SmsSettings } from '../../core/config.ts';
import { TextNotSent, type TextSender } from '../../core/sms.ts';

const TIMEOUT_MS = 10_000;

/** The provider's own words for a refusal (Twilio answers `{code, message}`), or its status when it gave none. */
async function reasonOf(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { message?: unknown; code?: unknown };
    if (typeof body.message === 'string' && body.message) return body.code ? `${body.message} (${body.code})` : body.message;
  } catch {}
  return `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
}

/**
 * Texts through Twilio's Messages API (or any provider speaking it): a form-encoded POST with basic auth. 201 is
 * sent; a 4xx is a refusal trying again cannot help (a wrong number, an unverified sender) except 429, which, like a
 * 5xx, a timeout or a network failure, is temporary.
 */
export function twilioTextSender(settings: SmsSettings): TextSender {
  const url = `${settings.providerUrl}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return {
    async send(to, body) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams({ To: to, From: settings.from, Body: body }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        throw new TextNotSent(`the provider could not be reached: ${(err as Error).message}`, false);
      }
      if (res.status === 200 || res.status === 201) {
        await res.body?.cancel();
        return;
      }
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 429;
      throw new TextNotSent(await reasonOf(res), permanent);
    },
  };
}
