/** The time-to-human target for chat, seconds, when a team sets none. */
export const DEFAULT_CHAT_TARGET_SECONDS = 120;

/** Time-to-human targets by channel when a team sets none: people expect a call answered sooner than an email. */
export const DEFAULT_CHANNEL_TARGETS: Readonly<Record<string, number>> = {
  phone: 60,
  in_person: 300,
  sms: 3_600,
  email: 4 * 3_600,
  api: 4 * 3_600,
};
