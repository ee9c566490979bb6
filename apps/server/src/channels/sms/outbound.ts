import type { Services } from '../../core/context.ts';
import type { TextSender } from '../../core/sms.ts';
import { twilioTextSender } from './twilioTextSender.ts';

/** The text sender of the SMS settings of the moment (made again when they change), or null when texting is off. */
export function smsOutbound(services: Services): { textSenderOf(): TextSender | null } {
  let current: { settings: Services['config']['sms']; sender: TextSender } | null = null;
  return {
    textSenderOf() {
      const settings = services.config.sms;
      if (!settings) return null;
      if (current?.settings !== settings) current = { settings, sender: twilioTextSender(settings) };
      return current.sender;
    },
  };
}
