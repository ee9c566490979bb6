export {
  answerCall,
  declineCall,
  hangUp,
  holdCall,
  relaySignal,
} from './callControls.ts';
export { joinCall, offerCallTransfer } from './callTransfer.ts';
export { endConsult, startConsult } from './consultCall.ts';
export { iceServers } from './iceServers.ts';
export { voiceJobHandlers } from './jobs.ts';
export { placeCall } from './placeCall.ts';
export { endCallsOfDeadNode, endCallsOnSocket, resumeCall } from './reconnect.ts';
export { calls } from './repository/calls.ts';
export { answerRingBack, ringBack } from './ringBack.ts';
export { ringCallback } from './ringCallback.ts';
export { voiceRoutes } from './routes.ts';
export { customerForCaller } from './sip/inboundCaller.ts';
export { missedCallRoutes } from './sip/missedCallRoutes.ts';
export { dialNumber, phoneLineFor } from './sip/phoneLine.ts';
export { voiceLineRoutes } from './turn/routes.ts';
