import type { Services } from '../../../core/context.ts';
import type { Sql } from '../../../core/db/client.ts';
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
  return services.db.transaction((tx) => callerIn(tx, workspace, from));
}

/** `customerForCaller` inside a transaction the caller holds: the customer is made with whatever else it writes. */
export async function callerIn(
  tx: Sql,
  workspace: { id: string; phoneCountry: string | null },
  from: string,
): Promise<InboundCaller> {
  const caller = callerOf(from, workspace.phoneCountry);
  if (!caller) {
    throw new Invalid(`from: "${from.slice(0, 80)}" is not a caller's SIP address with a phone number`, { field: 'from' });
  }
  if (caller.kind === 'withheld') {
    return { customer: await customers.create(tx, workspace.id), number: null, created: true };
  }
  const { number } = caller;
  await phoneCallers.lockNumber(tx, workspace.id, number);
  const known = await customers.resolve(tx, workspace.id, 'phone', number);
  if (known) return { customer: known, number, created: false };
  const created = await customers.create(tx, workspace.id, {});
  await customers.addIdentity(tx, workspace.id, { customerId: created.id, kind: 'phone', value: number, verified: false });
  return { customer: (await customers.byId(tx, workspace.id, created.id))!, number, created: true };
}
