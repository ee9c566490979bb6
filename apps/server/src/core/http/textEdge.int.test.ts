import { ClientFrame } from '@warmline/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  newAddress,
  type Reply,
  request,
  type Signed,
  signIn,
} from '../../testing/factories.ts';
import { jsonSchemaOf, type Path, type StringSlot, sample, stringSlots } from '../../testing/schemaSamples.ts';
import { agentSocket, type TestSocket, visitorSocket } from '../../testing/socket.ts';
import { backend, testServer } from '../../testing/testServer.ts';
import { declaredRoutes } from './route.ts';

// Generated from the route registry and ClientFrame: a route or frame added later is walked the same way.
const t = await testServer();
let workspace: Awaited<ReturnType<typeof buildWorkspace>>;
let admin: Signed;
let visitorToken: string;
/** Open routes that prove the caller some other way: the SIP proxy's line secret (the test server's SIP_LINE_SECRET). */
const OWN_CREDENTIALS: Record<string, Record<string, string>> = {
  '/api/v1/voice/line/missed-calls': { authorization: 'Bearer test-line-secret' },
};

beforeAll(async () => {
  workspace = await buildWorkspace(t);
  admin = await signIn(t, await buildAgent(t, workspace, { role: 'admin' }));
  ({ visitorToken } = await buildConversation(t, workspace));
});

const BAD = [
  { what: 'a NUL character', text: 'before\u0000after', says: 'must not contain the NUL character (U+0000)' },
  { what: 'a lone surrogate', text: 'before\ud800after', says: 'must be Unicode text: it holds a lone surrogate (U+D800)' },
];

/** Rows of every table that belongs to the test's workspace, by table: what "nothing stored" is measured by. */
async function stored(): Promise<Record<string, number>> {
  const tables = await t.db.query<{ name: string }>(
    `select table_name as name from information_schema.columns
     where column_name = 'workspace_id' and table_schema = current_schema() order by table_name`,
  );
  const counts = await t.db.query<{ name: string; rows: string }>(
    tables
      .map((x) => `select '${x.name}' as name, count(*)::text as rows from ${x.name} where workspace_id = $1`)
      .join(' union all '),
    [workspace.id],
  );
  return Object.fromEntries(counts.map((c) => [c.name, Number(c.rows)]));
}

/** What the edge must answer for `text` at `where` (`body.name`), or for an object key there. */
function refusal(where: Path, slot: StringSlot, says: string): string {
  return `${where.join('.') || 'frame'}: ${slot.key ? 'a key ' : ''}${says}`;
}

type Part = 'params' | 'query' | 'body';
const routes = declaredRoutes(t.http.app).map((spec) => {
  const slots = (['params', 'query', 'body'] as const).flatMap((part) => {
    const schema = spec[part];
    if (!schema) return [];
    // Path parameters and query values are single strings in the URL.
    const inUrl = part !== 'body';
    return stringSlots(jsonSchemaOf(schema))
      .filter((slot) => !inUrl || (slot.path.length === 1 && !slot.key))
      .map((slot) => ({ part, slot }));
  });
  return { spec, slots };
});

function requestWith(spec: (typeof routes)[number]['spec'], part: Part, slot: StringSlot, text: string) {
  const value = (p: Part) => (p === part ? slot.build(text) : spec[p] ? sample(jsonSchemaOf(spec[p])) : undefined);
  const params = (value('params') ?? {}) as Record<string, unknown>;
  // A lone surrogate has no UTF-8 spelling: in a URL it can only come as the escapes of its three bytes.
  const spell = (s: string) => (s === text && text.includes('\ud800') ? s.replace('\ud800', '%ED%A0%80') : encodeURIComponent(s));
  const path = spec.url.replace(/:(\w+)/g, (_, name: string) => spell(String(params[name] ?? 'x')));
  const query = Object.entries((value('query') ?? {}) as Record<string, unknown>)
    .map(([k, v]) => `${encodeURIComponent(k)}=${spell(String(v))}`)
    .join('&');
  const auth: Record<string, string> =
    spec.auth === 'agent'
      ? { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }
      : spec.auth === 'visitor'
        ? { authorization: `Bearer ${visitorToken}` }
        : (OWN_CREDENTIALS[spec.url] ?? {});
  const body = spec.method === 'GET' ? undefined : (value('body') ?? {});
  return request(t, spec.method, `${path}${query ? `?${query}` : ''}`, body, { headers: auth, from: newAddress() });
}

