import { describe, expect, it } from 'vitest';
import { parseRoute } from './router.tsx';

describe('parseRoute', () => {
  it('reads every page of the agent app', () => {
    expect(parseRoute('/app')).toEqual({ name: 'inbox' });
    expect(parseRoute('/app/')).toEqual({ name: 'inbox' });
    expect(parseRoute('/app/sign-in')).toEqual({ name: 'signIn' });
    expect(parseRoute('/app/invite/abc123')).toEqual({ name: 'invite', token: 'abc123' });
    expect(parseRoute('/app/conversations/c_1')).toEqual({ name: 'conversation', id: 'c_1' });
    expect(parseRoute('/app/team')).toEqual({ name: 'team' });
    expect(parseRoute('/app/supervisor')).toEqual({ name: 'supervisor' });
  });

  it('does not guess at unknown pages', () => {
    expect(parseRoute('/app/settings/nope')).toEqual({ name: 'notFound' });
  });
});
