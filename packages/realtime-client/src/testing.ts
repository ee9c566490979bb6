/** Test doubles for the package's users: a scriptable socket and an entry factory. */
export { FakeSocket } from './fakeSocket.test-util.ts';
export { entry } from './fixtures.test-util.ts';
