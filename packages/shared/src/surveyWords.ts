/**
 * Every sentence a customer reads in a survey, in English, Swahili and Spanish: the public page, the widget's
 * inline survey, the email and the text message say the same things. No zod here: the widget bundle imports it.
 */
export type SurveyLang = 'en' | 'sw' | 'es';

export const SURVEY_LANGS: readonly SurveyLang[] = ['en', 'sw', 'es'];

/** The feeling words a customer may pick (the app's emotions), in the order they are offered. */
export const SURVEY_FEELINGS = ['delighted', 'grateful', 'neutral', 'confused', 'anxious', 'sad', 'frustrated', 'angry'] as const;
export type SurveyFeeling = (typeof SURVEY_FEELINGS)[number];

export interface SurveyWords {
  languageName: string;
  title: string;
  intro: (company: string) => string;
  csatQuestion: string;
  csatLow: string;
  csatHigh: string;
  cesStatement: (company: string) => string;
  cesPrompt: string;
  cesLow: string;
  cesHigh: string;
  feelingQuestion: string;
  feelings: Record<SurveyFeeling, string>;
  commentLabel: string;
  optional: string;
  send: string;
  sending: string;
  notNow: string;
  thanks: string;
  thanksMore: string;
  alreadyAnswered: string;
  expiredTitle: string;
  expiredText: string;
  answerSomething: string;
  commentTooLong: string;
  checkAnswers: string;
  tryAgain: string;
  chatInvite: string;
  emailSubject: (company: string) => string;
  emailBody: (name: string | null, company: string, url: string) => string;
  emailLink: string;
  text: (company: string, url: string) => string;
}

const en: SurveyWords = {
  languageName: 'English',
  title: 'How did we do?',
  intro: (company) => `Thank you for talking with ${company}. One minute, every question optional — a person reads each answer.`,
  csatQuestion: 'How happy are you with the help you got?',
  csatLow: 'Not happy',
  csatHigh: 'Very happy',
  cesStatement: (company) => `${company} made it easy to handle my issue.`,
  cesPrompt: 'How much do you agree?',
  cesLow: 'Strongly disagree',
  cesHigh: 'Strongly agree',
  feelingQuestion: 'How did we make you feel?',
  feelings: {
    delighted: 'Delighted',
    grateful: 'Thankful',
    neutral: 'Calm',
    confused: 'Unsure',
    anxious: 'Worried',
    sad: 'Sad',
    frustrated: 'Frustrated',
    angry: 'Angry',
  },
  commentLabel: 'Anything you would like to tell us?',
  optional: 'optional',
  send: 'Send my answers',
  sending: 'Sending…',
  notNow: 'Not now',
  thanks: 'Thank you — we read every answer.',
  thanksMore: 'If something is still not right, just write to us again: a person will pick it up.',
  alreadyAnswered: 'You have already answered this survey. Thank you!',
  expiredTitle: 'This survey link has expired',
  expiredText:
    'Survey links stay open for 14 days. If you would like to tell us something, simply write to us — we are glad to hear it.',
  answerSomething: 'Please answer at least one question.',
  commentTooLong: 'Your comment is a little long: please keep it under 2,000 characters.',
  checkAnswers: 'Something in the answers was not quite right — please check them.',
  tryAgain: 'We could not save your answers just now. Please try again in a moment.',
  chatInvite: 'We would love to know how we did. It takes a few taps, and a person reads every answer.',
  emailSubject: (company) => `How did we do? A one-minute question from ${company}`,
  emailBody: (name, company, url) =>
    [
      `Hello${name ? ` ${name}` : ''},`,
      '',
      `Thank you for getting in touch with ${company}. Would you tell us how it went? It takes a minute, on one screen:`,
      '',
      url,
      '',
      'The link stays open for 14 days. A person reads every answer.',
    ].join('\n'),
  emailLink: 'Answer in one minute',
  text: (company, url) => `${company}: thank you for getting in touch. How did we do? One minute: ${url}`,
};

