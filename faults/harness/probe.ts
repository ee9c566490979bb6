/** One answer a probe got (or `refused` when nothing answered). */
export interface Answer {
  at: number;
  status: number | 'refused';
  retryAfter: string | null;
  body: string;
}

export interface Probe {
  answers: Answer[];
  /** Answers with this status. */
  with(status: number | 'refused'): Answer[];
  stop(): Promise<void>;
}

/** Asks `url` every `everyMs` (one request at a time) and keeps every answer, until stopped. */
export function probe(url: string, opts: { everyMs?: number; headers?: Record<string, string> } = {}): Probe {
  const answers: Answer[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = Date.now();
      const res = await fetch(url, { headers: opts.headers, signal: AbortSignal.timeout(5000) }).catch(() => null);
      answers.push(
        res
          ? { at, status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text().catch(() => '') }
          : { at, status: 'refused', retryAfter: null, body: '' },
      );
      await new Promise((resolve) => setTimeout(resolve, opts.everyMs ?? 100));
    }
  })();
  return {
    answers,
    with: (status) => answers.filter((a) => a.status === status),
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** Sums a Prometheus counter or gauge over the series whose labels include every one of `labels`. */
export async function metric(url: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = line.match(/^([a-z_:]+)(\{[^}]*\})? ([0-9.e+-]+)$/i);
    if (!m || m[1] !== name) continue;
    const series = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => series.includes(`${k}="${v}"`))) sum += Number(m[3]);
  }
  return sum;
}
