/** The server base URL from the widget script's own src: `https://host/prefix/widget.js` → `https://host/prefix`. */
export function baseFromScriptSrc(src: string): string {
  const u = new URL(src);
  const path = u.pathname.replace(/\/widget\.js$/, '').replace(/\/+$/, '');
  return u.origin + path;
}

/** True when a script src looks like the Warmline embed. */
export function isWidgetSrc(src: string): boolean {
  return /\/widget\.js(?:[?#]|$)/.test(src);
}

/** The visitor WebSocket URL for a base and token (http → ws, https → wss). */
export function visitorSocketUrl(base: string, token: string): string {
  const u = new URL(`${base}/ws/visitor`);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  u.searchParams.set('token', token);
  return u.toString();
}

/** An avatar URL from the server, resolved against the server (not the host page); only http(s), else null. */
export function safeImageUrl(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, `${base}/`);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}
