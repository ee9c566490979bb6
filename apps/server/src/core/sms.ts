/** Why a text-message provider refused or could not take a message; `permanent` when trying again cannot help. */
export class TextNotSent extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** The SMS port: hands one text message to the provider; throws TextNotSent. */
export interface TextSender {
  send(to: string, body: string): Promise<void>;
}

/**
 * Texts someone and says how it went: sent, or why not when trying again cannot help (no provider, a refusal). A
 * temporary failure is thrown, so the durable job that called it is tried again later.
 *
 * @example
 * const outcome = await textOrWhy(textSenderOf(), '+254712345678', 'It is your turn');
 * if (!outcome.sent) note(`Could not text them: ${outcome.why}`);
 */
export async function textOrWhy(
  sender: TextSender | null,
  to: string,
  body: string,
): Promise<{ sent: true } | { sent: false; why: string }> {
  if (!sender) return { sent: false, why: 'no text-message provider is set up' };
  try {
    await sender.send(to, body);
    return { sent: true };
  } catch (err) {
    if (err instanceof TextNotSent && err.permanent) return { sent: false, why: `the provider refused it: ${err.message}` };
    throw err;
  }
}
