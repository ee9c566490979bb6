import type { Services, VisitorActor } from '../../core/context.ts';
import { Unauthenticated } from '../../core/errors.ts';
import { customers } from '../customers/index.ts';
import { signVisitorToken, verifyVisitorToken } from './visitorToken.ts';

/**
 * A verified visitor, or 401 for anything forged, expired, erased or revoked (a token of an earlier visitor epoch
 * than its customer's). A visitor whose customer an agent merged into someone else continues as that person only
 * if the merge kept their epoch, that is if they were verified (customerMerges.ts).
 */
export async function visitorFromToken(services: Services, token: string): Promise<VisitorActor> {
  const claims = claimsOf(services, token);
  if (!claims) throw ended();
  let customer = await customers.byId(services.db, claims.workspaceId, claims.customerId);
  if (!customer || customer.visitorEpoch !== (claims.epoch ?? 0)) throw ended();
  for (let hops = 0; customer?.mergedInto && hops < 10; hops++) {
    customer = await customers.byId(services.db, claims.workspaceId, customer.mergedInto);
  }
  if (!customer || customer.erasedAt || customer.mergedInto) throw ended();
  return { kind: 'visitor', workspaceId: claims.workspaceId, customerId: customer.id, visitorEpoch: customer.visitorEpoch };
}

/** True when the token was issued to a website's signed-in user (so it resumes only with that user proven again). */
export function isSignedInUserToken(services: Services, token: string): boolean {
  return claimsOf(services, token)?.user === true;
}

function claimsOf(services: Services, token: string) {
  return verifyVisitorToken(token, services.secretKey, services.now(), services.config.visitorTokenTtlDays);
}

/** Signs a new visitor token for a customer, in the customer's current visitor epoch; `user` for a proven website user. */
export function issueVisitorToken(
  services: Services,
  customer: { workspaceId: string; id: string; visitorEpoch: number },
  opts: { user?: boolean } = {},
): string {
  return signVisitorToken(
    {
      workspaceId: customer.workspaceId,
      customerId: customer.id,
      iat: Math.floor(services.now().getTime() / 1000),
      epoch: customer.visitorEpoch,
      ...(opts.user ? { user: true } : {}),
    },
    services.secretKey,
  );
}

const ended = () => new Unauthenticated('Your visitor token is invalid or has expired. Start a new chat session.');
