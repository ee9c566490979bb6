import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.ts';
import { buildWorkspace } from '../../../testing/factories.ts';
import { type TestServer, testServer } from '../../../testing/testServer.ts';
import { customers } from '../../customers/index.ts';
import { workspaces } from '../../workspaces/index.ts';
import { customerForCaller } from './inboundCaller.ts';

describe('the customer a phone call comes from', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer();
  });

  async function kenyanWorkspace() {
    const workspace = await buildWorkspace(t);
    await workspaces.updateSettings(t.db, workspace.id, { phoneCountry: 'KE' });
    return workspace;
  }

  async function customerWithPhone(workspaceId: string, name: string, phone: string, verified: boolean) {
    const customer = await customers.create(t.db, workspaceId, { name });
    await customers.addIdentity(t.db, workspaceId, { customerId: customer.id, kind: 'phone', value: phone, verified });
    return customer;
  }

  it("a known number opens that customer's story, however the line writes it", async () => {
    const workspace = await kenyanWorkspace();
    const wanjiru = await customerWithPhone(workspace.id, 'Wanjiru Kamau', '+254712345678', true);
    for (const from of [
      'sip:+254712345678@trunk.example.net;user=phone',
      '"Wanjiru" <sip:0712345678@10.0.0.5>',
      'tel:+254-712-345-678',
    ]) {
      const caller = await customerForCaller(t, workspace.id, from);
      expect(caller).toMatchObject({ number: '+254712345678', created: false });
      expect(caller.customer.id).toBe(wanjiru.id);
      expect(caller.customer.name).toBe('Wanjiru Kamau');
    }
  });

  it('prefers the customer who proved the number over one who only typed it', async () => {
    const workspace = await kenyanWorkspace();
    await customerWithPhone(workspace.id, 'Typed it once', '+254722000111', false);
    const owner = await customerWithPhone(workspace.id, 'Proven owner', '+254722000111', true);
    expect((await customerForCaller(t, workspace.id, 'sip:+254722000111@trunk')).customer.id).toBe(owner.id);
  });

  it('an unknown number creates one unverified customer, found again on the next call', async () => {
    const workspace = await kenyanWorkspace();
    const first = await customerForCaller(t, workspace.id, 'sip:+254733555666@trunk');
    expect(first.created).toBe(true);
    expect(first.customer.phone).toBe('+254733555666');
    const identities = await customers.identities(t.db, workspace.id, first.customer.id);
    expect(identities.map(({ kind, value, verified }) => ({ kind, value, verified }))).toEqual([
      { kind: 'phone', value: '+254733555666', verified: false },
    ]);
    const again = await customerForCaller(t, workspace.id, 'sip:0733555666@trunk');
    expect(again).toMatchObject({ created: false, number: '+254733555666' });
    expect(again.customer.id).toBe(first.customer.id);
  });

  it('two rings from one new number at the same moment make one customer', async () => {
    const workspace = await kenyanWorkspace();
    const [a, b] = await Promise.all([
      customerForCaller(t, workspace.id, 'sip:+254744000222@trunk'),
      customerForCaller(t, workspace.id, 'sip:+254744000222@trunk'),
    ]);
    expect(a.customer.id).toBe(b.customer.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
  });

  it("keeps each workspace's customers to itself: the same number in another workspace is someone new there", async () => {
    const here = await kenyanWorkspace();
    const there = await kenyanWorkspace();
    const mine = await customerWithPhone(here.id, 'Here', '+254755000333', true);
    const theirs = await customerForCaller(t, there.id, 'sip:+254755000333@trunk');
    expect(theirs.created).toBe(true);
    expect(theirs.customer.id).not.toBe(mine.id);
  });

  it('a withheld number still gets a customer to log the call on, without a number', async () => {
    const workspace = await kenyanWorkspace();
    const caller = await customerForCaller(t, workspace.id, '"Anonymous" <sip:anonymous@anonymous.invalid>');
    expect(caller).toMatchObject({ number: null, created: true });
    expect(caller.customer.phone).toBeNull();
  });

  it('refuses what is not a caller address with a 400, and writes nothing', async () => {
    const workspace = await kenyanWorkspace();
    for (const from of ['not an address', 'sip:1001@pbx.example.com', 'sip:+999123@trunk']) {
      const err = await customerForCaller(t, workspace.id, from).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).message).toMatch(/is not a caller's SIP address with a phone number/);
    }
    const [row] = await t.db.query<{ n: number }>('select count(*)::int as n from customers where workspace_id = $1', [
      workspace.id,
    ]);
    expect(row!.n).toBe(0);
  });
});
