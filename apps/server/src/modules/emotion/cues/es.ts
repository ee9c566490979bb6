import { type Cue, cue } from './cue.ts';

/** Spanish cues (Spain and Latin America), read on the prepared lower-case text with accents folded ("está" → "esta"). */
export const NEGATION_ES = /(?:\bno|\bnunca|\bjamas|\bni|\bsin|\btampoco|\bnada)\s+(?:\S+\s+){0,2}$/;

export const ES_CUES: Cue[] = [
  // Anger: fraud, contempt, suing, leaving, a manager now.
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:estafa|estafadores|ladrones|robo|inaceptable|indignante|verguenza|vergonzoso|furios[oa]s?|enfadad[oa]s?|enojad[oa]s?|cabread[oa]s?|incompetentes?|inutiles|pesimo|un asco|que asco|abuso|falta de respeto|nunca mas)\b/,
      /\b(?:demandar|demanda|denunciar|denuncio|denuncia|abogad[oa]|hoja de reclamaciones|reclamacion formal)\b/,
      /\b(?:exijo|quiero hablar con (?:el|un|una|la) (?:gerente|responsable|supervisor[a]?|encargad[oa]|jefe))\b/,
      /\b(?:me voy a la competencia|me cambio de compania|me doy de baja|darme de baja|no aguanto mas|(?:me )?trataron fatal|me trataron como)\b/,
    ],
    NEGATION_ES,
  ),
  // Frustration: still waiting, again, nobody answers, the same every time.
  ...cue('frustrated', 2, [
    /\b(?:sigo esperando|seguimos esperando|llevo (?:\w+ )?(?:dias|semanas|meses|horas|una hora|un mes|una semana)(?: \w+)? esperando|ya van|todavia (?:no|sin|nada)|aun (?:no|sin))\b/,
    /\b(?:(?:segunda|tercera|cuarta|quinta) vez|(?:\d+|dos|tres|cuatro|cinco|varias|muchas|mil) veces|cuantas veces|otra vez|de nuevo|una y otra vez)\b/,
    /\b(?:nadie (?:contesta|responde|me atiende|me llama|me ayuda|me dice)|no contestan|no responden|sin respuesta|no me hacen caso|no me responden)\b/,
    /\b(?:cansad[oa] de|hart[oa] de|dando vueltas|en circulos|pesadez|que pesados|siempre (?:igual|lo mismo|pasa)|lo mismo|nada de nada|y nada)\b/,
    /\b(?:no funciona|dejo de funcionar|sigue(?:n)? sin|se corta|se cae|cada dos por tres|siguen sin arreglar)\b/,
  ]),
  // Anxiety: fear, theft and fraud, a deadline today or tomorrow, danger at home.
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:urgente|urgencia|emergencia|preocupad[oa]s?|me preocupa|nervios[oa]s?|miedo|asustad[oa]s?|panico|angustiad[oa]s?|desesperad[oa]s?|ayudenme|lo antes posible|cuanto antes)\b/,
      /\b(?:me robaron|robaron|hackead[oa]|hackeado|fraude|olor a (?:gas|quemado)|se me bloqueo|bloquead[oa])\b/,
      /\b(?:es real|es verdad|es seguro|pidiendo (?:claves|el pin|datos)|diciendo ser)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('anxious', 1.5, [
    /\b(?:vuelo|boda|cirugia|operacion|examen|entrevista|alquiler|nomina|matricula|viaje|pago|seguro)\b.{0,60}\b(?:manana|esta noche|hoy|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/,
    /\b(?:manana|esta noche|hoy)\b.{0,40}\b(?:vuelo|boda|cirugia|examen|entrevista|pagar|pago)\b/,
    /\b(?:antes del? (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|fin de semana)|tiene que salir hoy|a tiempo)\b/,
  ]),
  // Confusion: not understanding, how, where, which.
  ...cue(
    'confused',
    2.5,
    [
      /\b(?:no entiendo|no entendi|no comprendo|confundid[oa]|confuso|no me queda claro|no (?:esta|queda) claro|que (?:quiere decir|significa)|no se (?:si|como|que|donde|cual)|(?:me lo|lo) pueden explicar)\b/,
      /\b(?:como (?:cambio|hago|puedo|activo|se hace)|donde (?:veo|encuentro|esta|estan)|cual (?:de los|de las|es la diferencia)|la diferencia entre)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('confused', 1.5, [/\bpor que\b[^.!]{0,80}\?/, /\b(?:me dijeron una cosa|una cosa por)\b/]),
  // Sadness: bereavement, grief, disappointment, things gone wrong on a day that mattered.
  ...cue(
    'sad',
    2.5,
    [
      /\b(?:fallecio|fallecida|fallecido|murio|murieron|funeral|entierro|en paz descanse|luto)\b/,
      /\b(?:triste|tristeza|que pena|me da (?:mucha )?pena|lastima|decepcionad[oa]s?|decepcion|decepcionante|desilusion\w*|llore|llorando|a llorar|dolid[oa]|me duele|estoy destrozad[oa])\b/,
      /\b(?:perdi (?:el|mi) trabajo|me quede sin trabajo|nos fallaron|me fallaron|todo salio mal|ultimo recuerdo)\b/,
    ],
    NEGATION_ES,
  ),
  // Gratitude ("gracias" alone is weaker: it also closes requests).
  ...cue('grateful', 2.5, [
    /\b(?:muchas gracias|mil gracias|muchisimas gracias|gracias por (?:su|tu|la|el|resolver|ayudar|avisar|todo)|le agradezco|les agradezco|se lo agradezco|te agradezco|se agradece|agradecid[oa]s?|muy amable|me (?:ayudaste|ayudo|ayudaron) (?:mucho|un monton))\b/,
  ]),
  ...cue('grateful', 1.5, [/\b(?:gracias|agradezco)\b/]),
  // Delight.
  ...cue(
    'delighted',
    2.5,
    [
      /\b(?:me encanta|me encantan|encantad[oa]s?|genial|increible|maravilla|fantastico|excelente|perfect[oa]|feliz|muy content[oa]s?|buenisim[oa]|super recomendad[oa]|lo recomiendo|de diez)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('delighted', 1, [/\b(?:content[oa]s?|rapido|estable)\b/], NEGATION_ES),
];
