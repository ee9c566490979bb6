import { splitSnippet } from '../state/snippet.ts';

/** A search snippet with the matched words highlighted, built from text nodes only. */
export function SnippetText({ snippet }: { snippet: string }) {
  return (
    <>
      {splitSnippet(snippet).map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their place
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
