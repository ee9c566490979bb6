// Runs inside the voice lab's Chromium pages: what a test asserts about a call's audio. Counts bytes, not
// audioLevel, which can read 0 with Chromium's fake microphone.
window.audioStatsOf = async (pc) => {
  if (!pc)
    return { bytesReceived: 0, bytesSent: 0, connectionState: 'none', localCandidateType: null, remoteCandidateType: null };
  const report = await pc.getStats();
  let bytesReceived = 0;
  let bytesSent = 0;
  let pairId = null;
  report.forEach((s) => {
    if (s.type === 'inbound-rtp' && s.kind === 'audio') bytesReceived += s.bytesReceived ?? 0;
    if (s.type === 'outbound-rtp' && s.kind === 'audio') bytesSent += s.bytesSent ?? 0;
    if (s.type === 'transport' && s.selectedCandidatePairId) pairId = s.selectedCandidatePairId;
  });
  const pair = pairId ? report.get(pairId) : null;
  return {
    bytesReceived,
    bytesSent,
    connectionState: pc.connectionState,
    localCandidateType: pair ? (report.get(pair.localCandidateId)?.candidateType ?? null) : null,
    remoteCandidateType: pair ? (report.get(pair.remoteCandidateId)?.candidateType ?? null) : null,
  };
};
