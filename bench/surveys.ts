import { randomUUID } from 'node:crypto';
import { apiSession } from '../e2e/api.ts';
import { DEMO_AGENT } from '../e2e/harness.ts';
import type { Figure } from './index.ts';
import { percentile, startBaseline, startWarmline } from './serverProcess.ts';
import { round } from './size.ts';

const SURVEYS = 200;

/**
 * survey.submit_p99: a real `warmline start` (embedded database, the demo workspace); 200 chats are resolved, each
 * asking its customer inline, and each survey is answered over HTTP with the widget's JSON call — the response, the
 * timeline entry and survey.answered in one unit of work. Baseline: a bare fastify round trip, same machine, same run.
 */
export async function surveyBenchmarks(): Promise<Figure[]> {
  // Customers behind a proxy, each from an address of their own: the per-address limits are not what is measured.
  const warmline = await startWarmline({ demo: true, env: { TRUST_PROXY: 'true' } });
  try {
    const admin = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
    const key = /data-workspace="([^"]+)"/.exec(await (await fetch(`${warmline.url}/demo`)).text())?.[1];
    const visitorCall = async (n: number, path: string, token?: string, body?: unknown) => {
      const res = await fetch(`${warmline.url}/api/v1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          'x-forwarded-for': `10.${(n >> 8) % 250}.${n % 250}.${1 + (n % 7)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // biome-ignore lint/suspicious/noExplicitAny: the bench reads whatever JSON the server answered
      const json: any = await res.json();
      if (res.status >= 400) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json)}`);
      return json;
    };
    process.stderr.write(`surveys: resolving ${SURVEYS} chats…\n`);
    const tokens: string[] = [];
    for (let n = 0; n < SURVEYS; n++) {
      const { visitorToken } = await visitorCall(n, '/widget/session', undefined, { workspaceKey: key });
      const sent = await visitorCall(n, '/widget/messages', visitorToken, {
        clientId: randomUUID(),
        body: `Order ${n}: all good?`,
      });
      const conversationId = sent.entry.conversationId as string;
      await admin.post(`/api/v1/conversations/${conversationId}/assign`, { agentId: admin.agentId });
      await admin.post(`/api/v1/conversations/${conversationId}/resolve`);
      const { survey } = await visitorCall(n, `/widget/conversations/${conversationId}/survey`, visitorToken);
      if (!survey) throw new Error(`no survey was asked for conversation ${conversationId}`);
      tokens.push(survey.token);
    }
    const runs: number[] = [];
    for (const [n, token] of tokens.entries()) {
      const t0 = performance.now();
      const res = await fetch(`${warmline.url}/api/v1/surveys/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.251.${n % 250}.9` },
        body: JSON.stringify({
          csat: 1 + (n % 5),
          ces: 1 + (n % 7),
          feeling: 'grateful',
          comment: `Answer ${n}: quick and kind.`,
        }),
      });
      await res.arrayBuffer();
      runs.push(performance.now() - t0);
      if (res.status !== 201) throw new Error(`survey answer ${n} answered ${res.status}`);
    }
    const bare = await startBaseline('bench/baselines/bareFastify.ts');
    const bareRuns: number[] = [];
    try {
      for (let k = 0; k < SURVEYS; k++) {
        const t0 = performance.now();
        await (await fetch(`http://127.0.0.1:${bare.port}/healthz`)).arrayBuffer();
        bareRuns.push(performance.now() - t0);
      }
    } finally {
      await bare.stop();
    }
    const p99 = percentile(runs, 99);
    const bareP99 = percentile(bareRuns, 99);
    return [
      {
        bench: 'survey.submit_p99',
        value: round(p99, 1),
        unit: 'ms',
        baseline: round(bareP99, 2),
        ratio: round(p99 / bareP99),
        notes: `${SURVEYS} survey answers over HTTP, one after another (p50 ${round(percentile(runs, 50), 1)} ms): the signed link checked, the response, the timeline entry and survey.answered in one transaction, embedded database; baseline: a bare fastify round trip`,
      },
    ];
  } finally {
    await warmline.stop();
  }
}
