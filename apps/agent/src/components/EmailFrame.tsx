import { useEffect, useRef } from 'react';

type HtmlPolicy = { createHTML(input: string): unknown };

/**
 * The page's one Trusted Types policy (the page's CSP allows only `email-frame`), kept private to this module: the only
 * HTML it ever lets through is a received email's, sanitised by the server, into a frame sandboxed from everything.
 */
let policy: HtmlPolicy | null | undefined;
function emailFramePolicy(): HtmlPolicy | null {
  if (policy === undefined) {
    const trustedTypes = (window as { trustedTypes?: { createPolicy(name: string, rules: HtmlPolicy): HtmlPolicy } })
      .trustedTypes;
    policy = trustedTypes ? trustedTypes.createPolicy('email-frame', { createHTML: (html: string) => html }) : null;
  }
  return policy;
}

/** A document shown in an iframe with `sandbox=""`: no scripts, no forms, no popups, an origin of its own. */
export function EmailFrame({ doc, title }: { doc: string; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (!frame.current) return;
    const html = emailFramePolicy()?.createHTML(doc) ?? doc;
    (frame.current as unknown as { srcdoc: unknown }).srcdoc = html;
  }, [doc]);
  return (
    <iframe ref={frame} className="email-frame" data-testid="email-frame" title={title} sandbox="" referrerPolicy="no-referrer" />
  );
}
