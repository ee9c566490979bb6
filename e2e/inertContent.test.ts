import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api.ts';
import { DEMO_AGENT, launchChromium, screenshots, startWarmline, type Warmline } from './harness.ts';

// What an attacker types wherever Warmline takes text. Each one sets window.__xss if it ever runs.
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const SVG = '<svg onload=window.__xss=3>';
const IFRAME = '"><iframe src=javascript:window.__xss=4>';
const JS_LINK = 'javascript:window.__xss=5';

/** Every place text goes in, with what is typed there. Some start as a spreadsheet formula would, for the CSV exports. */
const TEXT = {
  workspace: `Juniper & Rye ${SVG}`,
  team: `=Cakes ${SCRIPT}`,
  jonas: `@Jonas ${IMG}`,
  organization: `+Household ${IFRAME}`,
  attributeLabel: `Allergy ${SVG}`,
  ada: `-Ada ${IMG}`,
  adaAllergy: `\t=1+1 ${SCRIPT}`,
  adaNote: `Prefers ${IFRAME}`,
  adaExternal: `ext-${SVG}`,
  visitorOrder: `quincewafer ${IMG} where is my order?`,
  visitorTags: `${SCRIPT}${SVG}${IFRAME}`,
  visitorLink: `[my receipt](${JS_LINK}) ${JS_LINK}`,
  jonasReply: `Hello ${SVG} see ${JS_LINK}`,
  jonasNote: `Internal ${IMG}`,
  failure: `Late ${SCRIPT}`,
  fixed: `Fixed ${IMG}`,
  handoff: `Handoff ${IMG}${SCRIPT}`,
  handoffReason: `Reason ${SVG}`,
  bo: `=HYPERLINK("https://evil.example","Bo") ${SVG}`,
  boAllergy: `\r+1 ${IFRAME}`,
  boMessage: `Anyone there? ${IFRAME}`,
  cy: `Cy ${SCRIPT}`,
  cyMessage: `Still waiting ${SVG}`,
} as const;

/** Shown where spaces and line breaks collapse (tabs and CRs included), as a person reads it. */
const shown = (text: string) => text.replace(/\s+/g, ' ').trim();

let warmline: Warmline;
let browser: Browser;
let agent: Page;
let visitor: Page;
let amina: Awaited<ReturnType<typeof apiSession>>;
const ids = { ada: '', bo: '', adaConversation: '', organization: '' };
let adaToken = '';
/** Amina's session cookie, for the files and raw answers the JSON helper would parse. */
let cookie = '';

