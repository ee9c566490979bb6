import { CallMedia } from '@warmline/realtime-client';
import type { CallSignal, ClientFrame, IceServer, ServerFrame, VisitorCall } from '@warmline/shared/types';

type CallFrame = Extract<ServerFrame, { type: 'visitor_call' | 'call.signal' }>;

/**
 * The customer's side of a call, without DOM: placing it, its state as the server tells it, and the audio once
 * someone answers. Only the tab that placed the call carries its audio; other tabs show its state.
 */
export class WidgetCall {
  call: VisitorCall | null = null;
  /** "Call us" was pressed and the server has not answered yet. */
  placing = false;
  /** Why the call could not be placed, in words for the customer. */
  problem: string | null = null;
  private ownId: string | null = null;
  private ice: IceServer[] = [];
  private media: CallMedia | null = null;
  /** The person the audio connects to: a warm transfer to a colleague connects afresh. */
  private mediaWith: string | null = null;
  /** "Call us" was pressed before the socket was up: placed as soon as it is. */
  private queued = false;
  /** A call the customer put away: its last frames change nothing on screen. */
  private dropped: string | null = null;

  constructor(
    private readonly send: (frame: ClientFrame) => boolean,
    private readonly changed: () => void,
    private readonly makeMedia: (send: (s: CallSignal) => void) => CallMedia = (send) => new CallMedia(send),
  ) {}

  get live(): boolean {
    return this.placing || (!!this.call && this.call.status !== 'ended');
  }

  place(): void {
    if (this.live) return;
    this.problem = null;
    this.call = null;
    this.placing = true;
    this.queued = !this.send({ type: 'call.place' });
    this.changed();
  }

  /** The socket is (re)connected: a call asked for while it was not is placed now. */
  connected(): void {
    if (this.queued) this.queued = !this.send({ type: 'call.place' });
    // This tab carries a call under way: its signalling moves to the new socket, and the audio carries on.
    else if (this.media && this.call?.id === this.ownId && this.call.status === 'answered') {
      this.send({ type: 'call.resume', callId: this.call.id });
    }
  }

  hangUp(): void {
    if (this.call && this.call.status !== 'ended') this.send({ type: 'call.hangup', callId: this.call.id });
  }

  /** We are ringing the customer back (a callback they asked to take here): true while it rings. */
  get ringingMe(): boolean {
    return this.call?.direction === 'outbound' && this.call.status === 'ringing';
  }

  /** The customer answers us ringing them back: this tab carries the audio. */
  answer(): void {
    if (!this.ringingMe || this.placing) return;
    this.problem = null;
    this.placing = this.send({ type: 'call.answer', callId: this.call!.id });
    this.changed();
  }

  /** "Not now": the customer declines us ringing them back. */
  decline(): void {
    if (this.ringingMe) this.send({ type: 'call.decline', callId: this.call!.id });
  }

  /** Hangs up (if still ringing) and puts the card away: the customer chose another way to be reached. */
  putAway(): void {
    this.hangUp();
    this.dropped = this.call?.id ?? null;
    this.call = null;
    this.problem = null;
    this.changed();
  }

  /** Closes the card of a call that has ended. */
  dismiss(): void {
    if (this.live) return;
    this.call = null;
    this.problem = null;
    this.changed();
  }

  /** An error while placing: the call never started. */
  failed(message: string): void {
    if (!this.placing) return;
    this.placing = false;
    this.problem = message;
    this.changed();
  }

  receive(f: CallFrame): void {
    if (f.type === 'call.signal') {
      if (f.callId === this.ownId) void this.media?.signal(f.signal);
      return;
    }
    if (f.iceServers) {
      this.placing = false;
      this.ownId = f.call.id;
      this.ice = f.iceServers;
    }
    if (f.call.id === this.dropped) return;
    // A late frame of an earlier call never replaces the one under way.
    if (this.call && this.call.id !== f.call.id && this.call.status !== 'ended' && f.call.status === 'ended') return;
    this.call = f.call;
    if (f.call.id === this.ownId) this.follow(f.call);
    this.changed();
  }

  private follow(call: VisitorCall): void {
    if (this.media && (call.status === 'ended' || call.person?.id !== this.mediaWith)) {
      this.media.stop();
      this.media = null;
    }
    if (call.status === 'answered' && !this.media) {
      this.mediaWith = call.person?.id ?? null;
      const id = call.id;
      this.media = this.makeMedia((signal) => this.send({ type: 'call.signal', callId: id, signal }));
      this.media.start(this.ice, true).catch(() => {
        this.problem = 'We could not use your microphone. Check your browser’s permission and call again.';
        this.hangUp();
        this.changed();
      });
    }
  }
}
