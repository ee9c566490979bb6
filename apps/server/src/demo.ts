import { randomUUID } from 'node:crypto';
import type { Services } from './core/context.ts';
import { createAdmin } from './modules/auth/index.ts';
import { appendEntry, appendMessage, conversations, setResolved } from './modules/conversations/index.ts';
import { attributeDefinitions, customerNotes, customers, organizations } from './modules/customers/index.ts';
import { agents, setPresence, teams, updateProfile } from './modules/teams/index.ts';
import { workspaces } from './modules/workspaces/index.ts';

export const DEMO_WORKSPACE_KEY = 'demo';

/** The storefront's member account: signed in on /demo?member=1, verified by HMAC, with a history. */
export const DEMO_MEMBER = { userId: 'jr-1001', name: 'Halima Yusuf', email: 'halima@example.com' } as const;
export const DEMO_PASSWORD = 'warmline-demo';

const team = [
  { email: 'amina@juniper-rye.example', displayName: 'Amina Odhiambo', role: 'admin', avatar: 'amina' },
  { email: 'jonas@juniper-rye.example', displayName: 'Jonas Berg', role: 'agent', avatar: 'jonas' },
  { email: 'priya@juniper-rye.example', displayName: 'Priya Nair', role: 'supervisor', avatar: 'priya' },
] as const;

/** Seeds the "Juniper & Rye" bakery: three people with photos, a few customers and conversations. Idempotent. */
export async function seedDemo(services: Services): Promise<{ workspaceKey: string; created: boolean }> {
  if (await workspaces.byKey(services.db, DEMO_WORKSPACE_KEY)) return { workspaceKey: DEMO_WORKSPACE_KEY, created: false };
  const workspace = await workspaces.create(services.db, { name: 'Juniper & Rye', key: DEMO_WORKSPACE_KEY });
  const people = [];
  for (const p of team) {
    const agent = await createAdmin(services, {
      email: p.email,
      displayName: p.displayName,
      password: DEMO_PASSWORD,
      role: p.role,
      workspace,
    });
    const actor = { kind: 'agent', workspaceId: workspace.id, agentId: agent.id, role: p.role } as const;
    await updateProfile(services, actor, { avatarUrl: `/avatars/${p.avatar}.svg` });
    people.push(actor);
  }
  const [amina, jonas, priya] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
  // A neighbourhood bakery answers every day, so the demo can book a callback at any hour.
  const allDay: [string, string] = ['00:00', '24:00'];
  await workspaces.setHours(services.db, workspace.id, {
    timezone: 'Africa/Nairobi',
    openingHours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  });
  const orders = await teams.create(services.db, workspace.id, { name: 'Orders & deliveries', targetSeconds: 120 });
  const cakes = await teams.create(services.db, workspace.id, { name: 'Cakes & custom orders', targetSeconds: 300 });
  await teams.setMembers(services.db, workspace.id, orders.id, [amina.agentId, jonas.agentId]);
  await teams.setMembers(services.db, workspace.id, cakes.id, [amina.agentId, priya.agentId]);
  await agents.updateRouting(services.db, workspace.id, amina.agentId, { languages: ['en', 'sw'], skills: ['cakes', 'billing'] });
  await agents.updateRouting(services.db, workspace.id, jonas.agentId, { languages: ['en', 'sv'], skills: ['deliveries'] });
  await agents.updateRouting(services.db, workspace.id, priya.agentId, { languages: ['en', 'hi'], skills: ['cakes'] });

  const chat = async (name: string, email: string, lines: Array<['in' | 'out' | 'note', string]>, agent = jonas) => {
    const customer = await customers.create(services.db, workspace.id, { name });
    await customers.addIdentity(services.db, workspace.id, {
      customerId: customer.id,
      kind: 'email',
      value: email,
      verified: true,
    });
    const visitor = { kind: 'visitor', workspaceId: workspace.id, customerId: customer.id } as const;
    let conversationId: string | undefined;
    for (const [who, body] of lines) {
      const clientId = randomUUID();
      const { entry } =
        who === 'in'
          ? await appendMessage(services, visitor, { clientId, body })
          : await appendMessage(services, agent, { clientId, body, conversationId, note: who === 'note' });
      conversationId = entry.conversationId;
    }
    return conversationId!;
  };

  // Nobody is available while seeding, so the first one waits in the queue.
  await chat('Wanjiru Kamau', 'wanjiru@example.com', [
    ['in', 'Hi! Do you still have the rye sourdough for Saturday? I need two loaves for a birthday.'],
  ]);
  await setPresence(services, jonas, 'available');
  await chat('Tomás Ruiz', 'tomas@example.com', [
    ['in', 'My order #4821 arrived without the cardamom buns :('],
    ['out', "I'm so sorry, Tomás — that's on us. I've put a fresh box on today's delivery, no charge."],
    ['note', 'Packing missed the buns twice this week — flagging to Priya.'],
    ['in', 'Oh that is kind, thank you!'],
  ]);
  const resolved = await chat(
    'Mei Chen',
    'mei@example.com',
    [
      ['in', 'Are your croissants made with real butter?'],
      ['out', 'They are — French butter, folded by hand every morning. Anything else I can help with?'],
      ['in', 'Perfect, thanks!'],
    ],
    amina,
  );
  await setResolved(services, amina, { conversationId: resolved, resolved: true });
  await seedCustomerStories(services, workspace.id, { amina, jonas, priya });
  await setPresence(services, jonas, 'away');
  await agents.setPresence(services.db, workspace.id, amina.agentId, 'offline');
  return { workspaceKey: DEMO_WORKSPACE_KEY, created: true };
}

