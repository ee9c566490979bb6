/**
 * The agent's phone line in the browser: a small client of Janus's SIP plugin over Janus's WebSocket transport
 * (`janus-protocol`). Janus registers the agent at the SIP proxy and bridges WebRTC audio to the phone network;
 * this file only speaks Janus's JSON and drives one RTCPeerConnection per call.
 */

/** What happens on the line, in the order an agent would notice it. */
export type SipLineEvent =
  | { type: 'registered'; username: string }
  | { type: 'registration_failed'; code: number; reason: string }
  | { type: 'unregistered' }
  | { type: 'incoming'; caller: string; displayName: string | null }
  | { type: 'calling' }
  | { type: 'ringing' }
  | { type: 'accepted' }
  | { type: 'hangup'; code: number; reason: string }
  | { type: 'error'; code: number; reason: string }
  | { type: 'closed' };

export interface SipAccount {
  /** The agent's SIP address, such as `sip:1001@pbx.example.com`. */
  username: string;
  /** Where Janus sends the REGISTER, such as `sip:pbx.example.com:5060`. */
  proxy: string;
  secret?: string;
  authuser?: string;
  displayName?: string;
}

export interface JanusSipOptions {
  /** Janus's WebSocket transport, such as `wss://pbx.example.com/janus`. */
  url: string;
  /** The Janus token Warmline signed for this agent (Janus's `token_auth_secret`), sent with every request. */
  token?: string;
  iceServers?: RTCIceServer[];
  /** How the microphone is opened; the default asks the browser for audio only. */
  microphone?: () => Promise<MediaStream>;
  /** How long to gather ICE candidates before an offer or answer is sent with what was found. */
  gatherMs?: number;
  /** Where the other party's voice plays, once their audio arrives. */
  audio?: HTMLAudioElement;
}

interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number };
  error?: { code: number; reason: string };
  plugindata?: { plugin: string; data: Record<string, unknown> };
  jsep?: RTCSessionDescriptionInit;
  reason?: string;
}

type Pending = { resolve: (m: JanusMessage) => void; reject: (e: Error) => void; ackIsEnough: boolean };

const KEEPALIVE_MS = 25_000;

/** Reads the SIP plugin's part of a Janus event as a line event; null for what the agent need not see. */
export function readSipEvent(message: JanusMessage): SipLineEvent | null {
  if (message.janus === 'hangup' && !message.plugindata) return null;
  const data = message.plugindata?.data;
  if (!data) return null;
  if (typeof data.error_code === 'number') {
    return { type: 'error', code: data.error_code, reason: String(data.error ?? 'the phone server refused the request') };
  }
  if (data.sip !== 'event') return null;
  const result = (data.result ?? {}) as Record<string, unknown>;
  switch (result.event) {
    case 'registered':
      return { type: 'registered', username: String(result.username ?? '') };
    case 'unregistered':
      return { type: 'unregistered' };
    case 'registration_failed':
      return { type: 'registration_failed', code: Number(result.code ?? 0), reason: String(result.reason ?? '') };
    case 'incomingcall':
      return {
        type: 'incoming',
        caller: String(result.username ?? ''),
        displayName: typeof result.displayname === 'string' ? unquote(result.displayname) : null,
      };
    case 'calling':
      return { type: 'calling' };
    case 'ringing':
    case 'progress':
      return { type: 'ringing' };
    case 'accepted':
      return { type: 'accepted' };
    case 'hangup':
      return { type: 'hangup', code: Number(result.code ?? 0), reason: String(result.reason ?? '') };
    default:
      return null;
  }
}

function unquote(name: string): string {
  return name.replace(/^"(.*)"$/, '$1');
}

/** One agent's SIP line through Janus: register, call, take a call, hang up. */
export class JanusSipLine {
  private socket: WebSocket;
  private sessionId = 0;
  private handleId = 0;
  private pending = new Map<string, Pending>();
  private listeners = new Set<(event: SipLineEvent) => void>();
  private keepalive: ReturnType<typeof setInterval> | null = null;
  private incomingOffer: RTCSessionDescriptionInit | null = null;
  private microphone: MediaStream | null = null;
  /** The call's peer connection while a call is set up or under way (its stats show the audio). */
  peerConnection: RTCPeerConnection | null = null;
  /** The other party's audio, for an <audio> element. */
  remoteStream: MediaStream | null = null;

