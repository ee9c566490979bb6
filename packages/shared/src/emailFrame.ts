/**
 * The style blocks of the frame that shows a received email as written (apps/agent/src/state/emailView.ts). They are
 * fixed texts because the frame inherits the agent app's Content-Security-Policy, which allows inline style only by
 * hash: the server lists these hashes (apps/server/src/pages.ts).
 */
export const EMAIL_FRAME_STYLE =
  'body{font:14px/1.5 system-ui,sans-serif;color:#1f2933;margin:12px;overflow-wrap:anywhere}' +
  'img{max-width:100%;height:auto}table{border-collapse:collapse;max-width:100%}td,th{padding:2px 6px}' +
  'img:not([src]){display:inline-block;min-width:24px;min-height:24px;background:#eef1f4;outline:1px dashed #9aa5b1}';

/** Added while quoted history is folded. */
export const EMAIL_FRAME_HIDE_QUOTES = 'blockquote{display:none}';

export const EMAIL_FRAME_STYLES = [EMAIL_FRAME_STYLE, EMAIL_FRAME_HIDE_QUOTES] as const;
