import type { SignedInUser } from './api.ts';
import { baseFromScriptSrc, isWidgetSrc } from './url.ts';
import { mountWidget, type WarmlineHandle } from './widget.ts';

declare global {
  interface Window {
    Warmline?: WarmlineHandle;
  }
}

/** The embed script tag: currentScript while it runs, else the tag whose src ends with /widget.js. */
function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((s) => isWidgetSrc(s.src));
  return scripts.find((s) => s.dataset.workspace) ?? scripts[0] ?? null;
}

/**
 * A site with signed-in users adds `data-user-id` and `data-user-hash` (HMAC-SHA256 of the id under the
 * workspace's identity secret, computed on its server), optionally `data-user-name` and `data-user-email`.
 */
function signedInUser(script: HTMLScriptElement): SignedInUser | undefined {
  const { userId, userHash, userName, userEmail } = script.dataset;
  if (!userId || !userHash) return undefined;
  return { userId, userHash, ...(userName ? { name: userName } : {}), ...(userEmail ? { email: userEmail } : {}) };
}

function boot(): void {
  if (window.Warmline) return; // embedded twice: one widget is enough
  const script = findScript();
  const workspaceKey = script?.dataset.workspace;
  if (!script || !workspaceKey) {
    console.warn('[warmline] add data-workspace="YOUR_KEY" to the widget <script> tag');
    return;
  }
  // The handle exists at once so a host page may call Warmline.open() before the DOM is ready.
  let mounted: WarmlineHandle | null = null;
  let openWhenMounted = false;
  window.Warmline = {
    open() {
      if (mounted) mounted.open();
      else openWhenMounted = true;
    },
    close() {
      if (mounted) mounted.close();
      else openWhenMounted = false;
    },
  };
  // Any element marked data-warmline-open opens the chat: a host page needs no inline script (or CSP exception) for it.
  document.addEventListener('click', (event) => {
    const opener = event.target instanceof Element ? event.target.closest('[data-warmline-open]') : null;
    if (!opener) return;
    event.preventDefault();
    window.Warmline?.open();
  });
  const start = () => {
    mounted = mountWidget(baseFromScriptSrc(script.src), workspaceKey, signedInUser(script));
    if (openWhenMounted) mounted.open();
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

boot();