type DemoActor = { kind: 'agent'; workspaceId: string; agentId: string; role: 'agent' | 'supervisor' | 'admin' };

/**
 * Customers with a story: a household whose member shops online (the storefront's signed-in member),
 * an office that orders every week, custom attributes, notes, and past conversations on email, phone and
 * at the counter, so the profile and timeline have something to tell.
 */
async function seedCustomerStories(
  services: Services,
  workspaceId: string,
  people: { amina: DemoActor; jonas: DemoActor; priya: DemoActor },
) {
  const db = services.db;
  for (const attribute of [
    { key: 'plan', label: 'Plan', type: 'choice' as const, choices: ['bread club', 'wholesale', 'none'] },
    { key: 'allergies', label: 'Allergies', type: 'text' as const, choices: [] },
    { key: 'member_since', label: 'Member since', type: 'date' as const, choices: [] },
  ]) {
    await attributeDefinitions.put(db, workspaceId, attribute);
  }
  const person = async (name: string, points: Array<['email' | 'phone' | 'external', string]>, extra = {}) => {
    const customer = await customers.create(db, workspaceId, { name, ...extra });
    for (const [kind, value] of points)
      await customers.addIdentity(db, workspaceId, { customerId: customer.id, kind, value, verified: true });
    return customer.id;
  };
  const halima = await person(
    DEMO_MEMBER.name,
    [
      ['external', DEMO_MEMBER.userId],
      ['email', DEMO_MEMBER.email],
      ['phone', '+254722410188'],
    ],
    {
      ownerAgentId: people.amina.agentId,
      attributes: { plan: 'bread club', allergies: 'sesame (Zara)', member_since: '2023-03-14' },
    },
  );
  const zara = await person('Zara Yusuf', []);
  const household = await organizations.create(db, workspaceId, {
    name: 'Yusuf household',
    kind: 'household',
    ownerAgentId: people.amina.agentId,
  });
  await organizations.setMember(db, workspaceId, household.id, halima, 'decision_maker');
  await organizations.setMember(db, workspaceId, household.id, zara, 'beneficiary');
  await customerNotes.add(db, workspaceId, {
    customerId: halima,
    authorId: people.amina.agentId,
    body: 'Zara (her daughter) is allergic to sesame: always check toppings and the seeded rye.',
  });

  const grace = await person('Grace Mwangi', [['email', 'grace@alder-offices.example']], { attributes: { plan: 'wholesale' } });
  const peter = await person('Peter Otieno', [['email', 'peter@alder-offices.example']]);
  const offices = await organizations.create(db, workspaceId, {
    name: 'Alder Street Offices',
    kind: 'business',
    ownerAgentId: people.priya.agentId,
  });
  await organizations.setMember(db, workspaceId, offices.id, grace, 'buyer');
  await organizations.setMember(db, workspaceId, offices.id, peter, 'user');

  const day = 86_400_000;
  await pastConversation(
    services,
    workspaceId,
    halima,
    people.amina,
    'email',
    24 * day,
    [
      ['in', 'Hello! Could you bake a birthday cake for Zara on the 12th? It has to be sesame-free, she is allergic.'],
      ['out', 'Of course, Halima. A sesame-free honey cake with strawberries, baked on a clean bench. Ready at 10 on the 12th.'],
      ['in', 'Wonderful, thank you Amina!'],
    ],
    'grateful',
  );
  await pastConversation(
    services,
    workspaceId,
    halima,
    people.jonas,
    'phone',
    9 * day,
    [
      ['in', 'Called: the Saturday delivery to Riverside Drive came two hours late and the bread was cold.'],
      ['out', 'Apologised, refunded the delivery fee, and put her on the first van next Saturday.'],
    ],
    'frustrated',
  );
  await pastConversation(
    services,
    workspaceId,
    grace,
    people.priya,
    'email',
    5 * day,
    [
      ['in', 'Please move our Monday order of 40 croissants to Tuesday this week: the office is closed.'],
      ['out', 'Done, Grace: 40 croissants on Tuesday at 8. Have a good long weekend!'],
    ],
    'neutral',
  );
  await pastConversation(
    services,
    workspaceId,
    peter,
    people.jonas,
    'in_person',
    2 * day,
    [
      ['in', 'Asked at the counter whether the office croissants can come with oat-milk butter.'],
      ['out', 'Not yet; noted the wish for the team.'],
    ],
    'neutral',
  );
}

