import { type manualClock, systemClock } from '../../core/clock.ts';
import { buildConversation, buildWorkspace, client, newClientId } from '../../testing/factories.ts';
import type { TestServer } from '../../testing/testServer.ts';
import { buildFloor, eat, happenAt, moves } from './reports.testing.ts';

/**
 * A month at a small shop, told through the routes people use, with the edges a report can trip on: a reopened
 * conversation, a transfer into a restricted team, callbacks kept and not, a customer merged into another, a
 * service failure recovered and one not, a first message at 00:30 in Nairobi (still the day before in UTC), a
 * conversation started on the period's last evening and answered the next month, one in the period before, and
 * another workspace's conversation in the same days.
 */
export async function tellTheMonth(t: TestServer, clock: ReturnType<typeof manualClock>) {
  // People sign in on today's clock (their sessions outlive the story); the story itself happens in October and November.
  clock.set(systemClock());
  const floor = await buildFloor(t);
  const other = await buildWorkspace(t);
  const at = <T>(local: string, step: () => Promise<T>) => happenAt(t, clock, [floor.workspace.id, other.id], eat(local), step);
  const m = moves(t, floor);
  const { amina, baraka, chidi, grace } = floor.api;
  const { front, privateTeam } = floor.teams;

  // Sam: upset, then helped; says the same thing twice; writes once by email; a failure recovered; CSAT 5.
  const sam = await at('2026-11-03T10:00:00', () => m.arrive('This is ridiculous, I am furious, nobody answers about my parcel'));
  await at('2026-11-03T10:00:30', () => m.toTeam(grace, sam, front.id));
  await at('2026-11-03T10:01:30', () => m.reply(amina, sam, 'I am Amina, let me look at your parcel now.'));
  await at('2026-11-03T10:05:00', () => m.customerSays(sam, 'Where is my parcel?'));
  await at('2026-11-03T10:06:00', () => m.customerSays(sam, 'where is my   parcel?'));
  await at('2026-11-03T10:08:00', () => m.reply(amina, sam, 'It is in Nakuru, arriving tomorrow.'));
  await at('2026-11-03T10:20:00', () => m.emails(sam, 'Thank you, that helps a lot'));
  await at('2026-11-03T10:30:00', () => m.resolve(amina, sam));
  await at('2026-11-03T10:35:00', () => m.flagFailure(grace, sam));
  await at('2026-11-03T11:00:00', () => m.recover(grace, sam));
  await at('2026-11-03T11:10:00', () => m.answerSurvey(sam, 5, 6));
  await at('2026-11-03T11:11:00', () => m.setPurchaseChannel(sam, 'Store'));

  // Wanjiru, at 00:30 on the 1st in Nairobi (21:30 on 31 October in UTC): transferred into the restricted team.
  const wanjiru = await at('2026-11-01T00:30:00', () => m.arrive('Hello, I need to change my delivery address'));
  await at('2026-11-01T00:31:00', () => m.toTeam(grace, wanjiru, front.id));
  await at('2026-11-01T00:35:00', () => m.reply(chidi, wanjiru, 'Chidi here, I can help.'));
  await at('2026-11-01T00:40:00', () => m.transfer(chidi, baraka, wanjiru, privateTeam.id));
  await at('2026-11-01T00:45:00', () => m.reply(baraka, wanjiru, 'Baraka here: I have your order open.'));
  await at('2026-11-01T00:50:00', () => m.customerSays(wanjiru, 'Hello, I need to change my delivery address'));
  await at('2026-11-01T00:52:00', () => m.reply(baraka, wanjiru, 'Done: it goes to Westlands.'));
  await at('2026-11-01T01:00:00', () => m.resolve(baraka, wanjiru));
  await at('2026-11-01T01:10:00', () => m.answerSurvey(wanjiru, 3, 4));
  await at('2026-11-01T01:11:00', () => m.setPurchaseChannel(wanjiru, 'web'));

  // Otieno gives up before anyone answers.
  const otieno = await at('2026-11-10T09:00:00', () => m.arrive('Is anyone there?'));
  await at('2026-11-10T09:30:00', () => m.resolve(grace, otieno));

  // Sam again, as a second customer (merged into Sam later): resolved, reopened the next morning, resolved again.
  const samAgain = await at('2026-11-15T14:00:00', () => m.arrive('My invoice is wrong'));
  await at('2026-11-15T14:10:00', () => m.reply(amina, samAgain, 'Let me correct it.'));
  await at('2026-11-15T14:20:00', () => m.resolve(amina, samAgain));
  await at('2026-11-16T08:00:00', () => m.customerSays(samAgain, 'It is still wrong and I am really upset now'));
  await at('2026-11-16T08:30:00', () => m.reply(amina, samAgain, 'I am sorry: corrected and sent again.'));
  await at('2026-11-16T08:40:00', () => m.flagFailure(amina, samAgain));
  await at('2026-11-16T09:00:00', () => m.resolve(amina, samAgain));
  await at('2026-11-16T09:10:00', () => m.answerSurvey(samAgain, 4, 7));
  await at('2026-11-20T09:00:00', () => m.merge(sam, samAgain));

  // Kamau writes on the period's last evening and is answered in December.
  const kamau = await at('2026-11-30T23:00:00', () => m.arrive('My order has not arrived and I am worried'));
  await at('2026-12-01T01:00:00', () => m.reply(amina, kamau, 'Amina here: it left the warehouse today.'));
  await at('2026-12-02T10:00:00', () => m.resolve(amina, kamau));

  // Achieng, in the period before.
  const achieng = await at('2026-10-20T12:00:00', () => m.arrive('Do you deliver to Kisumu?'));
  await at('2026-10-20T12:01:00', () => m.reply(amina, achieng, 'We do, in two days.'));
  await at('2026-10-20T12:10:00', () => m.resolve(amina, achieng));
  await at('2026-10-20T12:20:00', () => m.answerSurvey(achieng, 2, 3));

  // Callbacks: Njeri's kept, Mutua's number was wrong.
  const njeri = await at('2026-11-20T10:00:00', () => m.arrive('Please call me back about my refund'));
  await at('2026-11-20T10:01:00', () => m.bookCallback(njeri, amina, eat('2026-11-20T11:00:00'), eat('2026-11-20T11:30:00')));
  await at('2026-11-20T11:05:00', () => m.callBack(amina, njeri, 'reached'));
  const mutua = await at('2026-11-21T10:00:00', () => m.arrive('Call me please, it is about a return'));
  await at('2026-11-21T10:01:00', () => m.bookCallback(mutua, chidi, eat('2026-11-21T11:00:00'), eat('2026-11-21T11:30:00')));
  await at('2026-11-21T11:05:00', () => m.callBack(chidi, mutua, 'wrong_number'));

  // Still waiting in the restricted team.
  const zawadi = await at('2026-11-22T10:00:00', () => m.arrive('I need to talk to someone about my account'));
  await at('2026-11-22T10:01:00', () => m.toTeam(grace, zawadi, privateTeam.id));

  // Another workspace, same days: never counted here.
  await at('2026-11-05T10:00:00', async () => {
    const elsewhere = await buildConversation(t, other, 'Hello from another shop');
    return client(t, { visitorToken: elsewhere.visitorToken }).post('/api/v1/widget/messages', {
      clientId: newClientId(),
      body: 'Hello again',
    });
  });

  clock.set(eat('2026-12-07T12:00:00'));
  return { floor, other, people: floor.people, ids: { sam, wanjiru, otieno, samAgain, kamau, achieng, njeri, mutua, zawadi } };
}
