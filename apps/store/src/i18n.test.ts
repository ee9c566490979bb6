import { describe, expect, it } from 'vitest';
import { countPhrase, LANGS, langOf, opensPhrase, STRINGS, say, waitPhrase } from './i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the store pages in English, Swahili and Spanish', () => {
  it('every language has every string, none empty, with the same placeholders as English', () => {
    const keys = Object.keys(STRINGS.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(STRINGS[lang]).sort(), lang).toEqual(keys);
      for (const key of keys) {
        const text = STRINGS[lang][key as keyof typeof STRINGS.en];
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
        expect(placeholders(text), `${lang}.${key}`).toEqual(placeholders(STRINGS.en[key as keyof typeof STRINGS.en]));
      }
    }
  });

  it('each language is really translated: no sentence is left in English', () => {
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const same = Object.entries(STRINGS[lang]).filter(([key, text]) => text === STRINGS.en[key as keyof typeof STRINGS.en]);
      expect(same, lang).toEqual([]);
    }
  });

  it('?lang= picks a language it knows, and English otherwise', () => {
    expect(langOf('?lang=sw')).toBe('sw');
    expect(langOf('?via=phone&lang=es')).toBe('es');
    expect(langOf('?lang=fr')).toBe('en');
    expect(langOf('')).toBe('en');
  });

  it('the wait reads as an honest range in minutes, counted phrases agree with their number', () => {
    expect(waitPhrase('en', { low: 300, high: 600 })).toBe('About 5–10 minutes');
    expect(waitPhrase('en', { low: 600, high: 600 })).toBe('About 10 minutes');
    expect(waitPhrase('en', { low: 0, high: 60 })).toBe('A few minutes at most');
    expect(waitPhrase('es', null)).toBe('Ahora no hay nadie en el mostrador; le llamaremos en cuanto llegue alguien');
    const waiting = { none: 'waitingNone', one: 'waitingOne', many: 'waitingMany' } as const;
    expect(countPhrase('en', 0, waiting)).toBe('No one is waiting');
    expect(countPhrase('en', 1, waiting)).toBe('1 person waiting');
    expect(countPhrase('sw', 3, waiting)).toBe('Watu 3 wanasubiri');
    expect(say('en', 'turnBy', { name: 'Amina' })).toBe('Amina is ready for you at the counter');
  });

  it('a closed store says when it opens: today, tomorrow, or on which day', () => {
    const now = new Date(2026, 11, 7, 20, 0);
    expect(opensPhrase('en', new Date(2026, 11, 8, 9, 0).toISOString(), now)).toBe('We open at 09:00 tomorrow');
    expect(opensPhrase('en', new Date(2026, 11, 7, 21, 30).toISOString(), now)).toBe('We open at 21:30 today');
    expect(opensPhrase('en', new Date(2026, 11, 10, 9, 0).toISOString(), now)).toBe('We open on Thursday at 09:00');
    expect(opensPhrase('es', null, now)).toBe('Consulte nuestro horario en la puerta');
  });
});
