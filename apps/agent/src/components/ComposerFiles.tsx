import { ATTACHMENT_ACCEPT, ATTACHMENTS_ACCEPTED, attachmentTooMuch, fileSizeInWords } from '@warmline/shared/attachmentLimits';
import type { Attachment } from '@warmline/shared/types';
import { useEffect, useRef, useState } from 'react';
import { conversationsApi } from '../api/endpoints.ts';

/** A file chosen for the next message: uploading (no attachment yet), then ready. */
interface Chosen {
  key: number;
  name: string;
  size: number;
  attachment: Attachment | null;
}

/**
 * Files for the next message of a conversation: each is uploaded as soon as it is chosen, so sending is instant;
 * one too big, one too many, or one the server refuses leaves a clear line and nothing else.
 */
export function useComposerFiles(conversationId: string) {
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [error, setError] = useState<string | null>(null);
  const next = useRef(0);
  // Another conversation opened: its files are its own.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the conversation changes
  useEffect(() => {
    setChosen([]);
    setError(null);
  }, [conversationId]);

  const attach = (files: readonly File[]) => {
    setError(null);
    let count = chosen.length;
    for (const file of files) {
      const tooMuch = attachmentTooMuch(file.size, count);
      if (tooMuch) {
        setError(`${file.name}: ${tooMuch}`);
        break;
      }
      count++;
      const key = next.current++;
      setChosen((all) => [...all, { key, name: file.name, size: file.size, attachment: null }]);
      conversationsApi.uploadAttachment(conversationId, file).then(
        ({ attachment }) => setChosen((all) => all.map((c) => (c.key === key ? { ...c, attachment } : c))),
        (err: Error) => {
          setChosen((all) => all.filter((c) => c.key !== key));
          setError(`${file.name}: ${err.message}`);
        },
      );
    }
  };

  return {
    chosen,
    error,
    attach,
    remove: (key: number) => setChosen((all) => all.filter((c) => c.key !== key)),
    uploading: chosen.some((c) => !c.attachment),
    ready: chosen.flatMap((c) => (c.attachment ? [c.attachment] : [])),
    clear: () => {
      setChosen([]);
      setError(null);
    },
  };
}

export type ComposerFilesState = ReturnType<typeof useComposerFiles>;

/** The paperclip: opens the file chooser. */
export function AttachButton({ files }: { files: ComposerFilesState }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="btn-icon attach-button"
        data-testid="attach-button"
        aria-label="Attach files"
        title={`Attach files: ${ATTACHMENTS_ACCEPTED}, up to 10 MB each`}
        onClick={() => input.current?.click()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M16.5 7.5l-7 7a2 2 0 0 0 2.8 2.8l7.4-7.4a4 4 0 0 0-5.6-5.6l-7.6 7.6a6 6 0 0 0 8.5 8.5l6.3-6.3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={ATTACHMENT_ACCEPT}
        data-testid="attach-input"
        onChange={(e) => {
          files.attach([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
    </>
  );
}

/** The chosen files above the send row, each with its size (or "Uploading…") and a way to take it off. */
export function ChosenFiles({ files }: { files: ComposerFilesState }) {
  if (!files.chosen.length && !files.error) return null;
  return (
    <div className="composer-files">
      {files.error ? (
        <p className="composer-files-error" role="alert" data-testid="attach-error">
          {files.error}
        </p>
      ) : null}
      {files.chosen.length ? (
        <ul className="composer-chips">
          {files.chosen.map((c) => (
            <li key={c.key} className={`composer-chip${c.attachment ? '' : ' is-uploading'}`} data-testid="attach-chip">
              <span className="composer-chip-name">{c.name}</span>
              <span className="composer-chip-size">{c.attachment ? fileSizeInWords(c.size) : 'Uploading…'}</span>
              <button
                type="button"
                className="composer-chip-remove"
                aria-label={`Remove ${c.name}`}
                onClick={() => files.remove(c.key)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
