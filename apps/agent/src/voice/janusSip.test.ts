import { describe, expect, it } from 'vitest';
import { readSipEvent } from './janusSip.ts';

const sip = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  janus: 'event',
  sender: 1,
  plugindata: { plugin: 'janus.plugin.sip', data },
  ...extra,
});

describe("reading the phone server's events for the agent", () => {
  it('says the line is registered', () => {
    expect(readSipEvent(sip({ sip: 'event', result: { event: 'registered', username: '1001' } }))).toEqual({
      type: 'registered',
      username: '1001',
    });
  });

  it('says when the agent has left the line', () => {
    expect(readSipEvent(sip({ sip: 'event', result: { event: 'unregistered', username: '1001' } }))).toEqual({
      type: 'unregistered',
    });
  });

  it('names who is calling, without the quotes SIP puts around display names', () => {
    const event = readSipEvent(
      sip(
        { sip: 'event', result: { event: 'incomingcall', username: 'sip:+254712345678@trunk', displayname: '"Kamau Otieno"' } },
        { jsep: { type: 'offer', sdp: 'v=0' } },
      ),
    );
    expect(event).toEqual({ type: 'incoming', caller: 'sip:+254712345678@trunk', displayName: 'Kamau Otieno' });
  });

  it('reads a caller without a name as no name', () => {
    expect(readSipEvent(sip({ sip: 'event', result: { event: 'incomingcall', username: 'sip:+254712345678@trunk' } }))).toEqual({
      type: 'incoming',
      caller: 'sip:+254712345678@trunk',
      displayName: null,
    });
  });

  it('treats ringing and early progress alike: the other phone is ringing', () => {
    expect(readSipEvent(sip({ sip: 'event', result: { event: 'ringing' } }))).toEqual({ type: 'ringing' });
    expect(readSipEvent(sip({ sip: 'event', result: { event: 'progress' } }))).toEqual({ type: 'ringing' });
  });

  it('gives the reason a call ended or a registration failed', () => {
    expect(readSipEvent(sip({ sip: 'event', result: { event: 'hangup', code: 486, reason: 'Busy Here' } }))).toEqual({
      type: 'hangup',
      code: 486,
      reason: 'Busy Here',
    });
    expect(readSipEvent(sip({ sip: 'event', result: { event: 'registration_failed', code: 403, reason: 'Forbidden' } }))).toEqual(
      { type: 'registration_failed', code: 403, reason: 'Forbidden' },
    );
  });

  it('surfaces an error the plugin answers with, so nothing waits for an event that will not come', () => {
    expect(readSipEvent(sip({ sip: 'event', error_code: 446, error: 'Missing element (secret or ha1_secret)' }))).toEqual({
      type: 'error',
      code: 446,
      reason: 'Missing element (secret or ha1_secret)',
    });
  });

  it('ignores what is not about the call: acknowledgements, keepalives, progress of a registration', () => {
    expect(readSipEvent({ janus: 'ack' })).toBeNull();
    expect(readSipEvent({ janus: 'hangup', reason: 'DTLS alert' })).toBeNull();
    expect(readSipEvent(sip({ sip: 'event', result: { event: 'registering' } }))).toBeNull();
  });
});
