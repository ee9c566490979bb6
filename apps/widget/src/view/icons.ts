// Static, trusted markup only: these strings are constants in this file, never data.
const paths = {
  chat: '<path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6c-.5.4-1.3 0-1.3-.6V16A2.5 2.5 0 0 1 4 13.5z" fill="currentColor"/><circle cx="8.5" cy="9.5" r="1.2" fill="#c2410c"/><circle cx="12" cy="9.5" r="1.2" fill="#c2410c"/><circle cx="15.5" cy="9.5" r="1.2" fill="#c2410c"/>',
  down: '<path d="M6 9l6 6 6-6" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>',
  close: '<path d="M6 6l12 12M18 6L6 18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>',
  send: '<path d="M4 12l15-7-5.5 15-2.3-6.2z" fill="currentColor"/><path d="M11.2 13.8L19 5" stroke="#fff" stroke-width="1.4" fill="none" stroke-linecap="round"/>',
  check:
    '<circle cx="12" cy="12" r="10" fill="currentColor" opacity=".15"/><path d="M7.5 12.5l3 3 6-6.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>',
  phone:
    '<path d="M6.6 3.5l2.3-.4 1.6 4-1.9 1.3a11 11 0 0 0 5 5l1.3-1.9 4 1.6-.4 2.3a2 2 0 0 1-2.1 1.6C10.6 16.6 7.4 13.4 5 7.6a2 2 0 0 1 1.6-2.1z" fill="currentColor"/>',
  clip: '<path d="M16.5 7.5l-7 7a2 2 0 0 0 2.8 2.8l7.4-7.4a4 4 0 0 0-5.6-5.6l-7.6 7.6a6 6 0 0 0 8.5 8.5l6.3-6.3" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>',
  file: '<path d="M7 3h7l5 5v13H7z" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round"/><path d="M14 3v5h5" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round"/>',
  mail: '<rect x="3.5" y="5.5" width="17" height="13" rx="2.5" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M4.5 7.5l7.5 5.5 7.5-5.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>',
  store:
    '<path d="M4 9.5V19a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1V9.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><path d="M3 9l2-5h14l2 5c0 1.4-1.2 2.5-2.6 2.5S15.9 10.4 15.9 9c0 1.4-1.2 2.5-2.6 2.5h-2.6C9.3 11.5 8.1 10.4 8.1 9c0 1.4-1.2 2.5-2.6 2.5S3 10.4 3 9z" fill="currentColor"/><path d="M10 20v-5h4v5" fill="none" stroke="currentColor" stroke-width="1.8"/>',
} as const;

/** An inline SVG icon, hidden from assistive tech (buttons carry their own labels). */
export function icon(name: keyof typeof paths): SVGSVGElement {
  const t = document.createElement('template');
  t.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${paths[name]}</svg>`;
  return t.content.firstChild as SVGSVGElement;
}
