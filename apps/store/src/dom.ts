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

/** The customer's details form: it stays in the page, and submitting (a button or Enter) runs `send`. */
export function pageForm(send: () => void, ...children: Child[]): HTMLElement {
  const submit = (event: Event) => {
    event.preventDefault();
    send();
  };
  return h('form', { class: 'details', novalidate: true, onsubmit: submit }, ...children);
}

/** A text field whose `id` and test id are `id`, and which writes what is typed into `state[field]`, so a re-render keeps it. */
export function boundInput<F extends string>(state: Record<F, string>, field: F, id: string, attrs: Attrs): HTMLElement {
  const write = (event: Event) => {
    state[field] = (event.target as HTMLInputElement).value;
  };
  return h('input', { ...attrs, id, 'data-testid': id, value: state[field], oninput: write });
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
