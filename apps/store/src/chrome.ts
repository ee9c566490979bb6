import { h } from './dom.ts';
import { LANGS, type Lang, STRINGS, say } from './i18n.ts';

/** The page's top bar: the business (logo or name), where we are, and the language switch. */
export function header(opts: {
  lang: Lang;
  business: string;
  logoUrl: string | null;
  place: string;
  onLang: (lang: Lang) => void;
}): HTMLElement {
  const switcher = h(
    'nav',
    { class: 'langs', 'aria-label': say(opts.lang, 'language') },
    ...LANGS.map((lang) =>
      h(
        'button',
        {
          type: 'button',
          lang,
          'aria-pressed': String(lang === opts.lang),
          'aria-label': STRINGS[lang].languageName,
          'data-testid': `lang-${lang}`,
          onclick: () => opts.onLang(lang),
        },
        h('span', { class: 'long' }, STRINGS[lang].languageName),
        h('span', { class: 'short', 'aria-hidden': 'true' }, lang.toUpperCase()),
      ),
    ),
  );
  return h(
    'header',
    { class: 'bar' },
    h(
      'span',
      { class: 'names' },
      opts.logoUrl
        ? h('img', { class: 'logo', src: opts.logoUrl, alt: opts.business })
        : h('span', { class: 'business' }, opts.business),
      h('span', { class: 'place' }, opts.place),
    ),
    switcher,
  );
}

/** Puts the chosen language in the address (`?lang=`), so a reload or a shared link keeps it, and on the document. */
export function rememberLang(lang: Lang) {
  document.documentElement.lang = lang;
  const url = new URL(location.href);
  if (lang === 'en') url.searchParams.delete('lang');
  else url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
}
