import { conversationsApi, tagsApi } from '../api/endpoints.ts';
import { upsertConversation } from './inboxActions.ts';

export async function addTag(conversationId: string, tag: string): Promise<void> {
  const { conversation } = await conversationsApi.addTag(conversationId, tag);
  upsertConversation(conversation);
}

export async function removeTag(conversationId: string, tag: string): Promise<void> {
  const { conversation } = await conversationsApi.removeTag(conversationId, tag);
  upsertConversation(conversation);
}

/** The workspace's tags in use, for suggestions and the inbox filter. */
export async function readTagsInUse(): Promise<Array<{ tag: string; conversations: number }>> {
  return (await tagsApi.inUse()).tags;
}