/** Records every securitypolicyviolation of the page and its frames, before any of the page's own script runs. */
const recordViolations = () => {
  const w = window as unknown as { __cspViolations: string[] };
  w.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) =>
      w.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    true,
  );
};
const consoleProblems: string[] = [];
const watch = (page: Page) => {
  page.on('console', (m) => {
    if (/content security policy|trusted type|refused to/i.test(m.text())) consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
};

async function widgetCall(url: string, body: unknown, token?: string) {
  const res = await fetch(`${warmline.url}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${url} → ${res.status} ${await res.text()}`);
  return res.json();
}

const visitorSession = async () => (await widgetCall('/api/v1/widget/session', { workspaceKey: 'demo' })).visitorToken as string;
const customerOf = async (conversationId: string) =>
  (await amina.get(`/api/v1/conversations/${conversationId}`)).conversation.customer.id as string;

async function visitorWrites(token: string, body: string): Promise<string> {
  const { entry } = await widgetCall('/api/v1/widget/messages', { clientId: randomUUID(), body }, token);
  return entry.conversationId as string;
}

/** Everything above, typed in through the real API by the people who would type it. */
async function seed() {
  amina = await apiSession(warmline.url, DEMO_AGENT.email, DEMO_AGENT.password);
  const signIn = await fetch(`${warmline.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_AGENT.email, password: DEMO_AGENT.password }),
  });
  cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const jonas = await apiSession(warmline.url, 'jonas@juniper-rye.example', DEMO_AGENT.password);
  await amina.patch('/api/v1/workspace', { name: TEXT.workspace });
  await jonas.patch('/api/v1/agents/me', { displayName: TEXT.jonas });
  const { team } = await amina.post('/api/v1/teams', { name: TEXT.team });
  await amina.put(`/api/v1/teams/${team.id}/members`, { agentIds: [amina.agentId, jonas.agentId] });
  await amina.post('/api/v1/attributes', { key: 'allergy', label: TEXT.attributeLabel, type: 'text' });
  const { organization } = await amina.post('/api/v1/organizations', { name: TEXT.organization });
  ids.organization = organization.id;

  // Ada chats: Jonas answers, notes, flags a failure and hands her over to Amina.
  adaToken = await visitorSession();
  ids.adaConversation = await visitorWrites(adaToken, TEXT.visitorOrder);
  await visitorWrites(adaToken, TEXT.visitorTags);
  await visitorWrites(adaToken, TEXT.visitorLink);
  const c = `/api/v1/conversations/${ids.adaConversation}`;
  await amina.post(`${c}/assign`, { agentId: jonas.agentId });
  await jonas.patch(c, { teamId: team.id });
  await jonas.post(`${c}/messages`, { clientId: randomUUID(), body: TEXT.jonasReply });
  await jonas.post(`${c}/notes`, { clientId: randomUUID(), body: TEXT.jonasNote });
  await jonas.post(`${c}/service-failure`, { reason: TEXT.failure });
  await jonas.post(`${c}/recovery`, { step: 'fixed', note: TEXT.fixed });
  await jonas.post(`${c}/transfer`, { toAgentId: amina.agentId, note: TEXT.handoff, reason: TEXT.handoffReason });
  ids.ada = await customerOf(ids.adaConversation);
  await amina.patch(`/api/v1/customers/${ids.ada}`, { name: TEXT.ada, attributes: { allergy: TEXT.adaAllergy } });
  await amina.post(`/api/v1/customers/${ids.ada}/notes`, { body: TEXT.adaNote });
  await amina.post(`/api/v1/customers/${ids.ada}/identities`, { kind: 'external', value: TEXT.adaExternal });
  await amina.put(`/api/v1/organizations/${ids.organization}/members/${ids.ada}`, { role: 'decision_maker' });

  // Bo finds nobody free, waits in the queue and leaves a message under a name that is a formula.
  const bo = await visitorSession();
  const boConversation = await visitorWrites(bo, TEXT.boMessage);
  await widgetCall(
    '/api/v1/widget/leave-message',
    { conversationId: boConversation, email: 'bo@example.com', name: TEXT.bo },
    bo,
  );
  ids.bo = await customerOf(boConversation);
  await amina.patch(`/api/v1/customers/${ids.bo}`, { attributes: { allergy: TEXT.boAllergy } });

  // Cy just waits for a person.
  const cyId = await customerOf(await visitorWrites(await visitorSession(), TEXT.cyMessage));
  await amina.patch(`/api/v1/customers/${cyId}`, { name: TEXT.cy });
}

beforeAll(async () => {
  warmline = await startWarmline({ demo: true });
  browser = await launchChromium();
  const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const visitorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await agentContext.addInitScript(recordViolations);
  await visitorContext.addInitScript(recordViolations);
  agent = await agentContext.newPage();
  visitor = await visitorContext.newPage();
  watch(agent);
  watch(visitor);
  await seed();
});

afterAll(async () => {
  await browser?.close();
  await warmline?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`) });

/**
 * What a payload would leave behind if it had run or been parsed as HTML, in every frame and shadow root:
 * window.__xss, an element it made, an event-handler attribute, a javascript: link; and every CSP violation.
 */
async function traces(page: Page) {
  return Promise.all(
    page.frames().map((frame) =>
      frame.evaluate(() => {
        const elements: string[] = [];
        const visit = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            const tag = el.tagName.toLowerCase();
            for (const name of el.getAttributeNames()) if (name.startsWith('on')) elements.push(`<${tag} ${name}>`);
            if (tag === 'img' && el.getAttribute('src') === 'x') elements.push('<img src=x>');
            if (['iframe', 'object', 'embed', 'frame'].includes(tag)) elements.push(`<${tag}>`);
            if (tag === 'script' && !el.hasAttribute('src')) elements.push('<script> without src');
            const href = el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? el.getAttribute('src') ?? '';
            if (/^\s*javascript:/i.test(href)) elements.push(`<${tag}> to ${href}`);
            if (el.shadowRoot) visit(el.shadowRoot);
          }
        };
        visit(document);
        const w = window as unknown as { __xss?: unknown; __cspViolations?: string[] };
        return { frame: location.href, xss: w.__xss, elements, violations: w.__cspViolations ?? ['no recorder in this frame'] };
      }),
    ),
  );
}

