import type { Services, VisitorActor } from '../../core/context.ts';
import { Unauthenticated } from '../../core/errors.ts';
import { customers } from '../customers/index.ts';
import { verifyVisitorToken } from './visitorToken.ts';

/**
 * A verified visitor, or 401 for anything forged, expired or erased. A visitor whose customer an
 * agent merged into someone else continues as that person.
 */
export async function visitorFromToken(services: Services, token: string): Promise<VisitorActor> {
  const claims = verifyVisitorToken(token, services.secretKey, services.now(), services.config.visitorTokenTtlDays);
  if (!claims) throw new Unauthenticated('Your visitor token is invalid or has expired. Start a new chat session.');
  let customer = await customers.byId(services.db, claims.workspaceId, claims.customerId);
  for (let hops = 0; customer?.mergedInto && hops < 10; hops++) {
    customer = await customers.byId(services.db, claims.workspaceId, customer.mergedInto);
  }
  if (!customer || customer.erasedAt) {
    throw new Unauthenticated('Your visitor token is invalid or has expired. Start a new chat session.');
  }
  return { kind: 'visitor', workspaceId: claims.workspaceId, customerId: customer.id };
}
