// Runs inside the voice lab's Chromium pages: an agent's phone line (apps/agent/src/voice/janusSip.ts, loaded
// before this script) driven by a test, remembering every line event it saw.
window.agentPhone = {
  line: null,
  events: [],

  async connect(url, token) {
    this.line = await window.JanusSipLine.connect({ url, token });
    this.line.on((event) => this.events.push(event));
  },

  register(account) {
    return this.line.register(account);
  },

  call(uri) {
    return this.line.call(uri);
  },

  accept() {
    return this.line.accept();
  },

  hangup() {
    return this.line.hangup();
  },

  unregister() {
    return this.line.unregister();
  },

  decline() {
    return this.line.decline();
  },

  seen() {
    return this.events;
  },

  audio() {
    return window.audioStatsOf(this.line?.peerConnection);
  },
};
