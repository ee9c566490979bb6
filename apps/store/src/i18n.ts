/** The store pages speak the customer's language: one small table per language, the same keys and placeholders in each. */
export const LANGS = ['en', 'sw', 'es'] as const;
export type Lang = (typeof LANGS)[number];

const en = {
  languageName: 'English',
  welcome: 'Welcome to {store}',
  connecting: 'Connecting…',
  waitAbout: 'About {range} minutes',
  waitShort: 'A few minutes at most',
  nobodyAtCounter: "Nobody is at the counter just now; we'll call you as soon as someone is",
  waitingNone: 'No one is waiting',
  waitingOne: '1 person waiting',
  waitingMany: '{n} people waiting',
  pickService: 'What can we help you with?',
  yourName: 'Your name',
  contact: 'Phone or email (optional)',
  contactHint: "We'll text you when it's your turn",
  checkIn: 'Check in',
  back: 'Back',
  checkingIn: 'Checking you in…',
  checkingInSlow: 'The connection is slow. We keep trying — what you typed is safe.',
  yourNumber: 'Your number',
  youAreNext: 'You are next',
  aheadOne: '1 person ahead of you',
  aheadMany: '{n} people ahead of you',
  scanToFollow: 'Scan to follow your place on your phone',
  done: 'Done',
  closedTitle: "We're closed now",
  opensToday: 'We open at {time} today',
  opensTomorrow: 'We open at {time} tomorrow',
  opensOn: 'We open on {day} at {time}',
  opensUnknown: 'Please see our opening hours at the door',
  closedScan: 'Scan to check in from your phone when we open',
  checkAgain: 'Check again',
  turnTitle: "It's your turn",
  turnBy: '{name} is ready for you at the counter',
  turnSomeone: 'Please come to the counter',
  stepOut: "I'm stepping out",
  stepOutFor: 'Keep my place for',
  minutes: '{n} minutes',
  imBack: "I'm back",
  awayUntil: 'Your place is kept until {time}',
  leave: 'Leave the line',
  leaveConfirm: 'Leave the line? Your place goes to the next person.',
  leaveYes: 'Yes, leave',
  leaveNo: 'Stay in line',
  servedTitle: 'Thank you for coming in',
  servedBy: '{name} helped you today',
  noShowTitle: 'We called you but missed you',
  noShowText: 'Check in again whenever you are ready — we are glad to see you',
  cancelledTitle: 'You have left the line',
  cancelledText: 'Come back whenever suits you',
  checkInAgain: 'Check in again',
  language: 'Language',
  notifySms: "We'll also text you when it's your turn",
  notifyEmail: "We'll also email you when it's your turn",
  reconnecting: 'Reconnecting…',
  tryAgain: 'Something went wrong. Please try again.',
};
export type Key = keyof typeof en;

const sw: Record<Key, string> = {
  languageName: 'Kiswahili',
  welcome: 'Karibu {store}',
  connecting: 'Inaunganisha…',
  waitAbout: 'Takriban dakika {range}',
  waitShort: 'Dakika chache tu',
  nobodyAtCounter: 'Hakuna aliye kaunta kwa sasa; tutakuita mara mtu akifika',
  waitingNone: 'Hakuna anayesubiri',
  waitingOne: 'Mtu 1 anasubiri',
  waitingMany: 'Watu {n} wanasubiri',
  pickService: 'Tukusaidie na nini?',
  yourName: 'Jina lako',
  contact: 'Simu au barua pepe (si lazima)',
  contactHint: 'Tutakutumia ujumbe zamu yako ikifika',
  checkIn: 'Jiandikishe',
  back: 'Rudi',
  checkingIn: 'Tunakuandikisha…',
  checkingInSlow: 'Mtandao ni wa polepole. Tunaendelea kujaribu — ulichoandika kiko salama.',
  yourNumber: 'Namba yako',
  youAreNext: 'Wewe ndiye unayefuata',
  aheadOne: 'Mtu 1 yuko mbele yako',
  aheadMany: 'Watu {n} wako mbele yako',
  scanToFollow: 'Changanua ufuatilie nafasi yako kwenye simu yako',
  done: 'Sawa',
  closedTitle: 'Tumefunga sasa',
  opensToday: 'Tunafungua saa {time} leo',
  opensTomorrow: 'Tunafungua saa {time} kesho',
  opensOn: 'Tunafungua {day} saa {time}',
  opensUnknown: 'Tafadhali angalia saa zetu za kazi mlangoni',
  closedScan: 'Changanua ujiandikishe kwa simu yako tukifungua',
  checkAgain: 'Angalia tena',
  turnTitle: 'Ni zamu yako',
  turnBy: '{name} yuko tayari kukuhudumia kaunta',
  turnSomeone: 'Tafadhali njoo kaunta',
  stepOut: 'Natoka kidogo',
  stepOutFor: 'Nishikie nafasi kwa',
  minutes: 'Dakika {n}',
  imBack: 'Nimerudi',
  awayUntil: 'Nafasi yako imehifadhiwa hadi {time}',
  leave: 'Ondoka kwenye foleni',
  leaveConfirm: 'Uondoke kwenye foleni? Nafasi yako itapewa anayefuata.',
  leaveYes: 'Ndiyo, ondoka',
  leaveNo: 'Baki kwenye foleni',
  servedTitle: 'Asante kwa kuja',
  servedBy: '{name} amekuhudumia leo',
  noShowTitle: 'Tulikuita lakini hatukukuona',
  noShowText: 'Jiandikishe tena ukiwa tayari — tunafurahi kukuona',
  cancelledTitle: 'Umeondoka kwenye foleni',
  cancelledText: 'Karibu tena wakati wowote',
  checkInAgain: 'Jiandikishe tena',
  language: 'Lugha',
  notifySms: 'Tutakutumia pia SMS zamu yako ikifika',
  notifyEmail: 'Tutakutumia pia barua pepe zamu yako ikifika',
  reconnecting: 'Inaunganisha tena…',
  tryAgain: 'Kuna tatizo. Tafadhali jaribu tena.',
};

