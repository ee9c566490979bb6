import type { TestServer } from '../../testing/testServer.ts';

/**
 * Every report figure worked out again by hand from the raw rows, in plain code over what a SELECT returns:
 * no SQL aggregate, nothing shared with the reports module. The tests hold the API to these.
 */
export interface Raw {
  conversations: Array<{
    id: string;
    customerId: string;
    channel: string;
    teamId: string | null;
    assigneeId: string | null;
    status: string;
    startedAt: Date;
    humanConnectedAt: Date | null;
    resolvedAt: Date | null;
    transfers: number;
  }>;
  entries: Array<{
    conversationId: string;
    seq: number;
    kind: string;
    direction: string | null;
    authorKind: string;
    channel: string | null;
    body: string;
    emotion: string | null;
    createdAt: Date;
  }>;
  surveys: Array<{ conversationId: string; csat: number | null; ces: number | null }>;
  callbacks: Array<{ conversationId: string; status: string; windowEnd: Date }>;
  recoveries: Array<{ conversationId: string; steps: Array<Date | null> }>;
  customers: Array<{ id: string; attributes: Record<string, unknown> }>;
  teams: Array<{ id: string; restricted: boolean; memberIds: string[] }>;
}

export async function rawRows(t: TestServer, workspaceId: string): Promise<Raw> {
  const q = <T>(text: string) => t.db.query<T>(text, [workspaceId]) as Promise<T[]>;
  return {
    conversations: await q(`select id, customer_id as "customerId", channel, team_id as "teamId", assignee_id as "assigneeId",
      status, started_at as "startedAt", human_connected_at as "humanConnectedAt", resolved_at as "resolvedAt", transfers
      from conversations where workspace_id = $1`),
    entries: await q(`select conversation_id as "conversationId", seq, kind, direction, author_kind as "authorKind", channel,
      body, emotion, created_at as "createdAt" from entries where workspace_id = $1`),
    surveys: await q(`select conversation_id as "conversationId", csat, ces from survey_responses where workspace_id = $1`),
    callbacks: await q(`select conversation_id as "conversationId", status, window_end as "windowEnd" from callbacks
      where workspace_id = $1`),
    recoveries: await q(`select conversation_id as "conversationId",
      array[acknowledged_at, fixed_at, compensation_at, followed_up_at] as steps from recoveries where workspace_id = $1`),
    customers: await q('select id, attributes from customers where workspace_id = $1'),
    teams:
      await q(`select t.id, t.restricted, coalesce(array_agg(m.agent_id) filter (where m.agent_id is not null), '{}') as "memberIds"
      from teams t left join team_members m on m.team_id = t.id where t.workspace_id = $1 group by t.id`),
  };
}

export interface Look {
  from: string;
  to: string;
  tz: string;
  viewer: { id: string; role: string };
  groupBy: 'channel' | 'team' | 'agent';
  now: Date;
}

type Conversation = Raw['conversations'][number];
type Cell = Record<string, number | null>;

const calendars = new Map<string, Intl.DateTimeFormat>();
function dayIn(tz: string, at: Date): string {
  let calendar = calendars.get(tz);
  if (!calendar) {
    calendar = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    calendars.set(tz, calendar);
  }
  return calendar.format(at);
}

/** Nearest rank: the smallest value with at least q of them at or below it. */
function nearestRank(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(q * sorted.length) - 1] ?? sorted[0]!;
}
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const UPSET = ['angry', 'frustrated', 'anxious', 'sad'];

/** The conversations a person looking at the report may count: started in the period, and theirs to see. */
export function periodConversations(raw: Raw, look: Look): Conversation[] {
  return raw.conversations.filter((c) => {
    const day = dayIn(look.tz, c.startedAt);
    if (day < look.from || day > look.to) return false;
    if (look.viewer.role !== 'agent' || c.teamId === null || c.assigneeId === look.viewer.id) return true;
    const team = raw.teams.find((x) => x.id === c.teamId);
    return !team?.restricted || team.memberIds.includes(look.viewer.id);
  });
}

function entriesOf(raw: Raw, c: Conversation) {
  return raw.entries.filter((e) => e.conversationId === c.id).sort((a, b) => a.seq - b.seq);
}
const customerMessage = (e: Raw['entries'][number]) =>
  e.kind === 'message' && e.authorKind === 'customer' && e.direction === 'in';
const personMessage = (e: Raw['entries'][number]) => e.kind === 'message' && e.authorKind === 'agent' && e.direction === 'out';

