import { attachmentTooMuch } from '@warmline/shared/attachmentLimits';
import type { Attachment } from '@warmline/shared/types';
import { type Api, ApiError } from './api.ts';

/** A file chosen to go with the next message: uploading (no attachment yet), then ready to send. */
export interface Draft {
  key: string;
  name: string;
  size: number;
  attachment: Attachment | null;
}

/**
 * The visitor's files: those chosen for the next message (uploaded as soon as chosen, so sending is instant), and
 * the conversation's files fetched with the visitor's token for showing (an <img> or a link cannot carry it).
 */
export class ChatFiles {
  drafts: Draft[] = [];
  /** Why a chosen file was not taken (too big, one too many, refused by the server), until the next choice. */
  error: string | null = null;
  private readonly urls = new Map<string, Promise<string>>();

  constructor(
    private readonly api: Api,
    private readonly token: () => string | null,
    private readonly uuid: () => string,
    private readonly changed: () => void,
  ) {}

  /** True while a chosen file is on its way up: the message waits for it. */
  get uploading(): boolean {
    return this.drafts.some((d) => !d.attachment);
  }

  /** The uploaded files, ready to go with the message. */
  ready(): Attachment[] {
    return this.drafts.flatMap((d) => (d.attachment ? [d.attachment] : []));
  }

  /** Sent: nothing is chosen any more. */
  clear(): void {
    this.drafts = [];
    this.error = null;
  }

  /** Uploads chosen files; one too big, or one too many, is refused before anything is sent. */
  attach(files: readonly File[]): void {
    this.error = null;
    for (const file of files) {
      const tooMuch = attachmentTooMuch(file.size, this.drafts.length);
      if (tooMuch) {
        this.error = `${file.name}: ${tooMuch}`;
        break;
      }
      const draft: Draft = { key: this.uuid(), name: file.name, size: file.size, attachment: null };
      this.drafts = [...this.drafts, draft];
      void this.upload(draft, file);
    }
    this.changed();
  }

  /** Takes a chosen file off the next message. */
  remove(key: string): void {
    this.drafts = this.drafts.filter((d) => d.key !== key);
    this.changed();
  }

  /** A local address for a file of the conversation, fetched once. */
  url(a: Attachment): Promise<string> {
    let url = this.urls.get(a.id);
    if (!url) {
      const token = this.token();
      url = token
        ? this.api.download(token, a.url).then((blob) => URL.createObjectURL(blob))
        : Promise.reject(new Error('no session'));
      url.catch(() => this.urls.delete(a.id));
      this.urls.set(a.id, url);
    }
    return url;
  }

  private async upload(draft: Draft, file: File): Promise<void> {
    try {
      const token = this.token();
      if (!token) throw new ApiError(0, 'network', 'The chat is still connecting. Please try again in a moment.');
      const { attachment } = await this.api.upload(token, file, file.name);
      this.drafts = this.drafts.map((d) => (d.key === draft.key ? { ...d, attachment } : d));
    } catch (err) {
      this.drafts = this.drafts.filter((d) => d.key !== draft.key);
      this.error = `${file.name}: ${err instanceof Error ? err.message : 'could not be sent.'}`;
    }
    this.changed();
  }
}
