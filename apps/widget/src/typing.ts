import { type Clock, realClock } from '@warmline/realtime-client';

export { type Clock, realClock } from '@warmline/realtime-client';

/** Repeat `typing:true` at most this often; the server drops a typing state not refreshed within 6 s. */
export const TYPING_THROTTLE_MS = 2_000;
/** Say `typing:false` after this long without a keystroke. */
export const TYPING_IDLE_MS = 3_000;

/** Turns keystrokes into few typing frames: true at most every 2 s while typing, false after 3 s idle or on send. */
export class TypingSender {
  private typing = false;
  private lastSent = 0;
  private idle: unknown = null;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly clock: Clock = realClock,
  ) {}

  /** The visitor typed something. */
  input(): void {
    const now = this.clock.now();
    if (!this.typing || now - this.lastSent >= TYPING_THROTTLE_MS) {
      this.typing = true;
      this.lastSent = now;
      this.send(true);
    }
    if (this.idle != null) this.clock.clearTimeout(this.idle);
    this.idle = this.clock.setTimeout(() => this.stop(), TYPING_IDLE_MS);
  }

  /** The visitor sent, cleared the box or went idle. */
  stop(): void {
    if (this.idle != null) this.clock.clearTimeout(this.idle);
    this.idle = null;
    if (!this.typing) return;
    this.typing = false;
    this.send(false);
  }
}
