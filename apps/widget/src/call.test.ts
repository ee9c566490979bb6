import type { CallSignal, ClientFrame, VisitorCall } from '@warmline/shared/types';
import { describe, expect, it } from 'vitest';
import { WidgetCall } from './call.ts';

const olga = { id: 'a1', displayName: 'Olga', avatarUrl: null };
const ringBack = (over: Partial<VisitorCall> = {}): VisitorCall => ({
  id: 'k1',
  conversationId: 'c1',
  direction: 'outbound',
  status: 'ringing',
  outcome: null,
  person: olga,
  onHold: false,
  placedAt: '2026-03-02T10:00:00Z',
  answeredAt: null,
  ringSeconds: 20,
  rangAt: '2026-03-02T10:00:00Z',
  durationSeconds: null,
  ...over,
});

/** A call whose frames are kept and whose audio is a stand-in that records how it was started. */
function setUp() {
  const sent: ClientFrame[] = [];
  const started: Array<{ offer: boolean }> = [];
  const call = new WidgetCall(
    (frame) => {
      sent.push(frame);
      return true;
    },
    () => {},
    (_send: (s: CallSignal) => void) =>
      ({
        start: async (_ice: unknown, offer: boolean) => {
          started.push({ offer });
        },
        stop: () => {},
        signal: async () => {},
      }) as never,
  );
  return { call, sent, started };
}

describe('being rung back in the browser', () => {
  it('rings with the person calling; answering from this tab starts the audio here, offering it', async () => {
    const { call, sent, started } = setUp();
    call.receive({ type: 'visitor_call', call: ringBack() });
    expect(call.ringingMe).toBe(true);
    expect(call.live).toBe(true);
    call.answer();
    call.answer(); // a double tap answers once
    expect(sent).toEqual([{ type: 'call.answer', callId: 'k1' }]);
    call.receive({
      type: 'visitor_call',
      call: ringBack({ status: 'answered', answeredAt: '2026-03-02T10:00:05Z' }),
      iceServers: [],
    });
    expect(call.ringingMe).toBe(false);
    expect(started).toEqual([{ offer: true }]);
  });

  it('another tab answering leaves this one showing the call, without audio', () => {
    const { call, started } = setUp();
    call.receive({ type: 'visitor_call', call: ringBack() });
    call.receive({ type: 'visitor_call', call: ringBack({ status: 'answered', answeredAt: '2026-03-02T10:00:05Z' }) });
    expect(call.call?.status).toBe('answered');
    expect(started).toEqual([]);
  });

  it('"Not now" declines it; an answer refused (answered in another tab) says why', () => {
    const { call, sent } = setUp();
    call.receive({ type: 'visitor_call', call: ringBack() });
    call.decline();
    expect(sent).toEqual([{ type: 'call.decline', callId: 'k1' }]);
    call.answer();
    call.failed('You answered this call in another tab.');
    expect(call.problem).toBe('You answered this call in another tab.');
    expect(call.placing).toBe(false);
  });

  it('a call the customer placed is never answered from the widget', () => {
    const { call, sent } = setUp();
    call.receive({ type: 'visitor_call', call: ringBack({ direction: 'inbound' }) });
    expect(call.ringingMe).toBe(false);
    call.answer();
    expect(sent).toEqual([]);
  });
});
