import { audioContext } from './alerts.ts';

/** One ring: two soft bursts of a warm two-tone, made with WebAudio (no sound file). */
function ringOnce(): void {
  const ctx = audioContext();
  if (!ctx || ctx.state === 'closed') return;
  const start = ctx.currentTime + 0.02;
  for (const burst of [0, 0.5]) {
    for (const frequency of [440, 480]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      const t = start + burst;
      gain.gain.setValueAtTime(0, t);
      gain.gain.linearRampToValueAtTime(0.05, t + 0.03);
      gain.gain.setValueAtTime(0.05, t + 0.35);
      gain.gain.linearRampToValueAtTime(0, t + 0.42);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.45);
    }
  }
}

let timer: ReturnType<typeof setInterval> | null = null;

const ringingSources = new Set<string>();

/** Rings while any source (a Warmline call, the phone line) has a call ringing for me. */
export function ringFor(source: string, on: boolean): void {
  if (on) ringingSources.add(source);
  else ringingSources.delete(source);
  ring(ringingSources.size > 0);
}

/** Rings every three seconds while `on` (an incoming call), and stops at once when it is not. */
function ring(on: boolean): void {
  if (on && !timer) {
    ringOnce();
    timer = setInterval(ringOnce, 3000);
  } else if (!on && timer) {
    clearInterval(timer);
    timer = null;
  }
}
