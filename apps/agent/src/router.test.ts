import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './router.tsx';

describe('parseRoute', () => {
  it('reads every page of the agent app', () => {
    expect(parseRoute('/app')).toEqual({ name: 'inbox' });
    expect(parseRoute('/app/')).toEqual({ name: 'inbox' });
    expect(parseRoute('/app/sign-in')).toEqual({ name: 'signIn' });
    expect(parseRoute('/app/invite/abc123')).toEqual({ name: 'invite', token: 'abc123' });
    expect(parseRoute('/app/conversations/c_1')).toEqual({ name: 'conversation', id: 'c_1' });
    expect(parseRoute('/app/team')).toEqual({ name: 'team' });
    expect(parseRoute('/app/supervisor')).toEqual({ name: 'supervisor' });
    expect(parseRoute('/app/customers')).toEqual({ name: 'customers' });
    expect(parseRoute('/app/customers/cu_1')).toEqual({ name: 'customer', id: 'cu_1' });
    expect(parseRoute('/app/organizations')).toEqual({ name: 'organizations' });
    expect(parseRoute('/app/organizations/org%201')).toEqual({ name: 'organization', id: 'org 1' });
    expect(parseRoute('/app/saved-replies')).toEqual({ name: 'savedReplies' });
    expect(parseRoute('/app/settings')).toEqual({ name: 'settings', section: 'workspace' });
    expect(parseRoute('/app/settings/hours')).toEqual({ name: 'settings', section: 'hours' });
    expect(parseRoute('/app/settings/locations')).toEqual({ name: 'settings', section: 'locations' });
    expect(parseRoute('/app/store')).toEqual({ name: 'store', locationId: null });
    expect(parseRoute('/app/store/loc_1')).toEqual({ name: 'store', locationId: 'loc_1' });
    expect(parseRoute('/app/reports')).toEqual({ name: 'reports' });
    expect(parseRoute('/app/reports/time-to-human')).toEqual({ name: 'report', figure: 'time-to-human' });
    expect(parseRoute('/app/reports/channel-matrix/conversations')).toEqual({
      name: 'reportConversations',
      figure: 'channel-matrix',
    });
    expect(parseRoute('/app/reports/speed')).toEqual({ name: 'notFound' });
  });

  it('builds paths that read back as the same page', () => {
    expect(parseRoute(paths.customer('cu/1'))).toEqual({ name: 'customer', id: 'cu/1' });
    expect(parseRoute(paths.organization('o1'))).toEqual({ name: 'organization', id: 'o1' });
    expect(parseRoute(paths.store('l/1'))).toEqual({ name: 'store', locationId: 'l/1' });
    expect(parseRoute(paths.settings('customers'))).toEqual({ name: 'settings', section: 'customers' });
  });

  it('does not guess at unknown pages', () => {
    expect(parseRoute('/app/settings/nope')).toEqual({ name: 'notFound' });
    expect(parseRoute('/app/customers/cu_1/extra')).toEqual({ name: 'notFound' });
  });
});
