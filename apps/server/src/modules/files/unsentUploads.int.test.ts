import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  client,
  newClientId,
  runDueJobs,
  signIn,
} from '../../testing/factories.ts';
import { backend, serverOnClock, type TestServer } from '../../testing/testServer.ts';
import { images } from './images.testing.ts';
import { UNSENT_UPLOAD_HOURS } from './unsentUploads.ts';

let t: TestServer;
const clock = manualClock(new Date('2031-04-02T09:00:00Z'));
serverOnClock(clock, (server) => {
  t = server;
});

const { png } = images;

async function upload(visitorToken: string): Promise<string> {
  const res = await client(t, { visitorToken }).upload('/api/v1/widget/attachments', png, {
    name: 'lamp.png',
    type: 'image/png',
  });
  expect(res.status).toBe(201);
  return res.body.attachment.id;
}

const storageKeyOf = async (id: string) =>
  (await t.db.query<{ key: string }>('select storage_key as key from attachments where id = $1', [id]))[0]?.key ?? null;

describe(`files uploaded but never sent (${backend})`, () => {
  it(`go after ${UNSENT_UPLOAD_HOURS} hours, rows and bytes; a file sent with a message stays`, async () => {
    clock.set(new Date('2031-04-02T09:00:00Z'));
    const workspace = await buildWorkspace(t);
    const amina = await signIn(t, await buildAgent(t, workspace, { displayName: 'Amina' }));
    const customer = await buildConversation(t, workspace, 'The lamp arrived broken');
    const widget = client(t, { visitorToken: customer.visitorToken });
    const sent = await upload(customer.visitorToken);
    const forgotten = await upload(customer.visitorToken);
    const posted = await widget.post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'Here it is',
      attachmentIds: [sent],
    });
    expect(posted.status).toBe(201);
    const [sentKey, forgottenKey] = [await storageKeyOf(sent), await storageKeyOf(forgotten)];
    expect(await t.storage.get(forgottenKey!)).toEqual(png);

    // A slow draft keeps its file until the day is over.
    clock.set(new Date(clock().getTime() + (UNSENT_UPLOAD_HOURS - 1) * 3_600_000));
    await runDueJobs(t, workspace);
    expect(await storageKeyOf(forgotten)).toBe(forgottenKey);

    clock.set(new Date(clock().getTime() + 2 * 3_600_000));
    await runDueJobs(t, workspace);
    expect(await storageKeyOf(forgotten)).toBeNull();
    expect(await t.storage.get(forgottenKey!)).toBeNull();
    const refused = await widget.post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'and again',
      attachmentIds: [forgotten],
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);

    // The file sent with its message is still there, and still downloads.
    expect(await t.storage.get(sentKey!)).toEqual(png);
    const download = await fetch(`${t.url}/api/v1/attachments/${sent}`, { headers: { cookie: amina.cookie } });
    expect(download.status).toBe(200);
  });
});
