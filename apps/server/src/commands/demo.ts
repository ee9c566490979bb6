import { randomUUID } from 'node:crypto';
import { agents } from '../repositories/agents.ts';
import { customers } from '../repositories/customers.ts';
import { teams } from '../repositories/teams.ts';
import { workspaces } from '../repositories/workspaces.ts';
import { appendMessage } from './appendMessage.ts';
import type { Services } from './context.ts';
import { setResolved } from './conversations.ts';
import { setPresence, updateProfile } from './presence.ts';
import { createAdmin } from './workspaces.ts';

export const DEMO_WORKSPACE_KEY = 'demo';
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
    const customer = await customers.create(services.db, workspace.id, { name, email });
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
  await setPresence(services, jonas, 'away');
  await agents.setPresence(services.db, workspace.id, amina.agentId, 'offline');
  return { workspaceKey: DEMO_WORKSPACE_KEY, created: true };
}
