import { describe, expect, it } from 'vitest';
import { memoryKV } from './kv.ts';
import { Outbox } from './outbox.ts';
import type { StoredMessage } from './storedOutbox.ts';
import { storedOutbox } from './storedOutbox.ts';

const item = (id: string, at = 1): StoredMessage => ({ clientId: id, body: `hi ${id}`, at, status: 'sending', error: null });
const open = (kv: ReturnType<typeof memoryKV>, key: string) => new Outbox({ store: storedOutbox(kv, key), transmit: () => {} });

describe('a stored outbox', () => {
  it('persists items until they are removed', () => {
    const kv = memoryKV();
    const box = open(kv, 'k');
    box.add(item('a'));
    box.add(item('b', 2));
    expect(
      open(kv, 'k')
        .items()
        .map((i) => i.clientId),
    ).toEqual(['a', 'b']);
    expect(box.settle('a')).toBe(true);
    expect(box.settle('a')).toBe(false);
    expect(
      open(kv, 'k')
        .items()
        .map((i) => i.clientId),
    ).toEqual(['b']);
    box.settle('b');
    expect(kv.get('k')).toBeNull();
  });

  it('keeps one copy of a clientId', () => {
    const box = open(memoryKV(), 'k');
    box.add(item('a'));
    box.add(item('a'));
    expect(box.items()).toHaveLength(1);
  });

  it('does not overwrite items another tab added meanwhile', () => {
    const kv = memoryKV();
    const tab1 = open(kv, 'k');
    const tab2 = open(kv, 'k');
    tab1.add(item('a'));
    tab2.add(item('b'));
    tab1.settle('zzz');
    expect(
      open(kv, 'k')
        .items()
        .map((i) => i.clientId),
    ).toEqual(['a', 'b']);
    expect(tab1.items().map((i) => i.clientId)).toEqual(['a', 'b']);
  });

  it('survives corrupt storage', () => {
    const kv = memoryKV();
    kv.set('k', '{not json');
    expect(open(kv, 'k').items()).toEqual([]);
    kv.set('k', JSON.stringify([{ clientId: 1 }, item('ok')]));
    expect(
      open(kv, 'k')
        .items()
        .map((i) => i.clientId),
    ).toEqual(['ok']);
  });

  it('keeps a failed message on this page only, and stores it again when it is retried', () => {
    const kv = memoryKV();
    const box = open(kv, 'k');
    box.add(item('a'));
    box.refused('a', { code: 'invalid', message: 'body is too long' });
    expect(kv.get('k')).toBeNull();
    expect(box.items()).toMatchObject([{ clientId: 'a', status: 'failed', error: 'body is too long' }]);
    expect(open(kv, 'k').items()).toEqual([]);
    box.retry('a');
    expect(open(kv, 'k').items()).toMatchObject([{ clientId: 'a', status: 'sending' }]);
  });
});
