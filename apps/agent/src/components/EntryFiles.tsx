import { fileSizeInWords, isInlineImage } from '@warmline/shared/attachmentLimits';
import type { Attachment } from '@warmline/shared/types';

/**
 * The files of a message or note: images as thumbnails (opened full size in a new tab), other files as a link with
 * name and size that downloads them. Served by Warmline on the session, inert (nosniff, a sandboxing policy).
 */
export function EntryFiles({ attachments }: { attachments: readonly Attachment[] | undefined }) {
  if (!attachments?.length) return null;
  return (
    <div className="entry-files" data-testid="entry-files">
      {attachments.map((a) =>
        isInlineImage(a.type) ? (
          <a key={a.id} className="entry-thumb" href={a.url} target="_blank" rel="noopener" title={a.name}>
            <img src={a.url} alt={a.name} data-testid="entry-image" loading="lazy" />
          </a>
        ) : (
          <a key={a.id} className="entry-file" href={a.url} download={a.name} data-testid="entry-file">
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M7 3h7l5 5v13H7z" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round" />
              <path d="M14 3v5h5" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round" />
            </svg>
            <span className="entry-file-name">{a.name}</span>
            <span className="entry-file-size">{fileSizeInWords(a.size)}</span>
          </a>
        ),
      )}
    </div>
  );
}
