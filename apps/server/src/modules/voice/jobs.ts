import type { Config } from '../../core/config.ts';
import type { JobHandler } from '../../core/jobs/runner.ts';
import { SOCKET_LOST, socketLost } from './reconnect.ts';
import { calls } from './repository/calls.ts';
import { RING_TIMEOUT, ringNext } from './ringing.ts';

/**
 * The person rung did not answer in time: ring the next, or end the call as missed (the customer is offered a
 * callback; a customer we rang back who did not answer is tried again by the person who rang).
 */
function ringTimedOut(config: Config): JobHandler {
  return async (tx, job, now, events) => {
    const call = await calls.byId(tx, job.workspaceId, String(job.payload.callId ?? ''), { forUpdate: true });
    if (call?.status !== 'ringing' || call.ringingAgentId !== job.payload.agentId) return;
    await ringNext(tx, config, call, now, events, 'missed');
  };
}

/** The voice module's durable jobs, by kind. */
export function voiceJobHandlers(config: Config): Record<string, JobHandler> {
  return { [RING_TIMEOUT]: ringTimedOut(config), [SOCKET_LOST]: socketLost(config) };
}
