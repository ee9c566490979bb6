import type { AttributeDefinition, AttributeType } from '@warmline/shared';
import type { AgentActor, Services } from '../../core/context.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { attributeDefinitions } from './repository/attributes.ts';

/** The custom attributes a workspace keeps on customers (plan, birthday, loyalty tier …). Admins define them. */
export async function listAttributes(services: Services, actor: AgentActor): Promise<AttributeDefinition[]> {
  return attributeDefinitions.list(services.db, actor.workspaceId);
}

export async function defineAttribute(
  services: Services,
  actor: AgentActor,
  input: { key: string; label: string; type: AttributeType; choices: string[] },
): Promise<AttributeDefinition> {
  if (actor.role !== 'admin') throw new Forbidden('Only admins can define custom attributes.');
  return attributeDefinitions.put(services.db, actor.workspaceId, {
    ...input,
    choices: input.type === 'choice' ? [...new Set(input.choices)] : [],
  });
}

/** Removes the definition; values already stored stay on the customers (and come back if it is defined again). */
export async function removeAttribute(services: Services, actor: AgentActor, key: string): Promise<void> {
  if (actor.role !== 'admin') throw new Forbidden('Only admins can remove custom attributes.');
  if (!(await attributeDefinitions.remove(services.db, actor.workspaceId, key))) throw new NotFound('Attribute');
}
