import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextNotSent } from '../../core/sms.ts';
import { type FakeSmsProvider, startFakeSmsProvider } from '../../testing/fakeSmsProvider.ts';
import { twilioTextSender } from './twilioTextSender.ts';

let provider: FakeSmsProvider;
beforeAll(async () => {
  provider = await startFakeSmsProvider();
});
afterAll(() => provider.close());

async function refusal(send: Promise<void>): Promise<TextNotSent> {
  const err = await send.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TextNotSent);
  return err as TextNotSent;
}

describe("texting through Twilio's Messages API", () => {
  it('posts To, From and Body, form-encoded, with the account as basic auth; a 201 is sent', async () => {
    await twilioTextSender(provider.settings()).send('+254712345678', "It's your turn & more: ünïcode");
    expect(provider.texts.at(-1)).toEqual({ to: '+254712345678', from: '+15005550006', body: "It's your turn & more: ünïcode" });
  });

  it("a 4xx is a permanent refusal in the provider's own words", async () => {
    provider.answerNext(400);
    const err = await refusal(twilioTextSender(provider.settings()).send('+1555', 'Hello'));
    expect(err.permanent).toBe(true);
    expect(err.message).toBe("The 'To' number +1555 is not a valid phone number. (21211)");
  });

  it('wrong credentials are refused for good too', async () => {
    const err = await refusal(
      twilioTextSender({ ...provider.settings(), authToken: 'not-the-token-at-all' }).send('+254712345678', 'Hi'),
    );
    expect(err).toMatchObject({ permanent: true, message: 'Authenticate (20003)' });
  });

  it('a 5xx, or a provider nobody answers at, is temporary: the job tries again', async () => {
    provider.answerNext(500);
    expect((await refusal(twilioTextSender(provider.settings()).send('+254712345678', 'Hi'))).permanent).toBe(false);
    const closed = await startFakeSmsProvider();
    const settings = closed.settings();
    await closed.close();
    const err = await refusal(twilioTextSender(settings).send('+254712345678', 'Hi'));
    expect(err.permanent).toBe(false);
    expect(err.message).toMatch(/^the provider could not be reached/);
  });
});
