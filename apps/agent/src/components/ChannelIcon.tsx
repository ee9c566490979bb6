import type { Channel } from '@warmline/shared';
import { channelLabels } from '../state/channels.ts';

const PATHS: Record<Channel, string> = {
  chat: 'M4 5h16a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H9l-4 3v-3H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z',
  email: 'M3 6h18v12H3zM3 7l9 6 9-6',
  phone:
    'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z',
  sms: 'M7 3h10a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM10 18h4',
  in_person: 'M4 10l1.5-5h13L20 10M4 10h16v10H4zM4 10a2.7 2.7 0 0 0 5.3 0 2.7 2.7 0 0 0 5.4 0 2.7 2.7 0 0 0 5.3 0M10 20v-5h4v5',
  api: 'M8 7l-5 5 5 5M16 7l5 5-5 5',
};

/** A small line icon for a channel, labelled for screen readers unless `label` is shown beside it. */
export function ChannelIcon({
  channel,
  size = 14,
  decorative = false,
}: {
  channel: Channel;
  size?: number;
  decorative?: boolean;
}) {
  const filled = channel === 'phone';
  return (
    <svg
      className="channel-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      role={decorative ? undefined : 'img'}
      aria-hidden={decorative ? true : undefined}
      aria-label={decorative ? undefined : channelLabels[channel]}
    >
      <path
        d={PATHS[channel]}
        fill={filled ? 'currentColor' : 'none'}
        stroke={filled ? 'none' : 'currentColor'}
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
