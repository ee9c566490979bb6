import { initials } from '../text.ts';
import { safeImageUrl } from '../url.ts';
import { h } from './dom.ts';

/** A round face: the photo the server gave, or initials when there is none or it fails to load. */
export function avatar(
  person: { displayName?: string | null; name?: string | null; avatarUrl: string | null },
  size: number,
  base: string,
): HTMLElement {
  const name = person.displayName ?? person.name ?? '';
  const style = `width:${size}px;height:${size}px;font-size:${Math.round(size * 0.36)}px`;
  const fallback = () => h('span', { class: 'av', style, 'aria-hidden': 'true', text: initials(name) });
  const src = safeImageUrl(person.avatarUrl, base);
  if (!src) return fallback();
  const img = h('img', {
    class: 'av',
    style,
    src,
    alt: '',
    width: size,
    height: size,
    referrerpolicy: 'no-referrer',
    decoding: 'async',
  });
  img.addEventListener('error', () => img.replaceWith(fallback()), { once: true });
  return img;
}
