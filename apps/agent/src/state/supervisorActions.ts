import { supervisorApi } from '../api/endpoints.ts';
import { ApiError } from '../api/http.ts';
import { applyAlertRead } from './alertActions.ts';
import { setState } from './store.ts';

const REFRESH_EVERY_MS = 10_000;
const DEBOUNCE_MS = 1_000;

let watchers = 0;
let interval: ReturnType<typeof setInterval> | null = null;
let debounce: ReturnType<typeof setTimeout> | null = null;
let inFlight = false;

export async function loadOverview(): Promise<void> {
  if (inFlight) return;
  inFlight = true;
  const startedAt = Date.now();
  try {
    const data = await supervisorApi.overview();
    setState({ overview: { data, at: Date.now() }, overviewState: 'ready' });
    if (data.alerts) applyAlertRead(data.alerts, startedAt);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) setState({ overviewState: 'forbidden' });
    else setState((s) => ({ overviewState: s.overview ? 'ready' : 'error' }));
  } finally {
    inFlight = false;
  }
}

/** While the supervisor page is open: read now and every 10 s. Returns the stop function. */
export function watchOverview(): () => void {
  watchers++;
  if (watchers === 1) {
    loadOverview();
    interval = setInterval(loadOverview, REFRESH_EVERY_MS);
  }
  return () => {
    watchers--;
    if (watchers > 0) return;
    if (interval) clearInterval(interval);
    if (debounce) clearTimeout(debounce);
    interval = null;
    debounce = null;
  };
}

/** A conversation or presence changed: re-read about a second later, once per burst (only while watched). */
export function overviewMayHaveChanged(): void {
  if (watchers === 0) return;
  if (debounce) clearTimeout(debounce);
  debounce = setTimeout(() => {
    debounce = null;
    loadOverview();
  }, DEBOUNCE_MS);
}
