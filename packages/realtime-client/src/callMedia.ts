import type { CallSignal, IceServer } from '@warmline/shared/types';

/**
 * One side of a call's audio: the microphone, the peer connection and the other side's voice. The customer's
 * widget offers once the call is answered; the agent's app answers that offer. Signals travel over Warmline's
 * own socket (`send`); `signal` takes the other side's.
 */
export class CallMedia {
  private pc: RTCPeerConnection | null = null;
  private mic: MediaStream | null = null;
  private early: CallSignal[] = [];
  private candidates: RTCIceCandidateInit[] = [];
  /** Plays the other side; muted while on hold. */
  readonly audio: HTMLAudioElement;

  constructor(private readonly send: (signal: CallSignal) => void) {
    this.audio = document.createElement('audio');
    this.audio.autoplay = true;
  }

  /** Opens the microphone and the connection; the caller (`offer`) starts the exchange. */
  async start(iceServers: IceServer[], offer: boolean): Promise<void> {
    this.mic = await navigator.mediaDevices.getUserMedia({ audio: true });
    const pc = new RTCPeerConnection({ iceServers });
    this.pc = pc;
    for (const track of this.mic.getTracks()) pc.addTrack(track, this.mic);
    pc.onicecandidate = (e) => {
      if (e.candidate)
        this.send({
          kind: 'candidate',
          candidate: e.candidate.candidate,
          sdpMid: e.candidate.sdpMid,
          sdpMLineIndex: e.candidate.sdpMLineIndex,
        });
    };
    pc.ontrack = (e) => {
      this.audio.srcObject = e.streams[0] ?? new MediaStream([e.track]);
      void this.audio.play().catch(() => {});
    };
    if (offer) {
      await pc.setLocalDescription(await pc.createOffer());
      this.send({ kind: 'offer', sdp: pc.localDescription!.sdp });
    }
    const early = this.early;
    this.early = [];
    for (const s of early) await this.signal(s);
  }

  /** The other side's offer, answer or network candidate. */
  async signal(s: CallSignal): Promise<void> {
    const pc = this.pc;
    if (!pc) {
      this.early.push(s);
      return;
    }
    if (s.kind === 'candidate') {
      const c = { candidate: s.candidate, sdpMid: s.sdpMid, sdpMLineIndex: s.sdpMLineIndex };
      if (pc.remoteDescription) await pc.addIceCandidate(c).catch(() => {});
      else this.candidates.push(c);
      return;
    }
    await pc.setRemoteDescription({ type: s.kind, sdp: s.sdp });
    if (s.kind === 'offer') {
      await pc.setLocalDescription(await pc.createAnswer());
      this.send({ kind: 'answer', sdp: pc.localDescription!.sdp });
    }
    for (const c of this.candidates.splice(0)) await pc.addIceCandidate(c).catch(() => {});
  }

  /** Silences my microphone (mute, or hold) without ending the call. */
  setMicOn(on: boolean): void {
    for (const t of this.mic?.getAudioTracks() ?? []) t.enabled = on;
  }

  /** Silences the other side for me (on hold nobody listens). */
  setListening(on: boolean): void {
    this.audio.muted = !on;
  }

  stop(): void {
    for (const t of this.mic?.getTracks() ?? []) t.stop();
    this.pc?.close();
    this.pc = null;
    this.mic = null;
    this.audio.srcObject = null;
  }
}
