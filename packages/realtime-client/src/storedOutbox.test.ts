import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox.ts';
import { memoryKV } from './storage.ts';

const item = (id: string, at = 1) => ({ clientId: id, body: `hi ${id}`, at });

describe('Outbox', () => {
  it('persists items until they are removed', () => {
    const kv = memoryKV();
    const box = new Outbox(kv, 'k');
    box.add(item('a'));
    box.add(item('b', 2));
    expect(new Outbox(kv, 'k').items().map((i) => i.clientId)).toEqual(['a', 'b']);
    expect(box.remove('a')).toBe(true);
    expect(box.remove('a')).toBe(false);
    expect(new Outbox(kv, 'k').items().map((i) => i.clientId)).toEqual(['b']);
    box.remove('b');
    expect(kv.get('k')).toBeNull();
  });

  it('keeps one copy of a clientId', () => {
    const box = new Outbox(memoryKV(), 'k');
    box.add(item('a'));
    box.add(item('a'));
    expect(box.items()).toHaveLength(1);
  });

  it('does not overwrite items another tab added meanwhile', () => {
    const kv = memoryKV();
    const tab1 = new Outbox(kv, 'k');
    const tab2 = new Outbox(kv, 'k');
    tab1.add(item('a'));
    tab2.add(item('b'));
    tab1.remove('zzz');
    expect(new Outbox(kv, 'k').items().map((i) => i.clientId)).toEqual(['a', 'b']);
    expect(tab1.reload().map((i) => i.clientId)).toEqual(['a', 'b']);
  });

  it('survives corrupt storage', () => {
    const kv = memoryKV();
    kv.set('k', '{not json');
    expect(new Outbox(kv, 'k').items()).toEqual([]);
    kv.set('k', JSON.stringify([{ clientId: 1 }, item('ok')]));
    expect(new Outbox(kv, 'k').items().map((i) => i.clientId)).toEqual(['ok']);
  });
});
