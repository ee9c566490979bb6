/**
 * Decides when to tell the customer the agent is typing: at most one `true` per `refreshMs`
 * while keys are pressed, and one `false` after `idleMs` of quiet (the server also drops it after 6 s).
 */
export class TypingSignal {
  private typing = false;
  private lastSentAt = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly refreshMs = 3000,
    private readonly idleMs = 4000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call on each keystroke that changes the draft. */
  keystroke(): void {
    const now = this.now();
    if (!this.typing || now - this.lastSentAt >= this.refreshMs) {
      this.typing = true;
      this.lastSentAt = now;
      this.send(true);
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
  }

  /** Call on send, on leaving the conversation and when switching to an internal note. */
  stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!this.typing) return;
    this.typing = false;
    this.send(false);
  }
}
