import { setState } from './store.ts';

let audio: AudioContext | null = null;
let lastChimeAt = 0;

/** Browsers only allow sound after the person has interacted with the page: unlock on the first click/key. */
export function unlockAudioOnFirstGesture(): void {
  const unlock = () => {
    audioContext()
      ?.resume()
      .catch(() => {});
    window.removeEventListener('pointerdown', unlock);
    window.removeEventListener('keydown', unlock);
  };
  window.addEventListener('pointerdown', unlock);
  window.addEventListener('keydown', unlock);
}

export function audioContext(): AudioContext | null {
  if (audio) return audio;
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  audio = new Ctor();
  return audio;
}

/** A short, soft two-note chime (no audio files); at most one per 1.5 s however many things arrive. */
export function chime(): void {
  const now = Date.now();
  if (now - lastChimeAt < 1500) return;
  lastChimeAt = now;
  const ctx = audioContext();
  if (!ctx || ctx.state === 'closed') return;
  const start = ctx.currentTime + 0.01;
  for (const [i, frequency] of [659.25, 880].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    const t = start + i * 0.14;
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.08, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.65);
  }
}

/** A desktop notification when allowed; `tag` keeps one per conversation instead of a pile. */
export function notify(title: string, body: string, tag: string, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const notification = new Notification(title, { body: body.slice(0, 180), tag, silent: true });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the chime and the tab title still work.
  }
}

/** Asks for desktop notification permission (must run from a click). */
export async function requestNotifications(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  const permission = await Notification.requestPermission();
  setState({ notificationPermission: permission });
}