const es: Record<Key, string> = {
  languageName: 'Español',
  welcome: 'Bienvenido a {store}',
  connecting: 'Conectando…',
  waitAbout: 'Unos {range} minutos',
  waitShort: 'Solo unos minutos',
  nobodyAtCounter: 'Ahora no hay nadie en el mostrador; le llamaremos en cuanto llegue alguien',
  waitingNone: 'No hay nadie esperando',
  waitingOne: '1 persona esperando',
  waitingMany: '{n} personas esperando',
  pickService: '¿En qué podemos ayudarle?',
  yourName: 'Su nombre',
  contact: 'Teléfono o correo (opcional)',
  contactHint: 'Le avisaremos por mensaje cuando sea su turno',
  checkIn: 'Registrarme',
  back: 'Atrás',
  checkingIn: 'Registrándole…',
  checkingInSlow: 'La conexión va lenta. Seguimos intentándolo: lo que escribió está a salvo.',
  yourNumber: 'Su número',
  youAreNext: 'Usted es el siguiente',
  aheadOne: '1 persona delante de usted',
  aheadMany: '{n} personas delante de usted',
  scanToFollow: 'Escanee para seguir su turno en su teléfono',
  done: 'Listo',
  closedTitle: 'Ahora estamos cerrados',
  opensToday: 'Abrimos hoy a las {time}',
  opensTomorrow: 'Abrimos mañana a las {time}',
  opensOn: 'Abrimos el {day} a las {time}',
  opensUnknown: 'Consulte nuestro horario en la puerta',
  closedScan: 'Escanee para registrarse desde su teléfono cuando abramos',
  checkAgain: 'Comprobar de nuevo',
  turnTitle: 'Es su turno',
  turnBy: '{name} le espera en el mostrador',
  turnSomeone: 'Por favor, acérquese al mostrador',
  stepOut: 'Salgo un momento',
  stepOutFor: 'Guardar mi lugar durante',
  minutes: '{n} minutos',
  imBack: 'Ya volví',
  awayUntil: 'Guardamos su lugar hasta las {time}',
  leave: 'Salir de la fila',
  leaveConfirm: '¿Salir de la fila? Su lugar pasará a la siguiente persona.',
  leaveYes: 'Sí, salir',
  leaveNo: 'Seguir en la fila',
  servedTitle: 'Gracias por venir',
  servedBy: '{name} le atendió hoy',
  noShowTitle: 'Le llamamos pero no le encontramos',
  noShowText: 'Regístrese de nuevo cuando quiera: nos alegra verle',
  cancelledTitle: 'Ha salido de la fila',
  cancelledText: 'Vuelva cuando le venga bien',
  checkInAgain: 'Registrarme de nuevo',
  language: 'Idioma',
  notifySms: 'También le avisaremos por SMS cuando sea su turno',
  notifyEmail: 'También le avisaremos por correo cuando sea su turno',
  reconnecting: 'Reconectando…',
  tryAgain: 'Algo salió mal. Inténtelo de nuevo.',
};

export const STRINGS: Record<Lang, Record<Key, string>> = { en, sw, es };

/** The language asked for by `?lang=`, else English. */
export function langOf(search: string): Lang {
  const asked = new URLSearchParams(search).get('lang');
  return (LANGS as readonly string[]).includes(asked ?? '') ? (asked as Lang) : 'en';
}

/**
 * One string in `lang`, its `{placeholders}` filled.
 * @example say('en', 'aheadMany', { n: 3 }) // "3 people ahead of you"
 */
export function say(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * "About 5–10 minutes" from a wait in seconds; a wait under two minutes is "a few minutes at most"; no wait at all
 * (nobody on the floor) says so rather than guess.
 */
export function waitPhrase(lang: Lang, wait: { low: number; high: number } | null): string {
  if (!wait) return say(lang, 'nobodyAtCounter');
  if (wait.high < 120) return say(lang, 'waitShort');
  const low = Math.max(1, Math.round(wait.low / 60));
  const high = Math.max(low, Math.round(wait.high / 60));
  return say(lang, 'waitAbout', { range: low === high ? `${high}` : `${low}–${high}` });
}

/** "3 people waiting", "1 person ahead of you": the counted phrases. */
export function countPhrase(lang: Lang, n: number, keys: { none: Key; one: Key; many: Key }): string {
  return say(lang, n === 0 ? keys.none : n === 1 ? keys.one : keys.many, { n });
}

/** "We open at 09:00 tomorrow" from the next opening, in the device's own time zone (the store's, at its door). */
export function opensPhrase(lang: Lang, opensAt: string | null, now: Date): string {
  if (!opensAt) return say(lang, 'opensUnknown');
  const at = new Date(opensAt);
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const dayOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((dayOf(at) - dayOf(now)) / 86_400_000);
  if (days === 0) return say(lang, 'opensToday', { time });
  if (days === 1) return say(lang, 'opensTomorrow', { time });
  const day = new Intl.DateTimeFormat(lang, { weekday: 'long' }).format(at);
  return say(lang, 'opensOn', { day, time });
}
