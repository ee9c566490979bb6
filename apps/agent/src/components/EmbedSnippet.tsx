import { CopyField } from './CopyField.tsx';

/** The one line an admin pastes into their website to add the chat. */
export function EmbedSnippet({ workspaceKey }: { workspaceKey: string }) {
  const snippet = `<script src="${location.origin}/widget.js" data-workspace="${workspaceKey}" async></script>`;
  return (
    <section className="card" aria-labelledby="embed-title">
      <h2 className="card-title" id="embed-title">
        Add the chat to your website
      </h2>
      <p className="hint">Paste this before the closing &lt;/body&gt; tag of every page where customers should reach you.</p>
      <CopyField value={snippet} label="Widget embed code" testId="embed-snippet" copyTestId="embed-copy" />
      <p className="hint">
        See it working on the <a href="/demo">demo page</a>.
      </p>
    </section>
  );
}
