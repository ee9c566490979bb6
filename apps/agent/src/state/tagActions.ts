import { useQuery } from '@tanstack/react-query';
import { conversationsApi, tagsApi } from '../api/endpoints.ts';
import { queryClient, queryKeys } from '../api/queryClient.ts';
import { upsertConversation } from './inboxActions.ts';

export type TagInUse = { tag: string; conversations: number };

const NONE: readonly TagInUse[] = [];
const readTagsInUse = async () => (await tagsApi.inUse()).tags;

export async function addTag(conversationId: string, tag: string): Promise<void> {
  const { conversation } = await conversationsApi.addTag(conversationId, tag);
  upsertConversation(conversation);
  void queryClient.invalidateQueries({ queryKey: queryKeys.tagsInUse });
}

export async function removeTag(conversationId: string, tag: string): Promise<void> {
  const { conversation } = await conversationsApi.removeTag(conversationId, tag);
  upsertConversation(conversation);
  void queryClient.invalidateQueries({ queryKey: queryKeys.tagsInUse });
}

/**
 * The workspace's tags in use, for suggestions and the inbox filter: read once for both, again a minute later or
 * after this agent tags (colleagues' new tags arrive on the conversations themselves).
 */
export function useTagsInUse(enabled = true): readonly TagInUse[] {
  return useQuery({ queryKey: queryKeys.tagsInUse, queryFn: readTagsInUse, staleTime: 60_000, enabled }).data ?? NONE;
}