/** A resolved conversation from the past, on any channel, with its clocks set back in time. */
async function pastConversation(
  services: Services,
  workspaceId: string,
  customerId: string,
  agent: DemoActor,
  channel: 'email' | 'phone' | 'in_person',
  ago: number,
  lines: Array<['in' | 'out', string]>,
  mood: 'grateful' | 'frustrated' | 'neutral',
) {
  const db = services.db;
  const started = new Date(services.now().getTime() - ago);
  const conversationId = await conversations.create(db, workspaceId, { customerId, channel, assigneeId: agent.agentId });
  let at = started.getTime();
  for (const [direction, body] of lines) {
    const entry = await appendEntry(db, {
      workspaceId: workspaceId,
      conversationId: conversationId,
      kind: 'message',
      direction,
      channel,
      body,
      author: direction === 'in' ? { kind: 'customer', id: customerId } : { kind: 'agent', id: agent.agentId },
      ...(direction === 'in'
        ? { emotion: { label: mood, sentiment: mood === 'frustrated' ? -0.5 : 0.4, upset: mood === 'frustrated' } }
        : {}),
    });
    await db.query('update entries set created_at = $2 where id = $1', [entry.id, new Date(at)]);
    at += 7 * 60_000;
  }
  await db.query(
    `update conversations set status = 'resolved', started_at = $2, human_connected_at = $2, first_response_at = $3,
       resolved_at = $4, updated_at = $4, last_message_at = $4 where id = $1`,
    [conversationId, started, new Date(started.getTime() + 7 * 60_000), new Date(at)],
  );
}
