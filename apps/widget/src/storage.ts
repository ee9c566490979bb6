export { browserKV, type KV, memoryKV, readJSON } from '@warmline/realtime-client';

/** Storage keys are namespaced per workspace so two Warmline widgets on one site never mix. */
export function storageKey(
  workspaceKey: string,
  name: 'token' | 'outbox' | 'seen' | 'promise' | 'callback' | 'user' | 'survey',
): string {
  return `warmline:${workspaceKey}:${name}`;
}
