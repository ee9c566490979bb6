type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

/** Create an element. Strings become text nodes and `text` sets textContent: data never goes through innerHTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'class') el.className = String(v);
    // Through the CSSOM, not the style attribute: a host page's Content-Security-Policy may forbid inline style.
    else if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

/** Show or hide an element with the `hidden` attribute. */
export function show(el: HTMLElement, visible: boolean): void {
  el.hidden = !visible;
}

/** Set textContent only when it changed (no needless screen-reader announcements in live regions). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Say `text` in `el`, or hide it when there is nothing to say. */
export function say(el: HTMLElement, text: string | null): void {
  setText(el, text ?? '');
  show(el, !!text);
}
