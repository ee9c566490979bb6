// Baseline for the chat benchmarks: a bare `ws` relay that acknowledges each frame and forwards it to the
// "agent" sockets of the sender's shop (`?shop=`), with no validation, storage or authorisation. What Warmline
// adds is measured against it.
import { startRelay } from './relay.ts';

let seq = 0;
const relay = startRelay((frame) => relay.deliver(frame, ++seq));
