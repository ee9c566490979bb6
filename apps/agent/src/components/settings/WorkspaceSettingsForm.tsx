import { contrastWithWhite, DEFAULT_WIDGET_COLOR, darker, HEX_COLOUR, MIN_WIDGET_CONTRAST } from '@warmline/shared/colour';
import type { WorkspaceSettings } from '@warmline/shared/types';
import { type FormEvent, useState } from 'react';
import { saveWorkspace, uploadLogo } from '../../state/settingsActions.ts';
import { SaveRow, useSaving } from './SaveRow.tsx';

const CURRENCIES = Intl.supportedValuesOf('currency');
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** What a list of language tags reads as: "English, Swahili (Kenya)", or nothing for a tag not understood. */
function languageList(text: string): string {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => {
      try {
        return languageNames.of(t) ?? t;
      } catch {
        return `“${t}”?`;
      }
    })
    .join(', ');
}

/** Name, logo, colour, greeting, currency and languages: the workspace as its customers meet it. */
export function WorkspaceSettingsForm({ workspace }: { workspace: WorkspaceSettings }) {
  const [name, setName] = useState(workspace.name);
  const [greeting, setGreeting] = useState(workspace.greeting);
  const [color, setColor] = useState(workspace.widgetColor);
  const [currency, setCurrency] = useState(workspace.currency);
  const [languages, setLanguages] = useState(workspace.languages.join(', '));
  const saving = useSaving();
  const logo = useSaving();
  const validColour = HEX_COLOUR.test(color);
  const contrast = validColour ? contrastWithWhite(color) : null;
  const readable = contrast !== null && contrast >= MIN_WIDGET_CONTRAST;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saving.run(() =>
      saveWorkspace({
        name: name.trim(),
        greeting,
        widgetColor: color,
        currency,
        languages: languages
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      }),
    );
  };

  return (
    <div className="settings-grid">
      <form className="card form" onSubmit={submit} data-testid="workspace-form" aria-labelledby="workspace-title">
        <h2 className="card-title" id="workspace-title">
          Your business
        </h2>
        <label className="field">
          <span className="field-label">Name</span>
          <input data-testid="workspace-name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
          <span className="field-hint">Shown in the chat, in emails to customers and to your team.</span>
        </label>
        <label className="field">
          <span className="field-label">Greeting</span>
          <textarea
            data-testid="workspace-greeting"
            rows={2}
            maxLength={280}
            value={greeting}
            onChange={(e) => setGreeting(e.target.value)}
          />
          <span className="field-hint">The first thing a customer reads when they open the chat.</span>
        </label>
        <div className="field">
          <span className="field-label" id="colour-label">
            Chat colour
          </span>
          <div className="colour-row">
            <input
              type="color"
              aria-labelledby="colour-label"
              value={validColour ? color : DEFAULT_WIDGET_COLOR}
              onChange={(e) => setColor(e.target.value)}
            />
            <input
              data-testid="workspace-colour"
              aria-label="Chat colour as #RRGGBB"
              className="colour-text"
              maxLength={7}
              value={color}
              onChange={(e) => setColor(e.target.value.trim())}
            />
          </div>
          <span className={`field-hint${readable ? '' : ' is-warning'}`} data-testid="colour-contrast">
            {!validColour
              ? 'Write the colour as #RRGGBB, e.g. #c2410c.'
              : readable
                ? `White text reads well on it (contrast ${contrast}:1).`
                : `Too light: white text on it has a contrast of ${contrast}:1, and needs ${MIN_WIDGET_CONTRAST}:1. Pick a darker shade.`}
          </span>
        </div>
        <div className="field-pair">
          <label className="field">
            <span className="field-label">Currency</span>
            <select data-testid="workspace-currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Languages you answer in</span>
            <input data-testid="workspace-languages" value={languages} onChange={(e) => setLanguages(e.target.value)} />
            <span className="field-hint">{languageList(languages) || 'Language tags, e.g. en, sw-KE'}</span>
          </label>
        </div>
        <SaveRow busy={saving.busy} status={saving.status} testId="workspace-save" />
      </form>

      <div className="settings-side">
        <section className="card" aria-labelledby="logo-title">
          <h2 className="card-title" id="logo-title">
            Logo
          </h2>
          <div className="logo-row">
            {workspace.logoUrl ? (
              <img className="logo-preview" src={workspace.logoUrl} alt="Your logo" data-testid="logo-preview" />
            ) : (
              <div className="logo-preview logo-empty">No logo</div>
            )}
            <div className="logo-actions">
              <label className="btn btn-small file-button">
                {logo.busy ? 'Uploading…' : workspace.logoUrl ? 'Replace…' : 'Upload…'}
                <input
                  type="file"
                  accept="image/png,image/jpeg,image/gif,image/webp"
                  data-testid="logo-file"
                  disabled={logo.busy}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (file) void logo.run(() => uploadLogo(file), 'Logo saved.');
                  }}
                />
              </label>
              {workspace.logoUrl ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void logo.run(() => saveWorkspace({ logoUrl: null }), 'Logo removed.')}
                >
                  Remove
                </button>
              ) : null}
            </div>
          </div>
          <p className="hint">PNG, JPEG, GIF or WebP, up to 2 MB. Square works best.</p>
          {logo.status ? (
            <p className={logo.status.ok ? 'form-ok' : 'form-error'} role="status" data-testid="logo-status">
              {logo.status.text}
            </p>
          ) : null}
        </section>
        <WidgetPreview
          name={name}
          greeting={greeting}
          color={readable ? color : workspace.widgetColor}
          logoUrl={workspace.logoUrl}
        />
      </div>
    </div>
  );
}

/** The chat's header and launcher as a customer will see them, drawn from what is on the form. */
function WidgetPreview({
  name,
  greeting,
  color,
  logoUrl,
}: {
  name: string;
  greeting: string;
  color: string;
  logoUrl: string | null;
}) {
  return (
    <section className="card widget-preview" aria-label="How the chat looks">
      <h2 className="card-title">How the chat looks</h2>
      <div className="preview-window">
        <div className="preview-head" style={{ background: `linear-gradient(135deg, ${color}, ${darker(color)})` }}>
          {logoUrl ? <img src={logoUrl} alt="" className="preview-logo" /> : null}
          <span>{name || 'Your business'}</span>
        </div>
        <p className="preview-greeting">{greeting}</p>
        <div className="preview-bubble" style={{ background: color }}>
          Hi! Is the shop open on Sunday?
        </div>
      </div>
      <div className="preview-launcher" style={{ background: color }} aria-hidden="true">
        <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12Z" />
        </svg>
      </div>
    </section>
  );
}
