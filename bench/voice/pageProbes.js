// What the voice benchmarks run inside the browsers' pages (plain JavaScript: the benchmarks are type-checked
// without the DOM). Times are epoch milliseconds with sub-millisecond precision, comparable across pages.
window.voiceBench = {
  clicked: {},
  arrived: [],
  peerConnections: [],

  now: () => performance.timeOrigin + performance.now(),

  /** Records clicks on elements with these test ids, the arrival and removal of one, and every peer connection. */
  install({ clicks = [], arrival = null }) {
    const bench = window.voiceBench;
    window.addEventListener(
      'click',
      (event) => {
        for (const el of event.composedPath()) {
          const id = el.dataset?.testid;
          if (id && clicks.includes(id)) bench.clicked[id] = bench.now();
        }
      },
      true,
    );
    if (arrival) {
      new MutationObserver(() => {
        const present = Boolean(document.querySelector(`[data-testid="${arrival}"]`));
        if (present === (bench.arrived.length % 2 === 0)) bench.arrived.push(bench.now());
      }).observe(document, { childList: true, subtree: true });
    }
    const Original = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Original {
      constructor(config) {
        super(config);
        bench.peerConnections.push(this);
      }
    };
  },

  /** Audio bytes received so far on the page's open peer connections. */
  async audioBytes() {
    let bytes = 0;
    for (const pc of window.voiceBench.peerConnections.filter((p) => p.connectionState !== 'closed')) {
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') bytes += s.bytesReceived ?? 0;
      });
    }
    return bytes;
  },

  /** The bare relay's receiving side: each frame replaces the page's content, and its time is kept. */
  receiveFrom(port) {
    const bench = window.voiceBench;
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/agent?shop=bench`);
      ws.onmessage = () => {
        document.body.replaceChildren(document.createElement('section'));
        bench.arrived.push(bench.now());
      };
      ws.onopen = () => resolve();
    });
  },

  /** The bare relay's sending side. */
  sendTo(port) {
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/visitor?shop=bench`);
      window.voiceBench.relay = ws;
      ws.onopen = () => resolve();
    });
  },

  send(n) {
    const at = window.voiceBench.now();
    window.voiceBench.relay.send(JSON.stringify({ clientId: `call-${n}`, body: 'call' }));
    return at;
  },

  /** Two peer connections in this page with fake microphones, signalled directly: ms until audio flows both ways. */
  async bareCall() {
    const started = performance.now();
    const [a, b] = [new RTCPeerConnection(), new RTCPeerConnection()];
    a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate);
    b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate);
    for (const pc of [a, b]) {
      const mic = await navigator.mediaDevices.getUserMedia({ audio: true });
      for (const track of mic.getAudioTracks()) pc.addTrack(track, mic);
    }
    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription);
    const hears = async (pc) => {
      for (;;) {
        let bytes = 0;
        (await pc.getStats()).forEach((s) => {
          if (s.type === 'inbound-rtp' && s.kind === 'audio') bytes += s.bytesReceived ?? 0;
        });
        if (bytes > 0) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await Promise.all([hears(a), hears(b)]);
    const took = performance.now() - started;
    a.close();
    b.close();
    return took;
  },
};
