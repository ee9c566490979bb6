import type { Entry, EntryEmail } from '@warmline/shared/types';
import { useState } from 'react';
import { conversationsApi } from '../api/endpoints.ts';
import { emailDocument, foldQuoted, hasQuotedHtml, hasRemoteImages } from '../state/emailView.ts';
import { EmailFrame } from './EmailFrame.tsx';

/**
 * A received email on the timeline: its text, with quoted history and signature folded; on request, the original
 * formatting — the server's sanitised HTML in a frame sandboxed from everything (no scripts, no same origin), its remote
 * images blocked until the agent loads them.
 */
export function EmailBody({ entry }: { entry: Entry }) {
  const [quoted, setQuoted] = useState(false);
  const [original, setOriginal] = useState<EntryEmail | null>(null);
  const [images, setImages] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const text = foldQuoted(entry.body);
  const html = original?.html ?? null;

  const showOriginal = async () => {
    setProblem(null);
    try {
      setOriginal((await conversationsApi.email(entry.conversationId, entry.seq)).email);
    } catch {
      setProblem('The original email could not be opened.');
    }
  };

  return (
    <div className="email-body" data-testid="email-body">
      {original && html ? (
        <div className="email-headers" data-testid="email-headers">
          <div>
            <span className="email-header-name">From</span>{' '}
            {original.from?.name ? `${original.from.name} <${original.from.address}>` : (original.from?.address ?? 'unknown')}
          </div>
          <div>
            <span className="email-header-name">Subject</span> {original.subject ?? '(no subject)'}
          </div>
        </div>
      ) : null}
      {html ? (
        <EmailFrame title="The email with its original formatting" doc={emailDocument(html, { images, quoted })} />
      ) : (
        <p className="bubble body">
          {text.main}
          {quoted && text.folded ? <span className="email-quoted">{`\n\n${text.folded}`}</span> : null}
        </p>
      )}
      <div className="email-actions">
        {html ? (
          <button type="button" className="link-button" onClick={() => setOriginal(null)}>
            Show as text
          </button>
        ) : original ? (
          <span className="email-note">This email has no formatting of its own.</span>
        ) : (
          <button type="button" className="link-button" data-testid="email-original" onClick={() => void showOriginal()}>
            Show original formatting
          </button>
        )}
        {html && hasRemoteImages(html) && !images ? (
          <button type="button" className="link-button" data-testid="email-load-images" onClick={() => setImages(true)}>
            Load images
          </button>
        ) : null}
        {(html ? hasQuotedHtml(html) : text.folded) ? (
          <button type="button" className="link-button" data-testid="email-quoted" onClick={() => setQuoted(!quoted)}>
            {quoted ? 'Hide quoted text' : 'Show quoted text'}
          </button>
        ) : null}
        {html && !images && hasRemoteImages(html) ? <span className="email-note">Remote images are blocked.</span> : null}
        {problem ? <span className="email-note is-problem">{problem}</span> : null}
      </div>
    </div>
  );
}
