import { shouldSetAway } from './idle.ts';
import { getState, setState } from './store.ts';
import { setPresence } from './teamActions.ts';

const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 15_000;

let lastActivityAt = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
let settingAway = false;

const onActivity = () => {
  lastActivityAt = Date.now();
};

/** Watches for pointer and keyboard activity; an available agent idle past the workspace limit goes Away. */
export function startIdleWatch(): void {
  if (timer) return;
  lastActivityAt = Date.now();
  for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true, capture: true });
  timer = setInterval(check, CHECK_EVERY_MS);
}

export function stopIdleWatch(): void {
  if (!timer) return;
  clearInterval(timer);
  timer = null;
  for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
}

function check(): void {
  const { session } = getState();
  if (!session || settingAway) return;
  const minutes = session.workspace.idleAwayMinutes;
  if (!shouldSetAway({ presence: session.agent.presence, lastActivityAt, now: Date.now(), idleAwayMinutes: minutes })) return;
  settingAway = true;
  setPresence('away')
    .then(() => setState({ autoAway: { minutes } }))
    .catch(() => {})
    .finally(() => {
      settingAway = false;
    });
}

/** "I'm back": available again, note gone. */
export function backFromIdle(): Promise<void> {
  lastActivityAt = Date.now();
  return setPresence('available');
}