  private constructor(
    private readonly options: JanusSipOptions,
    socket: WebSocket,
  ) {
    this.socket = socket;
    socket.addEventListener('message', (event) => this.receive(JSON.parse(String(event.data)) as JanusMessage));
    socket.addEventListener('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('The connection to the phone server closed.'));
      this.pending.clear();
      this.stopKeepalive();
      this.endCall();
      this.emit({ type: 'closed' });
    });
  }

  /** Opens a Janus session and attaches to the SIP plugin. */
  static async connect(options: JanusSipOptions): Promise<JanusSipLine> {
    const socket = new WebSocket(options.url, 'janus-protocol');
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`Could not reach the phone server at ${options.url}.`)), {
        once: true,
      });
    });
    const line = new JanusSipLine(options, socket);
    const session = await line.request({ janus: 'create' });
    line.sessionId = session.data!.id!;
    const handle = await line.request({ janus: 'attach', plugin: 'janus.plugin.sip' });
    line.handleId = handle.data!.id!;
    line.keepalive = setInterval(() => line.send({ janus: 'keepalive' }), KEEPALIVE_MS);
    return line;
  }

  /** Listens to what happens on the line; returns the way to stop listening. */
  on(listener: (event: SipLineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Registers the agent at the SIP proxy; resolves once it accepted, fails with its reason otherwise. */
  async register(account: SipAccount): Promise<void> {
    const outcome = this.next((e) => e.type === 'registered' || e.type === 'registration_failed' || e.type === 'error');
    await this.message({
      request: 'register',
      username: account.username,
      proxy: account.proxy,
      // Every request goes through the proxy, not only the registration: the line's domain need not resolve.
      outbound_proxy: account.proxy,
      ...(account.secret !== undefined ? { secret: account.secret } : {}),
      ...(account.authuser !== undefined ? { authuser: account.authuser } : {}),
      ...(account.displayName !== undefined ? { display_name: account.displayName } : {}),
    });
    const event = await outcome;
    if (event.type !== 'registered') throw new Error(`The phone line refused the sign-in: ${describe(event)}`);
  }

  /** Leaves the line (an agent going off shift): calls to it stop ringing this browser. */
  async unregister(): Promise<void> {
    const outcome = this.next((e) => e.type === 'unregistered' || e.type === 'error');
    await this.message({ request: 'unregister' });
    const event = await outcome;
    if (event.type === 'error') throw new Error(`The phone line could not be left: ${describe(event)}`);
  }

  /** Calls a SIP address (`sip:+254712345678@trunk.example.com`); resolves when answered, fails if not. */
  async call(uri: string): Promise<void> {
    const pc = await this.startPeer();
    await pc.setLocalDescription(await pc.createOffer());
    const answered = this.next((e) => e.type === 'accepted' || e.type === 'hangup' || e.type === 'error');
    const offer = await this.gathered(pc);
    const answer = this.answerOf(answered);
    await this.message({ request: 'call', uri }, offer);
    const event = await answered;
    if (event.type !== 'accepted') {
      this.endCall();
      throw new Error(`The call was not answered: ${describe(event)}`);
    }
    await pc.setRemoteDescription(await answer);
  }

  /** Answers the call that is ringing. */
  async accept(): Promise<void> {
    const offer = this.incomingOffer;
    if (!offer) throw new Error('No call is ringing.');
    this.incomingOffer = null;
    const pc = await this.startPeer();
    await pc.setRemoteDescription(offer);
    await pc.setLocalDescription(await pc.createAnswer());
    await this.message({ request: 'accept' }, await this.gathered(pc));
  }

  /** Turns down the call that is ringing (486 Busy Here: the caller's network may offer voicemail or retry). */
  async decline(): Promise<void> {
    this.incomingOffer = null;
    await this.message({ request: 'decline', code: 486 });
  }

  async hangup(): Promise<void> {
    this.endCall();
    await this.message({ request: 'hangup' });
  }

  /** Silences my microphone (mute) without ending the call. */
  setMicOn(on: boolean): void {
    for (const track of this.microphone?.getAudioTracks() ?? []) track.enabled = on;
  }

  /** Ends the Janus session and the socket. */
  close(): void {
    this.endCall();
    this.stopKeepalive();
    if (this.socket.readyState === WebSocket.OPEN) {
      this.send({ janus: 'destroy' });
      this.socket.close();
    }
  }

  private async startPeer(): Promise<RTCPeerConnection> {
    this.endCall();
    const pc = new RTCPeerConnection({ iceServers: this.options.iceServers ?? [] });
    this.peerConnection = pc;
    this.microphone = await (this.options.microphone ?? (() => navigator.mediaDevices.getUserMedia({ audio: true })))();
    for (const track of this.microphone.getAudioTracks()) pc.addTrack(track, this.microphone);
    pc.addEventListener('track', (event) => {
      this.remoteStream = event.streams[0] ?? new MediaStream([event.track]);
      const audio = this.options.audio;
      if (audio) {
        audio.srcObject = this.remoteStream;
        void audio.play().catch(() => {});
      }
    });
    return pc;
  }

  /** The local description once ICE gathering is complete (or after `gatherMs`), so no candidate needs trickling. */
  private async gathered(pc: RTCPeerConnection): Promise<RTCSessionDescriptionInit & { trickle: false }> {
    if (pc.iceGatheringState !== 'complete') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.gatherMs ?? 3000);
        pc.addEventListener('icegatheringstatechange', () => {
          if (pc.iceGatheringState === 'complete') {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    }
    const { type, sdp } = pc.localDescription!;
    return { type, sdp, trickle: false };
  }

  /** The answer Janus sends with the `accepted` event. */
  private answerOf(accepted: Promise<SipLineEvent>): Promise<RTCSessionDescriptionInit> {
    return new Promise((resolve, reject) => {
      const stop = this.onJsep((jsep) => {
        if (jsep.type !== 'answer') return;
        stop();
        resolve(jsep);
      });
      accepted.then(
        (e) => {
          if (e.type !== 'accepted') stop();
        },
        (err) => {
          stop();
          reject(err);
        },
      );
    });
  }

  private jsepListeners = new Set<(jsep: RTCSessionDescriptionInit) => void>();
  private onJsep(listener: (jsep: RTCSessionDescriptionInit) => void): () => void {
    this.jsepListeners.add(listener);
    return () => this.jsepListeners.delete(listener);
  }

  private endCall(): void {
    this.peerConnection?.close();
    this.peerConnection = null;
    this.remoteStream = null;
    for (const track of this.microphone?.getTracks() ?? []) track.stop();
    this.microphone = null;
  }

  private stopKeepalive(): void {
    if (this.keepalive) clearInterval(this.keepalive);
    this.keepalive = null;
  }

  /** The first line event that matches. */
  private next(match: (event: SipLineEvent) => boolean): Promise<SipLineEvent> {
    return new Promise((resolve) => {
      const stop = this.on((event) => {
        if (!match(event) && event.type !== 'closed') return;
        stop();
        resolve(event);
      });
    });
  }

  private emit(event: SipLineEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private receive(message: JanusMessage): void {
    const waiting = message.transaction ? this.pending.get(message.transaction) : undefined;
    if (
      waiting &&
      (message.janus === 'success' || message.janus === 'error' || (message.janus === 'ack' && waiting.ackIsEnough))
    ) {
      this.pending.delete(message.transaction!);
      if (message.janus === 'error') waiting.reject(new Error(message.error?.reason ?? 'The phone server refused the request.'));
      else waiting.resolve(message);
    }
    if (message.jsep) for (const listener of [...this.jsepListeners]) listener(message.jsep);
    const event = readSipEvent(message);
    if (!event) return;
    if (event.type === 'incoming') this.incomingOffer = message.jsep ?? null;
    if (event.type === 'hangup') {
      this.incomingOffer = null;
      this.endCall();
    }
    this.emit(event);
  }

  private send(body: Record<string, unknown>): string {
    const transaction = Math.random().toString(36).slice(2);
    this.socket.send(
      JSON.stringify({
        ...body,
        transaction,
        ...(this.options.token ? { token: this.options.token } : {}),
        ...(this.sessionId ? { session_id: this.sessionId } : {}),
      }),
    );
    return transaction;
  }

  private request(body: Record<string, unknown>, ackIsEnough = false): Promise<JanusMessage> {
    return new Promise((resolve, reject) => {
      const transaction = this.send(body);
      this.pending.set(transaction, { resolve, reject, ackIsEnough });
    });
  }

  /** A request to the SIP plugin; Janus acknowledges it at once and answers with an event later. */
  private message(body: Record<string, unknown>, jsep?: RTCSessionDescriptionInit & { trickle?: boolean }) {
    return this.request({ janus: 'message', handle_id: this.handleId, body, ...(jsep ? { jsep } : {}) }, true);
  }
}

function describe(event: SipLineEvent): string {
  if (event.type === 'registration_failed' || event.type === 'hangup' || event.type === 'error') {
    return `${event.code} ${event.reason}`.trim();
  }
  return event.type;
}
