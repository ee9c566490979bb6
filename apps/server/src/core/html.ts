/** `text` safe inside HTML text and attribute values: every character that could open markup, as a reference. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
