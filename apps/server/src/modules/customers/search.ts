import type { SearchResponse } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import { iso } from '../../core/db/rows.ts';
import { toContactPrefix, toPrefixQuery } from './domain/searchQuery.ts';
import { presentCustomerSummary } from './presentCustomer.ts';
import { customers } from './repository/customers.ts';
import { search } from './repository/search.ts';

/**
 * Search as an agent types: customers by name and contact points, conversations by their text, only
 * what this agent may see. Nothing worth searching for yet (empty, one letter, only punctuation)
 * is an empty result, not an error.
 */
export async function searchWorkspace(
  services: Services,
  actor: AgentActor,
  input: { q: string; limit: number },
): Promise<SearchResponse> {
  const words = toPrefixQuery(input.q);
  const contactPrefix = toContactPrefix(input.q);
  if (!words && !contactPrefix) return { customers: [], conversations: [] };
  const viewer = { agentId: actor.agentId, role: actor.role };
  const [people, hits] = await Promise.all([
    search.customers(services.db, actor.workspaceId, words, contactPrefix, input.limit),
    words ? search.conversations(services.db, actor.workspaceId, viewer, words, input.limit) : [],
  ]);
  const known = new Map(people.map((c) => [c.id, c]));
  const missing = [...new Set(hits.map((h) => h.customerId))].filter((id) => !known.has(id));
  for (const c of await customers.byIds(services.db, actor.workspaceId, missing)) known.set(c.id, c);
  return {
    customers: people.map(presentCustomerSummary),
    conversations: hits.flatMap((h) => {
      const customer = known.get(h.customerId);
      if (!customer) return [];
      return [
        {
          conversationId: h.conversationId,
          customer: presentCustomerSummary(customer),
          channel: h.channel,
          status: h.status,
          snippet: h.snippet,
          at: iso(h.at),
        },
      ];
    }),
  };
}
