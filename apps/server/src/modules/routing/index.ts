export { callbackReached, dueCallbackOf, recordCallbackOutcome } from './callbackOutcome.ts';
export { bookCallback, bookedCallbackOf, callbackClock, promiseCallback, windowsFor } from './callbacks.ts';
export { compareQueue } from './domain/policy.ts';
export { routingListeners } from './listeners.ts';
export { personToRing } from './ringing.ts';
export { fillAgent, fillEveryone, routeConversation } from './routing.ts';
export { toQueued } from './snapshot.ts';
export { estimateFor, waitContext } from './waits.ts';
