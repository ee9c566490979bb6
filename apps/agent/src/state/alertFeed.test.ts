import { describe, expect, it } from 'vitest';
import { alert } from '../testing/fixtures.ts';
import { mergeAlerts, noticesToShow, serviceRecoveryLine, withAlert, withoutAlert } from './alertFeed.ts';

const at = (minute: number) => `2025-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('the open alerts', () => {
  it('keeps the newest first and each alert once', () => {
    let list = withAlert([], alert('a1', { createdAt: at(1) }));
    list = withAlert(list, alert('a2', { createdAt: at(2) }));
    list = withAlert(list, alert('a1', { createdAt: at(1), text: 'sent again' }));
    expect(list.map((a) => [a.id, a.text])).toEqual([
      ['a2', 'Mood dropped sharply: from thankful to angry'],
      ['a1', 'sent again'],
    ]);
    expect(withoutAlert(list, 'a2').map((a) => a.id)).toEqual(['a1']);
  });

  it('takes a fresh read as the truth: an alert someone else took leaves the list', () => {
    const local = [alert('a2', { createdAt: at(2) }), alert('a1', { createdAt: at(1) })];
    const merged = mergeAlerts([alert('a1', { createdAt: at(1) })], local, () => false, new Set());
    expect(merged.map((a) => a.id)).toEqual(['a1']);
  });

  it('keeps an alert that arrived live while the read was on its way', () => {
    const live = alert('a3', { createdAt: at(3) });
    const merged = mergeAlerts([alert('a1', { createdAt: at(1) })], [live], (id) => id === 'a3', new Set());
    expect(merged.map((a) => a.id)).toEqual(['a3', 'a1']);
  });

  it('does not bring back an alert taken here after the read began', () => {
    const merged = mergeAlerts([alert('a1'), alert('a2')], [], () => false, new Set(['a1']));
    expect(merged.map((a) => a.id)).toEqual(['a2']);
  });

  it('leaves out alerts already acknowledged', () => {
    const taken = alert('a1', { acknowledgedAt: at(5) });
    expect(mergeAlerts([taken], [], () => false, new Set())).toEqual([]);
  });
});

describe('noticesToShow', () => {
  it('shows the newest live notices and counts the rest', () => {
    const alerts = [alert('a4', { createdAt: at(4) }), alert('a3', { createdAt: at(3) }), alert('a2'), alert('a1')];
    const { shown, more } = noticesToShow(alerts, ['a1', 'a3', 'a4'], 2);
    expect(shown.map((a) => a.id)).toEqual(['a4', 'a3']);
    expect(more).toBe(1);
  });

  it('drops a notice whose alert was taken', () => {
    expect(noticesToShow([alert('a2')], ['a1', 'a2'], 3)).toEqual({ shown: [alert('a2')], more: 0 });
  });
});

describe('serviceRecoveryLine', () => {
  it('says how many were recovered and how many a rule caught', () => {
    expect(serviceRecoveryLine({ flagged: 3, recovered: 1, byRule: 2 })).toBe(
      'Service failures this week: 3 · recovered 1 · 2 flagged automatically',
    );
    expect(serviceRecoveryLine({ flagged: 0, recovered: 0, byRule: 0 })).toBe('Service failures this week: 0 · recovered 0');
  });
});
