import { isWebUrl } from '@warmline/shared';
import type { AgentActor } from '../../core/context.ts';
import { Invalid, NotFound } from '../../core/errors.ts';
import {
  discardServedFile,
  type FetchingServices,
  fetchImage,
  type IncomingImage,
  letGoOfBytes,
  storeImage,
} from '../files/index.ts';
import { agents } from './agentsRepository.ts';
import { presentAgent } from './presentAgent.ts';

/** The pictures Warmline ships (the demo's people): served by Warmline itself, so kept as they are. */
const SHIPPED_PICTURE = /^\/avatars\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** A photo change: none (null), an image to store, or a path Warmline already serves. */
type Photo = null | { image: IncomingImage } | { path: string };

/**
 * Changes an agent's name or photo. A photo given by its http(s) address is fetched once, through safeFetch, checked
 * as an upload is, and stored: the agent's photo becomes the path Warmline serves it at, so customers' browsers never
 * load a third party's picture (nor tell it who they are). The photo the agent has now, or a picture Warmline ships
 * (`/avatars/…`), is kept as it is; any other path is refused.
 */
export async function updateProfile(
  services: FetchingServices,
  actor: AgentActor,
  patch: { displayName?: string | undefined; avatarUrl?: string | null | undefined; missedContactEmails?: boolean | undefined },
) {
  const current = await agents.byId(services.db, actor.workspaceId, actor.agentId);
  if (!current) throw new NotFound('Agent');
  let photo: Photo | undefined;
  const asked = patch.avatarUrl;
  if (asked === null) photo = null;
  else if (asked === undefined || asked === current.avatarUrl) photo = undefined;
  else if (isWebUrl(asked)) photo = { image: await fetchImage(services, asked) };
  else if (SHIPPED_PICTURE.test(asked)) photo = { path: asked };
  else throw new Invalid('avatarUrl: give the http or https address of a photo, or upload one (PUT /api/v1/agents/me/avatar).');
  return changeProfile(services, actor, {
    displayName: patch.displayName,
    missedContactEmails: patch.missedContactEmails,
    photo,
  });
}

/** Sets an uploaded image as the agent's photo (bytes checked and stored by the files module). */
export async function uploadAvatar(services: FetchingServices, actor: AgentActor, image: IncomingImage) {
  return changeProfile(services, actor, { photo: { image } });
}

/** In one transaction: stores the new photo, sets it, and lets the photo it replaces go. */
async function changeProfile(
  services: FetchingServices,
  actor: AgentActor,
  change: { displayName?: string | undefined; missedContactEmails?: boolean | undefined; photo: Photo | undefined },
) {
  const { workspaceId, agentId } = actor;
  const discarded = await services.db.transaction(async (tx) => {
    const before = await agents.lockAndGet(tx, workspaceId, agentId);
    if (!before) throw new NotFound('Agent');
    const { photo } = change;
    const avatarUrl =
      photo === undefined
        ? undefined
        : photo === null
          ? null
          : 'path' in photo
            ? photo.path
            : (await storeImage(services.storage, tx, workspaceId, photo.image)).path;
    await agents.update(tx, workspaceId, agentId, {
      ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
      ...(change.missedContactEmails !== undefined ? { missedContactEmails: change.missedContactEmails } : {}),
      ...(avatarUrl !== undefined ? { avatarUrl } : {}),
    });
    return avatarUrl !== undefined && avatarUrl !== before.avatarUrl
      ? discardServedFile(tx, workspaceId, before.avatarUrl)
      : null;
  });
  await letGoOfBytes(services, discarded);
  return presentAgent((await agents.byId(services.db, workspaceId, agentId))!);
}
