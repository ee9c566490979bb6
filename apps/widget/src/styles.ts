/** All widget CSS, scoped by the shadow root so the host page cannot restyle it and it cannot leak out. */
export const styles = `
:host{all:initial}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.root{--accent:#c2410c;--accent-dark:#9a3412;--accent-soft:#fdeee3;--cream:#fdf8f1;--card:#fff;--ink:#2d2219;--muted:#76665a;--line:#eee2d3;--ring:0 0 0 3px rgba(194,65,12,.35);
font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);-webkit-font-smoothing:antialiased}
button,input,textarea,select{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:none;box-shadow:var(--ring)}
.launcher{position:fixed;right:24px;bottom:24px;z-index:2147483000;width:60px;height:60px;border:0;border-radius:50%;background:var(--accent);color:#fff;display:grid;place-items:center;box-shadow:0 8px 24px rgba(120,45,10,.32),0 2px 6px rgba(120,45,10,.2);transition:transform .18s ease,background .18s ease}
.launcher:hover{background:var(--accent-dark);transform:translateY(-2px)}
.launcher:focus-visible{box-shadow:0 0 0 3px #fff,0 0 0 6px var(--accent)}
.launcher svg{width:28px;height:28px}
.badge{position:absolute;top:-2px;right:-2px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#1f7a5a;color:#fff;font-size:12px;font-weight:700;line-height:22px;text-align:center;box-shadow:0 0 0 2px #fff}
.panel{position:fixed;right:24px;bottom:100px;z-index:2147483000;width:380px;height:min(640px,calc(100vh - 124px));display:flex;flex-direction:column;background:var(--cream);border-radius:16px;overflow:hidden;box-shadow:0 18px 50px rgba(70,35,10,.22),0 3px 10px rgba(70,35,10,.1);animation:rise .22s ease-out}
@keyframes rise{from{opacity:0;transform:translateY(12px) scale(.98)}}
@media (prefers-reduced-motion:reduce){.panel,.launcher,.dots i{animation:none!important;transition:none!important}}
@media (max-width:479px){.panel{inset:0;width:100%;height:100%;border-radius:0;bottom:0;right:0}.panel:not([hidden])~.launcher{display:none}}
.head{display:flex;align-items:center;gap:12px;padding:16px 14px 16px 18px;background:linear-gradient(135deg,var(--accent),var(--accent-dark));color:#fff}
.who{flex:1;min-width:0;display:flex;align-items:center;gap:12px}
.title{margin:0;font-weight:650;font-size:16px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.title .pre{display:block;font-size:12.5px;font-weight:500;opacity:.9}
.status{margin:2px 0 0;font-size:13px;opacity:.92}
.pos{display:inline-block;margin:5px 0 0;padding:1px 9px;border-radius:999px;background:rgba(255,255,255,.18);font-size:12px;font-weight:600}
.close{flex:none;width:36px;height:36px;border:0;border-radius:10px;background:transparent;color:#fff;display:grid;place-items:center}
.close:hover{background:rgba(255,255,255,.16)}
.close:focus-visible{box-shadow:0 0 0 3px rgba(255,255,255,.7)}
.close svg{width:20px;height:20px}
.faces{display:flex;flex:none}
.faces .av{box-shadow:0 0 0 2px var(--accent-dark)}
.faces .av+.av{margin-left:-6px}
.av{flex:none;border-radius:50%;object-fit:cover;background:#f3dccb;color:#7c2d12;display:grid;place-items:center;font-weight:700;overflow:hidden}
.head .av.big{box-shadow:0 0 0 2px rgba(255,255,255,.85)}
.banner{padding:8px 16px;font-size:13px;background:#fff7e6;color:#7a4a06;border-bottom:1px solid #f4e2bd}
.list{flex:1;overflow-y:auto;padding:18px 16px 8px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.intro{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:14px 16px;margin-bottom:4px}
.intro p{margin:0}
.intro .name{font-weight:650;margin-bottom:2px}
.intro .brand{display:flex;align-items:center;gap:10px;margin-bottom:6px}
.intro .brand .name{margin:0}
.intro .logo{width:36px;height:36px;border-radius:8px;object-fit:contain;background:#fff;border:1px solid var(--line)}
.intro .greet{color:var(--muted)}
.rows{display:flex;flex-direction:column;gap:6px}
.row{display:flex;align-items:flex-end;gap:8px;max-width:100%}
.row.in{justify-content:flex-end}
.row.gap{margin-top:8px}
.stack{display:flex;flex-direction:column;max-width:78%;min-width:0}
.row.in .stack{align-items:flex-end}
.author{font-size:12px;color:var(--muted);margin:0 0 3px 4px}
.bubble{padding:9px 13px;border-radius:16px;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word}
.out .bubble{background:var(--card);border:1px solid var(--line);border-bottom-left-radius:6px}
.in .bubble{background:var(--accent);color:#fff;border-bottom-right-radius:6px}
.in.sending .bubble{opacity:.7}
.in.failed .bubble{background:#fff;color:var(--ink);border:1px dashed #c0392b}
.meta{font-size:12px;color:var(--muted);margin:3px 4px 0}
.failed .meta{color:#a1281b}
.link{border:0;background:none;padding:2px 4px;margin-left:4px;color:var(--accent-dark);font-weight:600;text-decoration:underline;border-radius:6px}
.spacer{width:28px;flex:none}
.event{align-self:center;text-align:center;font-size:12.5px;color:var(--muted);padding:4px 12px;margin:6px 0;background:rgba(194,65,12,.06);border-radius:999px}
.promise{display:flex;gap:10px;align-items:flex-start;background:#eef7f1;border:1px solid #cfe8d9;color:#1d4d36;border-radius:14px;padding:12px 14px;margin-top:6px}
.promise svg{flex:none;width:20px;height:20px;margin-top:1px}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:16px;margin-top:6px;display:flex;flex-direction:column;gap:10px;scroll-margin:12px}
.card h3{margin:0;font-size:15px}
.card p{margin:0;color:var(--muted);font-size:13.5px}
.form{display:flex;flex-direction:column;gap:10px;border-top:1px dashed var(--line);padding-top:12px}
.opts+.form:not([hidden]){margin-top:2px}
.opts{display:flex;flex-direction:column;gap:8px}
.opt{display:flex;align-items:center;gap:12px;min-height:48px;padding:10px 12px;border:1.5px solid #ecd5c2;border-radius:12px;background:#fffaf5;text-align:left}
.opt span{display:flex;flex-direction:column;min-width:0}
.opt b{color:var(--accent-dark);font-weight:650}
.opt small{font-size:12.5px;color:var(--muted)}
.opt svg{width:20px;height:20px;flex:none;color:var(--accent)}
.opt:hover{border-color:var(--accent);background:var(--accent-soft)}
.picked .opt{min-height:40px;padding:6px 12px}
.picked small{display:none}
.opt[aria-pressed=true]{border-color:var(--accent);background:var(--accent-soft);box-shadow:inset 0 0 0 1px var(--accent)}
.card label{display:flex;flex-direction:column;gap:4px;font-size:13px;font-weight:600}
.card label b{font-weight:600}
.card label span{font-weight:400;color:var(--muted)}
.card input,.card select{width:100%;min-height:42px;border:1px solid #e2d3c1;border-radius:10px;padding:9px 11px;background:#fffdf9;font-weight:400;font-size:16px}
.card input:focus-visible,.card select:focus-visible{border-color:var(--accent)}
.card [aria-invalid=true]{border-color:#c0392b}
.card .hint{font-size:13px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.hintrow{display:flex;align-items:baseline;gap:4px;flex-wrap:wrap}
.hintrow:has(>[hidden]+[hidden]){display:none}
.err{color:#a1281b!important;font-size:13px}
.btn{border:0;border-radius:10px;padding:10px 14px;background:var(--accent);color:#fff;font-weight:650}
.btn:hover{background:var(--accent-dark)}
.btn[aria-disabled=true]{opacity:.6;cursor:default}
.typing{display:flex;align-items:center;gap:8px;padding:2px 20px 6px;font-size:12.5px;color:var(--muted)}
.dots{display:inline-flex;gap:3px}
.dots i{width:5px;height:5px;border-radius:50%;background:var(--accent);opacity:.4;animation:blink 1.2s infinite}
.dots i:nth-child(2){animation-delay:.2s}.dots i:nth-child(3){animation-delay:.4s}
@keyframes blink{50%{opacity:1}}
.composer{display:flex;align-items:flex-end;gap:8px;margin:0 12px 12px;padding:6px 6px 6px 14px;background:var(--card);border:1px solid var(--line);border-radius:16px;box-shadow:0 2px 8px rgba(70,35,10,.05)}
.composer:focus-within{border-color:#e3a47f;box-shadow:0 0 0 3px rgba(194,65,12,.14)}
.composer textarea{flex:1;border:0;outline:0;resize:none;background:transparent;padding:8px 0;max-height:132px;min-height:24px;line-height:1.4}
.composer textarea:focus-visible{box-shadow:none}
.send{flex:none;width:40px;height:40px;border:0;border-radius:12px;background:var(--accent);color:#fff;display:grid;place-items:center}
.send:hover{background:var(--accent-dark)}
.send[data-idle=true]{background:#e9d9ca;cursor:default}
.send svg{width:18px;height:18px}
.clip{flex:none;width:36px;height:40px;margin-left:-8px;border:0;border-radius:10px;background:transparent;color:var(--muted);display:grid;place-items:center}
.clip:hover{color:var(--accent);background:var(--accent-soft)}
.clip svg{width:20px;height:20px}
.chosen{display:flex;flex-wrap:wrap;gap:6px;margin:0 12px 6px}
.chip{display:inline-flex;align-items:center;gap:6px;max-width:100%;padding:4px 4px 4px 10px;border-radius:999px;background:var(--card);border:1px solid var(--line);font-size:13px}
.chip.up{opacity:.7}
.chip-name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:170px}
.chip-size{color:var(--muted);font-size:12px;white-space:nowrap}
.chip-x{border:0;background:transparent;width:24px;height:24px;border-radius:50%;color:var(--muted);font-size:16px;line-height:1}
.chip-x:hover{background:var(--accent-soft);color:var(--accent-dark)}
.attach-error{margin:0 14px 6px;font-size:13px;color:#a1281b}
.files{display:flex;flex-direction:column;gap:6px;margin-top:4px}
.row.in .files{align-items:flex-end}
.thumb{display:block;width:208px;height:156px;max-width:100%;border-radius:12px;border:1px solid var(--line);background:#f3e7da;cursor:zoom-in;padding:0;overflow:hidden}
.thumb img{display:block;width:100%;height:100%;object-fit:cover}
.file{display:inline-flex;align-items:center;gap:8px;max-width:100%;padding:8px 12px;border-radius:12px;background:var(--card);border:1px solid var(--line);color:var(--ink);text-align:left}
.file:hover{border-color:#e3a47f}
.file svg{flex:none;width:18px;height:18px;color:var(--accent)}
.file b{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;max-width:180px}
.file span{color:var(--muted);font-size:12px;white-space:nowrap}
.counter{font-size:12px;color:var(--muted);text-align:right;margin:-8px 20px 8px}
.counter.over{color:#a1281b;font-weight:600}
.foot{font-size:11px;color:#a89585;text-align:center;padding:0 0 8px}
.hang svg{width:16px;height:16px}
.talk{display:flex;align-items:center;gap:6px;margin-top:10px;border:1.5px solid #ecd5c2;border-radius:999px;padding:5px 12px;background:#fffaf5;color:var(--accent-dark);font-weight:600;font-size:13.5px}
.talk:hover{border-color:var(--accent);background:var(--accent-soft)}
.talk svg{width:15px;height:15px}
.call{padding:12px 16px;background:#fff;border-bottom:1px solid var(--line);display:flex;flex-direction:column;gap:10px}
.callwho{display:flex;align-items:center;gap:12px}
.callface{flex:none;width:40px;height:40px;border-radius:50%;display:grid;place-items:center;background:var(--accent-soft);color:var(--accent)}
.callface svg{width:20px;height:20px}
.call[data-state=ringing] .callface{animation:pulse 1.6s ease-out infinite}
@keyframes pulse{0%{box-shadow:0 0 0 0 rgba(194,65,12,.35)}100%{box-shadow:0 0 0 12px rgba(194,65,12,0)}}
.calltitle{margin:0;font-weight:650}
.callstatus{margin:1px 0 0;font-size:13px;color:var(--muted)}
.call[data-state=hold]{background:#fff8ec}
.callacts{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.callacts:has(>[hidden]+[hidden]+[hidden]+[hidden]+[hidden]){display:none}
.pick{display:flex;align-items:center;gap:6px;border:0;border-radius:10px;padding:8px 14px;background:#15803d;color:#fff;font-weight:650}
.pick:hover{background:#116932}
.pick svg{width:16px;height:16px}
.check{display:flex;align-items:flex-start;gap:8px;font-size:13.5px;color:var(--ink,#3b2a1e)}
.check input{margin:2px 0 0;width:18px;height:18px;accent-color:var(--accent);flex:none}
.hang{display:flex;align-items:center;gap:6px;border:0;border-radius:10px;padding:8px 14px;background:#b42318;color:#fff;font-weight:650}
.hang:hover{background:#8f1c13}
.survey{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:12px 12px 10px;margin-top:4px}
.sv-title{margin:0 0 6px;font-weight:650;font-size:15.5px}
.sv-form{display:flex;flex-direction:column;gap:8px}
.sv-label{margin:0 0 4px;font-size:13px;line-height:1.35;color:var(--ink)}
.sv-scale{display:flex;gap:4px}
.sv-n{flex:1;min-width:0;height:30px;border:1.5px solid var(--line);border-radius:9px;background:var(--cream);font-weight:650;color:var(--muted)}
.sv-n:hover,.sv-chip:hover{border-color:var(--accent)}
.sv-n[aria-pressed=true],.sv-chip[aria-pressed=true]{background:var(--accent);border-color:var(--accent);color:#fff}
.sv-ends{display:flex;justify-content:space-between;margin-top:3px;font-size:11.5px;color:var(--muted)}
.sv-chips{display:flex;flex-wrap:wrap;gap:4px}
.sv-chip{border:1.5px solid var(--line);border-radius:999px;background:var(--cream);padding:2px 9px;font-size:12.5px;color:var(--ink)}
.sv-comment{width:100%;resize:vertical;min-height:38px;border:1.5px solid var(--line);border-radius:10px;padding:7px 10px;background:var(--cream);font-size:14px}
.sv-actions{display:flex;justify-content:flex-end;align-items:center;gap:8px}
.sv-later{border:0;background:transparent;color:var(--muted);padding:8px 10px;border-radius:10px}
.sv-later:hover{color:var(--ink)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
