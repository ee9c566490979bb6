type Child = Node | string | null | false | undefined;
type Attrs = Record<string, string | boolean | ((event: Event) => void) | undefined>;

/**
 * A DOM element with attributes, listeners (`on…`) and children; text is always text, never parsed as HTML.
 * @example h('button', { class: 'big', onclick: go }, 'Check in')
 */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, value);
  }
  el.append(...children.filter((c): c is Node | string => Boolean(c)));
  return el;
}

/** The business's colour on the page, set through the CSSOM (no inline style for the policy to refuse). */
export function useBrandColour(color: string) {
  if (/^#[0-9a-f]{6}$/i.test(color)) document.documentElement.style.setProperty('--brand', color);
}

/** Waits `ms`, or less when the browser comes back online: a check-in should not linger after the network returns. */
export function sleepUntilOnline(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    window.addEventListener('online', done);
  });
}