/** A 400 `invalid` with exactly `message`, or what was answered instead. */
function mismatch(res: Reply, message: string | RegExp): string | null {
  const said = res.body?.error?.message;
  const ok =
    res.status === 400 &&
    res.body?.error?.code === 'invalid' &&
    (typeof message === 'string' ? said === message : message.test(said));
  return ok ? null : `${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
}

describe(`text that cannot be stored is refused at the edge, for every route (${backend})`, () => {
  it('the registry is walked: every route with a schema, and the string places of a known one', () => {
    expect(routes.filter((r) => r.slots.length > 0).length).toBeGreaterThan(40);
    const message = routes.find((r) => r.spec.method === 'POST' && r.spec.url === '/api/v1/widget/messages');
    expect(message?.slots.map((s) => `${s.part}.${s.slot.path.join('.')}`)).toEqual([
      'body.clientId',
      'body.body',
      'body.attachmentIds.0',
    ]);
  });

  for (const { spec, slots } of routes.filter((r) => r.slots.length > 0)) {
    const places = [...new Set(slots.map((s) => `${s.part}.${s.slot.path.join('.')}${s.slot.key ? ' (keys)' : ''}`))];
    it(`${spec.method} ${spec.url}: 400 naming the place for a NUL or a lone surrogate in ${places.join(', ')}`, async () => {
      const before = await stored();
      const wrong: string[] = [];
      for (const { part, slot } of slots) {
        for (const bad of BAD) {
          const res = await requestWith(spec, part, slot, bad.text);
          // In a URL path a lone surrogate's escapes are not UTF-8: the URL itself is refused before routing.
          const expected =
            part === 'params' && bad.text.includes('\ud800')
              ? 'The URL is not valid: each %-escape must spell UTF-8 text.'
              : part === 'query' && bad.text.includes('\ud800')
                ? null
                : refusal([part, ...slot.path], slot, bad.says);
          if (expected === null) {
            // Query escapes that are not UTF-8 are kept as the literal text sent; never a 500.
            if (res.status >= 500) wrong.push(`${part}.${slot.path.join('.')} with ${bad.what}: ${res.status}`);
            continue;
          }
          const problem = mismatch(res, expected);
          if (problem) wrong.push(`${part}.${slot.path.join('.')}${slot.key ? ' (key)' : ''} with ${bad.what}: ${problem}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(await stored()).toEqual(before);
    });
  }

  it('a CSV import holding a NUL byte is refused as a whole, and nothing is imported', async () => {
    const before = await stored();
    const res = await request(t, 'POST', '/api/v1/imports/customers', 'name,email\nAna\u0000Lee,ana@example.com\n', {
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'text/csv' },
    });
    expect(mismatch(res, 'body: must not contain the NUL character (U+0000)')).toBeNull();
    expect(await stored()).toEqual(before);
  });

  it('a URL whose escapes are not UTF-8 is a 400 in the one error shape', async () => {
    for (const url of ['/api/v1/customers/%E0%A4%A', '/api/v1/conversations/%ED%A0%80/entries']) {
      const res = await request(t, 'GET', url, undefined, { headers: { cookie: admin.cookie } });
      expect(mismatch(res, 'The URL is not valid: each %-escape must spell UTF-8 text.')).toBeNull();
    }
  });
});

const frames = ClientFrame.options.map((option) => ({
  type: option.shape.type.value,
  slots: stringSlots(jsonSchemaOf(option)),
}));

describe(`text that cannot be stored is refused at the edge, for every socket frame (${backend})`, () => {
  for (const { type, slots } of frames.filter((f) => f.slots.length > 0)) {
    const places = slots.map((s) => `${s.path.join('.')}${s.key ? ' (keys)' : ''}`);
    it(`a "${type}" frame gets an invalid error frame naming the place for ${places.join(', ')}, and nothing is stored`, async () => {
      const before = await stored();
      const sockets: TestSocket[] = [await visitorSocket(t, visitorToken), await agentSocket(t, admin)];
      const wrong: string[] = [];
      for (const socket of sockets) {
        for (const slot of slots) {
          for (const bad of BAD) {
            const seen = socket.frames.length;
            socket.send(slot.build(bad.text));
            const answer = await socket.next('error', (f) => socket.frames.indexOf(f) >= seen);
            const expected = refusal(slot.path, slot, bad.says);
            if (answer.error.code !== 'invalid' || answer.error.message !== expected) {
              wrong.push(`${slot.path.join('.')} with ${bad.what}: ${JSON.stringify(answer.error)}`);
            }
          }
        }
        await socket.sync();
        expect(socket.frames.filter((f) => f.type === 'ack')).toEqual([]);
        socket.close();
      }
      expect(wrong).toEqual([]);
      expect(await stored()).toEqual(before);
    });
  }
});

/** Text that is odd but storable: direction overrides, invisible characters, decomposed accents, joined emoji. */
const ODD =
  'A\u202Egnp.exe\u202C \u200B\u200D\uFEFF Ame\u0301lie Am\u00E9lie \u{1F469}\u200D\u{1F469}\u200D\u{1F467} \u0627\u0644\u0633\u0644\u0627\u0645 \u{10348}';

describe(`odd but storable text is never a 500, and a message keeps it exactly (${backend})`, () => {
  it('every string place of every route takes direction overrides, zero-width and decomposed characters with a 2xx or 4xx', async () => {
    const wrong: string[] = [];
    for (const { spec, slots } of routes.filter((r) => r.slots.length > 0)) {
      for (const { part, slot } of slots) {
        const res = await requestWith(spec, part, slot, ODD);
        if (res.status >= 500) wrong.push(`${spec.method} ${spec.url} ${part}.${slot.path.join('.')}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a message with them reaches the agent exactly as the customer wrote it, neither normalised nor stripped', async () => {
    const { visitorToken: token, conversationId } = await buildConversation(t, workspace, ODD);
    expect(token).toBeTruthy();
    const res = await request(t, 'GET', `/api/v1/conversations/${conversationId}/entries`, undefined, {
      headers: { cookie: admin.cookie },
    });
    expect(res.body.entries.find((e: { kind: string }) => e.kind === 'message').body).toBe(ODD);
  });
});