/** Per conversation, what each figure counts of it (null: not counted). */
function perConversation(raw: Raw, look: Look, c: Conversation) {
  const es = entriesOf(raw, c);
  const firstReply = es.find(personMessage);
  const felt = es.filter((e) => customerMessage(e) && e.emotion !== null);
  const survey = raw.surveys.find((s) => s.conversationId === c.id);
  const saidBefore = new Set<string>();
  let repeats = 0;
  let switches = 0;
  let lastChannel: string | null = null;
  const waits: number[] = [];
  let waitingSince: Date | null = null;
  for (const e of es) {
    if (customerMessage(e)) {
      const words = e.body.replace(/\s+/g, ' ').trim().toLowerCase();
      if (words !== '' && saidBefore.has(words)) repeats += 1;
      saidBefore.add(words);
      if (lastChannel !== null && e.channel !== lastChannel) switches += 1;
      lastChannel = e.channel;
      waitingSince ??= e.createdAt;
    } else if (personMessage(e)) {
      if (waitingSince) waits.push(e.createdAt.getTime() - waitingSince.getTime());
      waitingSince = null;
    }
  }
  const decided = raw.callbacks.filter(
    (b) =>
      b.conversationId === c.id &&
      b.status !== 'cancelled' &&
      (['done', 'not_reached', 'wrong_number'].includes(b.status) || b.windowEnd.getTime() < look.now.getTime()),
  );
  const recovery = raw.recoveries.find((r) => r.conversationId === c.id);
  const arrivedUpset = felt.length > 0 && UPSET.includes(felt[0]!.emotion!);
  return {
    'time-to-human': c.humanConnectedAt ? c.humanConnectedAt.getTime() - c.startedAt.getTime() : null,
    'first-response': firstReply ? firstReply.createdAt.getTime() - c.startedAt.getTime() : null,
    resolution: c.status === 'resolved' && c.resolvedAt ? c.resolvedAt.getTime() - c.startedAt.getTime() : null,
    csat: survey?.csat ?? null,
    ces: survey?.ces ?? null,
    mood:
      c.status === 'resolved' && felt.length > 0
        ? { upset: arrivedUpset, better: arrivedUpset && !UPSET.includes(felt.at(-1)!.emotion!) }
        : null,
    effort: { transfers: c.transfers, repeats, switches, waits },
    abandoned: c.humanConnectedAt !== null || c.status === 'resolved' ? c.humanConnectedAt === null : null,
    kept: decided.length ? decided.every((b) => b.status === 'done') : null,
    recovered: recovery ? recovery.steps.every((s) => s !== null) : null,
  };
}

const durations = (ms: number[]): Cell => ({ p50: nearestRank(ms, 0.5), p90: nearestRank(ms, 0.9), count: ms.length });
const present = <T>(xs: Array<T | null>) => xs.filter((x): x is T => x !== null);

/** One figure's values over some conversations, worked out by hand. */
export function figureByHand(raw: Raw, look: Look, figure: string, cs: Conversation[]): Cell {
  const facts = cs.map((c) => perConversation(raw, look, c));
  switch (figure) {
    case 'time-to-human':
    case 'first-response':
    case 'resolution':
      return durations(present(facts.map((f) => f[figure])));
    case 'csat': {
      const scores = present(facts.map((f) => f.csat));
      return {
        average: mean(scores),
        satisfied: share(scores.filter((s) => s >= 4).length, scores.length),
        count: scores.length,
      };
    }
    case 'ces': {
      const scores = present(facts.map((f) => f.ces));
      return { average: mean(scores), easy: share(scores.filter((s) => s >= 5).length, scores.length), count: scores.length };
    }
    case 'mood-turnaround': {
      const upset = present(facts.map((f) => f.mood)).filter((m) => m.upset);
      const better = upset.filter((m) => m.better).length;
      return { arrivedUpset: upset.length, leftNotUpset: better, ratio: share(better, upset.length) };
    }
    case 'effort': {
      const n = facts.length;
      const per = (k: 'transfers' | 'repeats' | 'switches') => (n ? facts.reduce((s, f) => s + f.effort[k], 0) / n : null);
      return {
        transfersPerConversation: per('transfers'),
        repeatsPerConversation: per('repeats'),
        channelSwitchesPerConversation: per('switches'),
        waitP50: nearestRank(
          facts.flatMap((f) => f.effort.waits),
          0.5,
        ),
        conversations: n,
      };
    }
    case 'abandonment': {
      const decided = present(facts.map((f) => f.abandoned));
      const gone = decided.filter(Boolean).length;
      return { waited: decided.length, abandoned: gone, ratio: share(gone, decided.length) };
    }
    case 'callbacks-kept': {
      const promised = present(facts.map((f) => f.kept));
      const kept = promised.filter(Boolean).length;
      return { promised: promised.length, kept, ratio: share(kept, promised.length) };
    }
    case 'recoveries': {
      const failures = present(facts.map((f) => f.recovered));
      const recovered = failures.filter(Boolean).length;
      return { failures: failures.length, recovered, ratio: share(recovered, failures.length) };
    }
    default:
      throw new Error(`no hand count for ${figure}`);
  }
}

/** The row a conversation falls in, grouped as the report is. */
export function rowOf(look: Look, c: Conversation): string {
  if (look.groupBy === 'team') return c.teamId ?? 'none';
  if (look.groupBy === 'agent') return c.assigneeId ?? 'none';
  return c.channel;
}

/** The channel matrix by hand: per purchase channel, how many customers used each service channel. */
export function matrixByHand(raw: Raw, cs: Conversation[]): Record<string, Cell> {
  const cells: Record<string, Record<string, Set<string>>> = {};
  for (const c of cs) {
    const customer = raw.customers.find((x) => x.id === c.customerId);
    const said = String(customer?.attributes.purchase_channel ?? '')
      .trim()
      .toLowerCase();
    const purchase = ['store', 'web', 'phone'].includes(said) ? said : 'unknown';
    const used = new Set([
      c.channel,
      ...present(
        entriesOf(raw, c)
          .filter(customerMessage)
          .map((e) => e.channel),
      ),
    ]);
    for (const service of used) {
      cells[purchase] ??= {};
      cells[purchase][service] ??= new Set();
      cells[purchase][service].add(c.customerId);
    }
  }
  const out: Record<string, Cell> = {};
  for (const purchase of ['store', 'web', 'phone', 'unknown']) {
    out[purchase] = Object.fromEntries(
      ['chat', 'email', 'phone', 'sms', 'in_person'].map((s) => [s, cells[purchase]?.[s]?.size ?? 0]),
    );
  }
  return out;
}

/** How many of these conversations had at least one wait for a person that a person ended. */
export function conversationsWithWaits(raw: Raw, look: Look, cs: Conversation[]): number {
  return cs.filter((c) => perConversation(raw, look, c).effort.waits.length > 0).length;
}
