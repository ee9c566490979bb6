import type { AgentRole } from '@warmline/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { agent, alert } from '../testing/fixtures.ts';
import { applyAlertRead, forgetAlerts, hideAlertNotice } from './alertActions.ts';
import { getState, initialState, setState } from './store.ts';

function signedInAs(role: AgentRole) {
  const workspace = { id: 'w1', name: 'Juniper & Rye', key: 'demo', idleAwayMinutes: 10 };
  setState({ ...initialState(), session: { agent: agent('a1', { role }), workspace, csrfToken: 't' } });
}

const followUp = alert('f1', { kind: 'follow_up_due', text: 'Time to follow up with Sam' });
const moodDrop = alert('m1', { createdAt: '2025-01-01T09:00:00.000Z' });

beforeEach(() => forgetAlerts());

describe('reading the open alerts', () => {
  it("shows an agent's own follow-up reminders as notices: the reminder comes to them", () => {
    signedInAs('agent');
    applyAlertRead([followUp], Date.now());
    expect(getState().alerts.map((a) => a.id)).toEqual(['f1']);
    expect(getState().alertNotices).toEqual(['f1']);
  });

  it('shows the owner a promised reply they missed as a notice too', () => {
    signedInAs('agent');
    const missed = alert('p1', { kind: 'promise_missed', text: 'Sam was promised a reply by 14:00 UTC from you' });
    applyAlertRead([missed], Date.now());
    expect(getState().alertNotices).toEqual(['p1']);
  });

  it('shows the person a customer waited too long for that customer as a notice, after a reconnect too', () => {
    signedInAs('agent');
    const waited = alert('w1', {
      kind: 'waited_too_long',
      text: 'Sam waited past the 2-minute target — Amina has not answered yet',
    });
    applyAlertRead([waited], Date.now());
    expect(getState().alertNotices).toEqual(['w1']);
  });

  it('does not bring back a reminder the agent put away when the connection returns', () => {
    signedInAs('agent');
    applyAlertRead([followUp], Date.now());
    hideAlertNotice('f1');
    applyAlertRead([followUp], Date.now());
    expect(getState().alertNotices).toEqual([]);
    expect(getState().alerts.map((a) => a.id)).toEqual(['f1']);
  });

  it('lists older alerts for a supervisor without piling notices on them', () => {
    signedInAs('supervisor');
    applyAlertRead([followUp, moodDrop], Date.now());
    expect(getState().alerts.map((a) => a.id)).toEqual(['f1', 'm1']);
    expect(getState().alertNotices).toEqual([]);
  });

  it("drops a supervisor's notice once someone else has taken its alert", () => {
    signedInAs('supervisor');
    setState({ alerts: [moodDrop], alertNotices: ['m1'] });
    applyAlertRead([], Date.now());
    expect(getState().alerts).toEqual([]);
    expect(getState().alertNotices).toEqual([]);
  });
});