/**
 * The screen shows each text as the very characters typed (in the widget's shadow root too), or for editing as a
 * field's value; and nothing typed anywhere ran, was built into the page or was blocked.
 */
async function expectInert(page: Page, texts: readonly string[], fields: readonly string[] = []) {
  for (const text of texts) await page.getByText(shown(text)).filter({ visible: true }).first().waitFor({ timeout: 10_000 });
  const values = () => page.locator('input, textarea').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  for (const value of fields) await expect.poll(values).toContain(value);
  for (const frame of await traces(page)) {
    expect(frame, frame.frame).toEqual({ frame: frame.frame, xss: undefined, elements: [], violations: [] });
  }
  expect(consoleProblems).toEqual([]);
}

/**
 * The policy holds and the recorder hears it: on a page of its own (its console is not watched), an inline script
 * put in from outside does not run and is reported.
 */
async function expectInlineScriptRefused(page: Page) {
  const probe = await page.context().newPage();
  await probe.goto(page.url());
  await probe.evaluate(() => {
    const script = document.createElement('script');
    try {
      script.textContent = 'window.__probe = 1';
      document.body.append(script);
    } catch {
      // Trusted Types refuse the text itself.
    }
    script.remove();
  });
  const violations = () => probe.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
  expect((await violations())[0]).toMatch(/^(script-src|require-trusted-types-for)/);
  expect(await probe.evaluate(() => (window as unknown as { __probe?: number }).__probe)).toBeUndefined();
  await probe.close();
}

/** The cells of an export (RFC 4180): a cell is quoted (a quote doubled inside) or plain, then a comma, CRLF or the end. */
function csvCells(text: string): string[][] {
  const rows: string[][] = [[]];
  for (const [, quoted, plain, end] of text.matchAll(/(?:"((?:[^"]|"")*)"|([^",\r\n]*))(,|\r\n|$)/g)) {
    rows.at(-1)!.push(quoted === undefined ? plain! : quoted.replaceAll('""', '"'));
    if (end === '\r\n') rows.push([]);
    if (end === '') break;
  }
  return rows;
}

const ADA_PANEL = [TEXT.ada, TEXT.attributeLabel, TEXT.adaNote, TEXT.organization, TEXT.adaExternal];
const ADA_TIMELINE = [TEXT.visitorOrder, TEXT.visitorTags, TEXT.visitorLink, TEXT.jonasReply, TEXT.jonasNote];

