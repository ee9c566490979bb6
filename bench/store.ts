import { randomUUID } from 'node:crypto';
import { apiSession } from '../e2e/api.ts';
import { DEMO_AGENT } from '../e2e/harness.ts';
import type { Figure } from './index.ts';
import { percentile, startBaseline, startWarmline } from './serverProcess.ts';
import { round } from './size.ts';

const LOCATIONS = 20;
const IN_LINE = 200;
const MEASURED_CHECK_INS = 100;
const MEASURED_CALLS = 200;
const EVERY_DAY = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * store.checkin_ms_p95 and store.call_next_p99: a real `warmline start` (embedded database) with 20 locations and
 * 200 people in line at each. Check-in is the kiosk's submit → the ticket answered (code, place and the wait played
 * out over the whole line); call next is a member of staff calling the next of 200. Baseline: a bare fastify
 * round trip on the same machine, in the same run.
 */
export async function storeBenchmarks(): Promise<Figure[]> {
  // Kiosks behind a proxy, each check-in from an address of its own: the per-address limit is not what is measured.
  const warmline = await startWarmline({ demo: true, env: { TRUST_PROXY: 'true' } });
  try {
    const admin = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
    await admin.put('/api/v1/agents/me/presence', { presence: 'available' });
    const locations: Array<{ id: string; slug: string; serviceIds: string[] }> = [];
    for (let i = 0; i < LOCATIONS; i++) {
      const made = (await admin.post('/api/v1/locations', {
        slug: `bench-${i}-${randomUUID().slice(0, 6)}`,
        name: `Store ${i}`,
        timezone: 'UTC',
        openingHours: Object.fromEntries(EVERY_DAY.map((d) => [d, ['00:00', '24:00']])),
        services: [
          { name: 'Returns', typicalMinutes: 8 },
          { name: 'Advice', typicalMinutes: 20 },
        ],
        staffIds: [admin.agentId],
      })) as { location: { id: string; slug: string; services: Array<{ id: string }> } };
      locations.push({ id: made.location.id, slug: made.location.slug, serviceIds: made.location.services.map((s) => s.id) });
    }
    const checkIn = async (at: (typeof locations)[number], n: number) => {
      const t0 = performance.now();
      const res = await fetch(`${warmline.url}/api/v1/store/locations/${at.slug}/check-ins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${n % 250}.${1 + (n % 7)}` },
        body: JSON.stringify({ clientId: randomUUID(), name: `Walk-in ${n}`, serviceId: at.serviceIds[n % 2] }),
      });
      const ms = performance.now() - t0;
      if (res.status !== 201) throw new Error(`check-in answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      return ms;
    };
    // The lines fill, four kiosks at a time.
    process.stderr.write(`store: filling ${LOCATIONS} lines to ${IN_LINE - 5}…\n`);
    for (let k = 0; k < IN_LINE - 5; k++) {
      await Promise.all(locations.map((at, i) => checkIn(at, k * LOCATIONS + i)));
    }
    const checkIns: number[] = [];
    for (let k = 0; k < MEASURED_CHECK_INS; k++) checkIns.push(await checkIn(locations[k % LOCATIONS]!, 1_000_000 + k));
    process.stderr.write('store: calling next…\n');
    const calls: number[] = [];
    for (let k = 0; k < MEASURED_CALLS; k++) {
      const at = locations[k % LOCATIONS]!;
      const t0 = performance.now();
      await admin.post(`/api/v1/locations/${at.id}/call-next`);
      calls.push(performance.now() - t0);
    }
    const bare = await startBaseline('bench/baselines/bareFastify.ts');
    const bareRuns: number[] = [];
    try {
      for (let k = 0; k < MEASURED_CALLS; k++) {
        const t0 = performance.now();
        await (await fetch(`http://127.0.0.1:${bare.port}/healthz`)).arrayBuffer();
        bareRuns.push(performance.now() - t0);
      }
    } finally {
      await bare.stop();
    }
    const bareP95 = percentile(bareRuns, 95);
    const bareP99 = percentile(bareRuns, 99);
    const p95 = percentile(checkIns, 95);
    const p99 = percentile(calls, 99);
    return [
      {
        bench: 'store.checkin_ms_p95',
        value: round(p95, 1),
        unit: 'ms',
        baseline: round(bareP95, 2),
        ratio: round(p95 / bareP95),
        notes: `${MEASURED_CHECK_INS} check-ins over HTTP with ${IN_LINE - 5}–${IN_LINE} in line at each of ${LOCATIONS} locations, embedded database (p50 ${round(percentile(checkIns, 50), 1)} ms); the browser's drawing of the ticket is not included; baseline: a bare fastify round trip`,
      },
      {
        bench: 'store.call_next_p99',
        value: round(p99, 1),
        unit: 'ms',
        baseline: round(bareP99, 2),
        ratio: round(p99 / bareP99),
        notes: `${MEASURED_CALLS} calls of the next person across ${LOCATIONS} lines of about ${IN_LINE} (p50 ${round(percentile(calls, 50), 1)} ms); baseline: a bare fastify round trip`,
      },
    ];
  } finally {
    await warmline.stop();
  }
}