const sw: SurveyWords = {
  languageName: 'Kiswahili',
  title: 'Tumekuhudumiaje?',
  intro: (company) =>
    `Asante kwa kuzungumza na ${company}. Ni dakika moja tu, na kila swali ni la hiari — kila jibu husomwa na mtu.`,
  csatQuestion: 'Umeridhika kiasi gani na msaada uliopata?',
  csatLow: 'Sijaridhika',
  csatHigh: 'Nimeridhika sana',
  cesStatement: (company) => `${company} walifanya iwe rahisi kushughulikia suala langu.`,
  cesPrompt: 'Unakubali kwa kiasi gani?',
  cesLow: 'Sikubali kabisa',
  cesHigh: 'Nakubali kabisa',
  feelingQuestion: 'Tulikufanya ujisikie vipi?',
  feelings: {
    delighted: 'Nimefurahi sana',
    grateful: 'Nashukuru',
    neutral: 'Niko sawa',
    confused: 'Sina uhakika',
    anxious: 'Nina wasiwasi',
    sad: 'Nina huzuni',
    frustrated: 'Nimechoshwa',
    angry: 'Nimekasirika',
  },
  commentLabel: 'Kuna jambo lolote ungependa kutuambia?',
  optional: 'si lazima',
  send: 'Tuma majibu yangu',
  sending: 'Inatuma…',
  notNow: 'Si sasa',
  thanks: 'Asante — tunasoma kila jibu.',
  thanksMore: 'Ikiwa bado kuna jambo lisilo sawa, tuandikie tena tu: mtu atalishughulikia.',
  alreadyAnswered: 'Tayari umejibu dodoso hili. Asante!',
  expiredTitle: 'Muda wa kiungo hiki cha dodoso umekwisha',
  expiredText: 'Viungo vya dodoso hufanya kazi kwa siku 14. Ukipenda kutuambia jambo, tuandikie tu — tutafurahi kukusikia.',
  answerSomething: 'Tafadhali jibu angalau swali moja.',
  commentTooLong: 'Maoni yako ni marefu kidogo: tafadhali yaweke chini ya herufi 2,000.',
  checkAnswers: 'Kuna jibu ambalo halikuwa sawa — tafadhali yaangalie tena.',
  tryAgain: 'Hatukuweza kuhifadhi majibu yako sasa hivi. Tafadhali jaribu tena baada ya muda mfupi.',
  chatInvite: 'Tungependa kujua tulivyokuhudumia. Ni kubofya mara chache tu, na kila jibu husomwa na mtu.',
  emailSubject: (company) => `Tumekuhudumiaje? Swali la dakika moja kutoka ${company}`,
  emailBody: (name, company, url) =>
    [
      `Habari${name ? ` ${name}` : ''},`,
      '',
      `Asante kwa kuwasiliana na ${company}. Je, ungetuambia mambo yalikwendaje? Ni dakika moja tu, kwenye ukurasa mmoja:`,
      '',
      url,
      '',
      'Kiungo hiki kitafanya kazi kwa siku 14. Kila jibu husomwa na mtu.',
    ].join('\n'),
  emailLink: 'Jibu kwa dakika moja',
  text: (company, url) => `${company}: asante kwa kuwasiliana nasi. Tumekuhudumiaje? Dakika moja tu: ${url}`,
};

const es: SurveyWords = {
  languageName: 'Español',
  title: '¿Qué tal lo hicimos?',
  intro: (company) =>
    `Gracias por hablar con ${company}. Es un minuto y todas las preguntas son opcionales: una persona lee cada respuesta.`,
  csatQuestion: '¿Cuánto te satisfizo la ayuda que recibiste?',
  csatLow: 'Nada',
  csatHigh: 'Muchísimo',
  cesStatement: (company) => `${company} me facilitó resolver mi problema.`,
  cesPrompt: '¿Qué tan de acuerdo estás?',
  cesLow: 'Totalmente en desacuerdo',
  cesHigh: 'Totalmente de acuerdo',
  feelingQuestion: '¿Cómo te hicimos sentir? Elige la palabra más cercana.',
  feelings: {
    delighted: 'Alegría',
    grateful: 'Gratitud',
    neutral: 'Calma',
    confused: 'Dudas',
    anxious: 'Preocupación',
    sad: 'Tristeza',
    frustrated: 'Frustración',
    angry: 'Enfado',
  },
  commentLabel: '¿Hay algo más que quieras contarnos?',
  optional: 'opcional',
  send: 'Enviar mis respuestas',
  sending: 'Enviando…',
  notNow: 'Ahora no',
  thanks: 'Gracias: leemos cada respuesta.',
  thanksMore: 'Si algo todavía no está bien, escríbenos de nuevo: una persona se encargará.',
  alreadyAnswered: 'Ya respondiste esta encuesta. ¡Gracias!',
  expiredTitle: 'Este enlace de la encuesta ha caducado',
  expiredText: 'Los enlaces de las encuestas están abiertos 14 días. Si quieres contarnos algo, escríbenos: nos alegrará leerte.',
  answerSomething: 'Por favor, responde al menos una pregunta.',
  commentTooLong: 'Tu comentario es un poco largo: por favor, que no pase de 2000 caracteres.',
  checkAnswers: 'Algo en las respuestas no está del todo bien: por favor, revísalas.',
  tryAgain: 'No pudimos guardar tus respuestas en este momento. Por favor, inténtalo de nuevo en un rato.',
  chatInvite: 'Nos encantaría saber qué tal lo hicimos. Son solo unos toques, y una persona lee cada respuesta.',
  emailSubject: (company) => `¿Qué tal lo hicimos? Una pregunta de un minuto de ${company}`,
  emailBody: (name, company, url) =>
    [
      `Hola${name ? ` ${name}` : ''}:`,
      '',
      `Gracias por contactar con ${company}. ¿Nos cuentas qué tal fue? Es un minuto, en una sola pantalla:`,
      '',
      url,
      '',
      'El enlace está abierto durante 14 días. Una persona lee cada respuesta.',
    ].join('\n'),
  emailLink: 'Responder en un minuto',
  text: (company, url) => `${company}: gracias por contactarnos. ¿Qué tal lo hicimos? Un minuto: ${url}`,
};

const WORDS: Record<SurveyLang, SurveyWords> = { en, sw, es };

/** The words of a survey in `lang` (English for anything else). */
export function surveyWords(lang: string | null | undefined): SurveyWords {
  return WORDS[(lang ?? 'en') as SurveyLang] ?? en;
}
