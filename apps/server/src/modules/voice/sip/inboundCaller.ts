import type { Services } from '../../../core/context.ts';
import { Invalid, NotFound } from '../../../core/errors.ts';
import { type CustomerRecord, customers } from '../../customers/index.ts';
import { workspaces } from '../../workspaces/index.ts';
import { callerOf } from './phoneNumbers.ts';
import { phoneCallers } from './repository.ts';

export interface InboundCaller {
  customer: CustomerRecord;
  /** The caller's number in E.164, or null when they withheld it. */
  number: string | null;
  /** True when nobody had this number yet and the call made a new (unverified) customer. */
  created: boolean;
}

/**
 * The customer a phone call comes from, so the agent who answers sees their story: whoever holds the caller's
 * number (a proven one first), else a new customer with that number, unverified. A withheld number makes a new
 * customer without one. `from` is the caller's SIP address as the phone line gave it.
 */
export async function customerForCaller(services: Services, workspaceId: string, from: string): Promise<InboundCaller> {
  const workspace = await workspaces.byId(services.db, workspaceId);
  if (!workspace) throw new NotFound('Workspace');
  const caller = callerOf(from, workspace.phoneCountry);
  if (!caller) {
    throw new Invalid(`from: "${from.slice(0, 80)}" is not a caller's SIP address with a phone number`, { field: 'from' });
  }
  if (caller.kind === 'withheld') {
    return { customer: await customers.create(services.db, workspaceId), number: null, created: true };
  }
  const { number } = caller;
  return services.db.transaction(async (tx) => {
    await phoneCallers.lockNumber(tx, workspaceId, number);
    const known = await customers.resolve(tx, workspaceId, 'phone', number);
    if (known) return { customer: known, number, created: false };
    const created = await customers.create(tx, workspaceId, {});
    await customers.addIdentity(tx, workspaceId, { customerId: created.id, kind: 'phone', value: number, verified: false });
    return { customer: (await customers.byId(tx, workspaceId, created.id))!, number, created: true };
  });
}