describe('what customers and colleagues type stays text, under a strict CSP, in Chromium', () => {
  it('every page is served with the strict policy, and the agent signs in under it', async () => {
    const response = await agent.goto(`${warmline.url}/app`);
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self';.*object-src 'none'/);
    expect(response!.headers()['content-security-policy']).not.toContain('unsafe-');
    await agent.locator('[data-testid="sign-in-email"]').fill(DEMO_AGENT.email);
    await agent.locator('[data-testid="sign-in-password"]').fill(DEMO_AGENT.password);
    await agent.locator('[data-testid="sign-in-submit"]').click();
    await agent.locator('[data-testid="presence-switch"]').waitFor();
    await expectInert(agent, [TEXT.workspace]);
    await expectInlineScriptRefused(agent);
  });

  it('the inbox lists both customers by the names they gave', async () => {
    await agent.goto(`${warmline.url}/app`);
    await agent.locator('[data-testid="inbox-tab-all"]').click();
    await expectInert(agent, [TEXT.ada, TEXT.bo, TEXT.cy]);
  });

  it('the conversation shows messages, notes, the handoff, the recovery and the profile beside it as text', async () => {
    await agent.goto(`${warmline.url}/app/conversations/${ids.adaConversation}`);
    await agent.locator('[data-testid="handoff-banner"]').waitFor({ timeout: 10_000 });
    // With a handoff waiting, both panels start folded to a line: open them to read everything.
    await agent.locator('[data-testid="handoff-toggle"]').click();
    await agent.locator('[data-testid="recovery-toggle"]').click();
    await expectInert(
      agent,
      [...ADA_TIMELINE, TEXT.handoff, TEXT.handoffReason, TEXT.failure, TEXT.fixed, TEXT.jonas, ...ADA_PANEL],
      [TEXT.adaAllergy],
    );
    // The checklist folded away, for a picture of the messages themselves.
    await agent.locator('[data-testid="recovery-toggle"]').click();
    await agent.locator('[data-testid="recovery-step"]').first().waitFor({ state: 'hidden' });
    await agent.getByText(shown(TEXT.visitorTags)).scrollIntoViewIfNeeded();
    await shot(agent, 'inert-conversation');
  });

  it('search finds the words and shows the snippet as text', async () => {
    await agent.locator('[data-testid="search-input"]').fill('quincewafer');
    const results = agent.locator('[data-testid="search-results"][data-phase="done"]');
    await results.locator('[data-testid="search-snippet"]').first().waitFor({ timeout: 10_000 });
    expect(await results.locator('[data-testid="search-snippet"] mark').first().innerText()).toBe('quincewafer');
    await expectInert(agent, ['onerror="window.__xss=1"', TEXT.ada]);
    await agent.locator('[data-testid="search-input"]').fill('Ada');
    await results.getByText(shown(TEXT.ada)).first().waitFor({ timeout: 10_000 });
    await expectInert(agent, [TEXT.ada]);
    await agent.keyboard.press('Escape');
  });

  it('the customer page tells the story as text', async () => {
    await agent.goto(`${warmline.url}/app/customers/${ids.ada}`);
    await agent.locator('[data-testid="story-timeline"]').waitFor();
    await expectInert(agent, [...ADA_PANEL, TEXT.visitorOrder, TEXT.jonasReply], [TEXT.adaAllergy]);
    await shot(agent, 'inert-customer');
  });

  it('the customers list, the organizations and the organization page show names as text', async () => {
    await agent.goto(`${warmline.url}/app/customers`);
    await expectInert(agent, [TEXT.ada, TEXT.bo]);
    await agent.goto(`${warmline.url}/app/organizations`);
    await expectInert(agent, [TEXT.organization]);
    await agent.goto(`${warmline.url}/app/organizations/${ids.organization}`);
    await expectInert(agent, [TEXT.organization, TEXT.ada]);
  });

  it('the team and settings page shows the team, the people and the workspace as text', async () => {
    await agent.goto(`${warmline.url}/app/team`);
    await expectInert(agent, [TEXT.team, TEXT.jonas, TEXT.workspace]);
  });

  it('the supervisor view shows the queue and the people as text', async () => {
    await agent.goto(`${warmline.url}/app/supervisor`);
    await agent.locator('[data-testid="queue-row"]').first().waitFor({ timeout: 10_000 });
    await expectInert(agent, [TEXT.cy, TEXT.jonas]);
    await shot(agent, 'inert-supervisor');
  });

  it('the visitor on the demo shop reads the conversation as text, with the agent’s name, and no internal note', async () => {
    await visitor.addInitScript((token) => {
      localStorage.setItem('warmline:demo:token', token);
      localStorage.setItem('warmline:demo:user', '');
    }, adaToken);
    const response = await visitor.goto(`${warmline.url}/demo`);
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self';.*frame-ancestors 'none'/);
    expect(response!.headers()['content-security-policy']).not.toContain('unsafe-');
    await expectInlineScriptRefused(visitor);
    await visitor.getByText('Chat with Amina & the team').click();
    await visitor.locator('[data-testid="wl-panel"]').waitFor();
    await expectInert(visitor, [
      TEXT.visitorOrder,
      TEXT.visitorTags,
      TEXT.visitorLink,
      TEXT.jonasReply,
      TEXT.jonas,
      TEXT.workspace,
    ]);
    expect(await visitor.locator('[data-testid="wl-panel"]').innerText()).not.toContain('Internal');
    await shot(visitor, 'inert-widget');
  });

  it('the CSV exports neutralise every cell a spreadsheet would run as a formula', async () => {
    const csv = async (what: string) => {
      const res = await fetch(`${warmline.url}/api/v1/exports/${what}?format=csv`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      return csvCells(await res.text());
    };
    const customers = await csv('customers');
    const conversations = await csv('conversations');
    for (const cell of [...customers, ...conversations].flat()) {
      // A plain signed number (a phone number such as +254…) cannot run anything and is kept as written.
      if (/^[+-]?\d[\d ]*(?:\.\d+)?$/.test(cell)) continue;
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const header = customers[0]!;
    const row = (id: string) => customers.find((r) => r[0] === id)!;
    const cellOf = (id: string, column: string) => row(id)[header.indexOf(column)];
    expect(cellOf(ids.ada, 'name')).toBe(`'${TEXT.ada}`);
    expect(cellOf(ids.ada, 'attr:allergy')).toBe(`'${TEXT.adaAllergy}`);
    expect(cellOf(ids.ada, 'organizations')).toBe(`'${TEXT.organization} (decision_maker)`);
    expect(cellOf(ids.bo, 'name')).toBe(`'${TEXT.bo}`);
    expect(cellOf(ids.bo, 'attr:allergy')).toBe(`'${TEXT.boAllergy}`);
    const conversation = conversations.find((r) => r[0] === ids.adaConversation)!;
    expect(conversation[conversations[0]!.indexOf('team')]).toBe(`'${TEXT.team}`);
    expect(conversation[conversations[0]!.indexOf('assignee_name')]).toBe(`'${TEXT.jonas}`);
  });

  it('answers that carry the payloads are JSON, never HTML, and an unknown path echoing one is JSON too', async () => {
    const paths = [
      ...['', '/entries'].map((tail) => `/api/v1/conversations/${ids.adaConversation}${tail}`),
      ...['', '/timeline'].map((tail) => `/api/v1/customers/${ids.ada}${tail}`),
      `/api/v1/organizations/${ids.organization}`,
      ...['conversations?view=all', 'customers', 'search?q=quincewafer', 'teams', 'agents', 'workspace'].map(
        (p) => `/api/v1/${p}`,
      ),
      '/api/v1/supervisor/overview',
      `/api/v1/customers/${encodeURIComponent(SCRIPT)}`,
      `/api/v1/${encodeURIComponent(IMG)}`,
    ];
    for (const p of paths) {
      const res = await fetch(`${warmline.url}${p}`, { headers: { cookie } });
      expect(res.headers.get('content-type'), p).toMatch(/^application\/json\b/);
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      const text = await res.text();
      expect(() => JSON.parse(text), p).not.toThrow();
    }
  });
});
