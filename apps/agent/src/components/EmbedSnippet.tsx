import { useState } from 'react';

/** The one line an admin pastes into their website to add the chat. */
export function EmbedSnippet({ workspaceKey }: { workspaceKey: string }) {
  const [copied, setCopied] = useState(false);
  const snippet = `<script src="${location.origin}/widget.js" data-workspace="${workspaceKey}" async></script>`;
  const copy = () => {
    navigator.clipboard?.writeText(snippet).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <section className="card" aria-labelledby="embed-title">
      <h2 className="card-title" id="embed-title">
        Add the chat to your website
      </h2>
      <p className="hint">Paste this before the closing &lt;/body&gt; tag of every page where customers should reach you.</p>
      <div className="copy-row">
        <input
          readOnly
          value={snippet}
          data-testid="embed-snippet"
          onFocus={(e) => e.target.select()}
          aria-label="Widget embed code"
        />
        <button type="button" className="btn" onClick={copy} data-testid="embed-copy">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="hint">
        See it working on the <a href="/demo">demo page</a>.
      </p>
    </section>
  );
}
