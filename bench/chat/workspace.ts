// Sets up Warmline for the chat benchmarks: shops (workspaces) of one agent each, seeded before the server
// starts, then agents signed in and available and visitors with a widget session and an open conversation,
// through the public API.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../apps/server/src/core/config.ts';
import { createAdmin } from '../../apps/server/src/modules/auth/index.ts';
import { workspaces } from '../../apps/server/src/modules/workspaces/repository.ts';
import { openServices } from '../../apps/server/src/server.ts';
import type { Target } from './load.ts';

const PASSWORD = 'warmline-bench-agent';

/** A workspace with one agent who answers its chats. */
export interface Shop {
  key: string;
  email: string;
}

/** Creates `count` shops in the data directory (or DATABASE_URL's database) before Warmline starts there. */
export async function seedShops(where: { dataDir: string; databaseUrl?: string | undefined }, count: number): Promise<Shop[]> {
  const services = await openServices(
    loadConfig({ WARMLINE_DATA_DIR: where.dataDir, DATABASE_URL: where.databaseUrl, LOG_LEVEL: 'silent' }),
    pino({ level: 'silent' }),
  );
  try {
    const run = randomUUID().slice(0, 8);
    const shops: Shop[] = [];
    for (let i = 0; i < count; i++) {
      const key = `bench-${run}-${i}`;
      const workspace = await workspaces.create(services.db, { name: `Bench shop ${i}`, key });
      const email = `agent-${i}@${key}.example`;
      await createAdmin(services, { email, displayName: `Agent ${i}`, password: PASSWORD, workspace });
      shops.push({ key, email });
    }
    return shops;
  } finally {
    await services.release();
  }
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return res;
}

/** Signs the agent in and makes them available; returns their session cookie. */
async function signIn(url: string, email: string): Promise<string> {
  const res = await post(`${url}/api/v1/auth/sign-in`, { email, password: PASSWORD });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const presence = await fetch(`${url}/api/v1/agents/me/presence`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ presence: 'available' }),
  });
  if (!presence.ok) throw new Error(`presence answered ${presence.status}`);
  return cookie;
}

/** Widget sessions, one per workspace key given; with `firstMessage`, each also opens its conversation. */
export async function visitorTokens(url: string, keys: string[], opts: { firstMessage: boolean }): Promise<string[]> {
  const tokens: string[] = new Array(keys.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < keys.length) {
        const i = next++;
        const res = await post(`${url}/api/v1/widget/session`, { workspaceKey: keys[i] });
        const { visitorToken } = (await res.json()) as { visitorToken: string };
        if (opts.firstMessage) {
          await post(
            `${url}/api/v1/widget/messages`,
            { clientId: randomUUID(), body: 'Hello, I have a question about my order.' },
            { authorization: `Bearer ${visitorToken}` },
          );
        }
        tokens[i] = visitorToken;
      }
    }),
  );
  return tokens;
}

export const visitorUrl = (url: string, token: string) =>
  `${url.replace('http', 'ws')}/ws/visitor?token=${encodeURIComponent(token)}`;

/** Every shop's agent signed in and available; `visitorsPerShop` visitors each, with a conversation open. */
export async function prepareShops(url: string, shops: Shop[], visitorsPerShop: number): Promise<Target> {
  const cookies = [];
  for (const shop of shops) cookies.push(await signIn(url, shop.email));
  const keys = Array.from({ length: shops.length * visitorsPerShop }, (_, i) => shops[i % shops.length]!.key);
  const tokens = await visitorTokens(url, keys, { firstMessage: true });
  return {
    visitorUrls: tokens.map((t) => visitorUrl(url, t)),
    agents: cookies.map((cookie) => ({ url: `${url.replace('http', 'ws')}/ws/agent`, headers: { cookie } })),
    receiversPerMessage: 1,
  };
}
