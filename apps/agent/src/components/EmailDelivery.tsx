import type { Delivery } from '@warmline/shared/types';
import { formatClock } from '../state/time.ts';

/** How an email reply is getting on, under its bubble: not sent yet (and why), sent, or could not be sent. */
export function EmailDelivery({ delivery, now }: { delivery: Delivery; now: number }) {
  const to = delivery.to ? ` to ${delivery.to}` : '';
  let text: string;
  if (delivery.status === 'sent') text = `Sent by email${to}`;
  else if (delivery.status === 'failed') text = `Could not be sent${to}: ${delivery.error ?? 'unknown reason'}`;
  else if (delivery.error)
    text = `Not sent yet — ${delivery.error}. Trying again${delivery.at ? ` at ${formatClock(delivery.at, now)}` : ' soon'}.`;
  else text = `Sending by email${to}…`;
  return (
    <div className={`delivery is-${delivery.status}`} data-testid="email-delivery" data-status={delivery.status} role="status">
      {text}
    </div>
  );
}
