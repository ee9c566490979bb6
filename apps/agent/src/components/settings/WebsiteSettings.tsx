import type { WorkspaceSettings } from '@warmline/shared/types';
import { type FormEvent, useState } from 'react';
import { identitySecret, rotateIdentitySecret, saveWorkspace } from '../../state/settingsActions.ts';
import { useStore } from '../../state/store.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { CopyField } from '../CopyField.tsx';
import { EmbedSnippet } from '../EmbedSnippet.tsx';
import { SaveRow, useSaving } from './SaveRow.tsx';

/** The embed code, the websites allowed to open the chat, and the identity secret for signed-in customers. */
export function WebsiteSettings({ workspace }: { workspace: WorkspaceSettings }) {
  const workspaceKey = useStore((s) => s.session?.workspace.key);
  return (
    <div className="settings-grid">
      <div className="settings-main">
        {workspaceKey ? <EmbedSnippet workspaceKey={workspaceKey} /> : null}
        <AllowedOrigins workspace={workspace} />
      </div>
      <div className="settings-side">
        <IdentitySecret />
      </div>
    </div>
  );
}

function AllowedOrigins({ workspace }: { workspace: WorkspaceSettings }) {
  const [text, setText] = useState(workspace.allowedOrigins.join('\n'));
  const saving = useSaving();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const allowedOrigins = text
      .split(/\s+/)
      .map((o) => o.trim())
      .filter(Boolean);
    void saving.run(async () => setText((await saveWorkspace({ allowedOrigins })).allowedOrigins.join('\n')));
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="origins-title">
      <h2 className="card-title" id="origins-title">
        Websites that may show the chat
      </h2>
      <label className="field">
        <span className="field-label">One website address per line</span>
        <textarea
          data-testid="allowed-origins"
          rows={4}
          placeholder="https://shop.example"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="field-hint">
          Just the site: https, the host and a port if it has one, nothing after. Leave empty to let any website show it.
        </span>
      </label>
      <SaveRow busy={saving.busy} status={saving.status} testId="origins-save" />
    </form>
  );
}

function IdentitySecret() {
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    setError(null);
    try {
      setSecret(await identitySecret());
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="card secret-card" aria-labelledby="secret-title">
      <h2 className="card-title" id="secret-title">
        Signed-in customers
      </h2>
      <p className="hint">
        If customers sign in on your website, your server signs their user id with this secret (HMAC-SHA256, as hex) and puts it
        in <code>data-user-hash</code>. Warmline then knows it is really them. Keep it on your server, never in a page.
      </p>
      {secret ? (
        <CopyField value={secret} label="Identity secret" testId="identity-secret" copyTestId="identity-secret-copy" />
      ) : (
        <button type="button" className="btn" data-testid="identity-secret-show" onClick={show}>
          Show the secret
        </button>
      )}
      <button
        type="button"
        className="btn btn-quiet btn-small"
        data-testid="identity-secret-rotate"
        onClick={() => setConfirming(true)}
      >
        Replace the secret…
      </button>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="Replace the identity secret?"
          confirmLabel="Replace it"
          busyLabel="Replacing…"
          danger
          testId="rotate-dialog"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            setSecret(await rotateIdentitySecret());
            setConfirming(false);
          }}
        >
          <p>
            Hashes made with the old secret stop working at once: signed-in customers are treated as visitors until your website
            signs with the new one.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
