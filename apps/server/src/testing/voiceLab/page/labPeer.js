// Runs inside the voice lab's Chromium pages: one RTCPeerConnection with the fake microphone, driven by a test
// through page.evaluate. Offers and answers carry every candidate (no trickle), so a test only passes SDP across.
window.labPeer = {
  pc: null,
  candidateTypes: [],
  candidateErrors: [],

  async start(configuration) {
    const pc = new RTCPeerConnection(configuration);
    this.pc = pc;
    pc.addEventListener('icecandidate', (event) => {
      if (event.candidate) this.candidateTypes.push(event.candidate.type);
    });
    pc.addEventListener('icecandidateerror', (event) => {
      this.candidateErrors.push({ code: event.errorCode, text: event.errorText, url: event.url });
    });
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    for (const track of stream.getTracks()) pc.addTrack(track, stream);
  },

  async offer() {
    await this.pc.setLocalDescription(await this.pc.createOffer());
    await this.gathered();
    return this.pc.localDescription.toJSON();
  },

  async answer(offer) {
    await this.pc.setRemoteDescription(offer);
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    await this.gathered();
    return this.pc.localDescription.toJSON();
  },

  async accept(answer) {
    await this.pc.setRemoteDescription(answer);
  },

  gathered() {
    const pc = this.pc;
    if (pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      pc.addEventListener('icegatheringstatechange', () => {
        if (pc.iceGatheringState === 'complete') resolve();
      });
    });
  },

  audio() {
    return window.audioStatsOf(this.pc);
  },

  candidates() {
    return { types: this.candidateTypes, errors: this.candidateErrors };
  },

  close() {
    this.pc?.close();
  },
};
