import { type Cue, cue } from './cue.ts';

/** Spanish cues (Spain and Latin America), read on the prepared lower-case text with accents folded ("está" → "esta"). */
export const NEGATION_ES = /(?:\bno|\bnunca|\bjamas|\bni|\bsin|\btampoco|\bnada)\s+(?:[^\s.!?;:,]+\s+){0,2}$/;

export const ES_CUES: Cue[] = [
  // Anger: fraud, contempt, suing, leaving, a manager now.
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:estafa|estafadores|ladrones|robo|inaceptable|indignante|verguenza|vergonzoso|furios[oa]s?|enfadad(?:[oa]|it[oa])s?|enojad(?:[oa]|it[oa])s?|cabread(?:[oa]|it[oa])s?|incompetentes?|inutiles|pesimo|un asco|que asco|abuso|falta de respeto|nunca mas)\b/,
      /\b(?:demandar|demanda|denunciar|denuncio|denuncia|abogad[oa]|hoja de reclamaciones|reclamacion formal)\b/,
      /\b(?:exijo|quiero hablar con (?:el|un|una|la) (?:gerente|responsable|supervisor[a]?|encargad[oa]|jefe))\b/,
      /\b(?:me voy a la competencia|me cambio de compania|me doy de baja|darme de baja|no aguanto mas|(?:me )?trataron fatal|me trataron como)\b/,
    ],
    NEGATION_ES,
  ),
  // Anger said another way: lies, a consumer complaint, being laughed at or hung up on, going public, theft named.
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:mintieron|mintio|mienten|mentira|mentiras|mentiros[oa]s?|enganaron|enganan|enganos[oa]|timaron|timo|timadores|encabronad[oa]s?|emputad[oa]s?|carajo|mierda|joder)\b/,
      /\bdenunci|\bdemand(?:ar|are|aremos|arlos|arles|arla)\b|\b(?:reclamacion|queja|denuncia|reclamo) (?:en|a|ante) (?:consumo|la ocu|profeco)\b|\b(?:ocu|profeco|omic|sernac|indecopi|defensa del consumidor|oficina del consumidor)\b/,
      /\bse (?:rio|burlo|rieron|burlaron) (?:de mi|de nosotros|en mi cara)|\b(?:me|nos) (?:grito|gritaron|colgo|colgaron|insulto|insultaron|humillo|humillaron)\b|\b(?:tratar|tratarme|tratarnos|tratan|trataron|tratando) (?:asi|de esa manera|de esta manera|como (?:basura|idiota|tonto|un perro))\b/,
      /\b(?:publicar|publicarlo|subir|subirlo|poner|ponerlo|contar|contarlo|compartir)\b[^.!?]{0,40}\b(?:redes(?: sociales)?|twitter|facebook|instagram|tiktok)\b/,
      /\b(?:eso|esto) es (?:un )?(?:robo|robar|estafa|ilegal|un abuso)\b|\bsin (?:mi |ningun |nuestro )?(?:permiso|autorizacion|consentimiento)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('angry', 2, [
    /\b(?:paseme|comuniqueme|pongame|hablar) con\b[^.!?]{0,30}\b(?:alguien que pueda|gerente|responsable|supervisor|encargad[oa]|jefe|director)\b/,
  ]),
  // Insults, rudeness and leaving said another way; word stems so each person and tense reads.
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:chapucer[oa]s?|chapuzas?|sinverguenzas?|caraduras?|impresentables?|chorizos|rateros?|payasos|una burla|tomadura de pelo|cachondeo|indecente|atraco|groser[oa]s?|maleducad[oa]s?|mal educad[oa]s?|prepotentes?)\b|\bindign|\bestaf/,
      /\bde (?:malas|mala) (?:maneras|manera|formas|forma)\b|\bcon malos modos\b|\b(?:me|nos) cuelg\w*|\btiro el paquete\b/,
      /\bme (?:voy|paso|cambio) (?:a|con) (?:la competencia|otra compania|otro operador|otra empresa|otro banco)\b|\blo (?:cuento|contare|voy a contar) (?:en|a) (?:todas partes|todo el mundo|todos)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('frustrated', 2, [
    /\b(?:el|la) mism[oa] (?:problema|historia|error|fallo|rollo|respuesta|excusa)\b|\blo de siempre\b|\bde un \w+ a otro\b|\bnadie (?:sabe|me sabe|me explica|me da|me dice nada)\b/,
    /\bhace (?:\w+ ){0,2}(?:dias|semanas|meses|horas) que\b|\b(?:me |nos )?sigu?en (?:cobrando|fallando|sin)\b|\bperdi la cuenta\b/,
  ]),
  ...cue(
    'frustrated',
    2,
    [
      /\bmolest(?:[oa]s?|it[oa]s?)\b|\bme tienen hart[oa]s?\b|\bestoy hart[oa]s?\b|\b(?:me estoy|estoy) cansand\w*|\bestoy cansad[oa]\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('angry', 2.5, [
    /\b(?:reclamar|reclamacion|queja|denuncia) (?:a|ante|en) (?:la )?(?:cnmc|ocu|facua|consumo|profeco|sernac|indecopi)\b|\bcnmc\b|\bfacua\b|\b(?:les|le|te) he dado (?:demasiadas|muchas|mil|suficientes) oportunidades\b/,
  ]),
  ...cue('angry', 1.5, [/\bsin (?:previo )?aviso\b|\bsin avisar\b/]),
  ...cue('angry', 2.5, [
    /\bo me (?:voy|doy de baja|cambio|paso)\b|\bo (?:les|los) (?:denuncio|demando)\b|\b(?:no han|no habeis) hecho nada\b|\b(?:exijo|quiero|merezco) (?:una|un) (?:disculpa|explicacion)\b/,
  ]),
  ...cue('angry', 2, [/\b(?:he|hemos) tenido (?:bastante|mucha|demasiada|suficiente) paciencia\b/]),
  ...cue('angry', 2.5, [
    /\b(?:no pienso pagar|no voy a pagar|me niego a pagar)\b|\bllevenme a juicio\b|\bdemandenme\b|\bme llamo (?:estupid[oa]|idiota|mentiros[oa]|ladr[oa]n?)\b|\bqueja formal\b/,
  ]),
  ...cue('frustrated', 2, [
    /\bsiempre hay algo\b|\bperseguir(?:les|los|las)?\b|\bpor (?:el amor de )?dios\b|\bcosas mejores que hacer\b/,
  ]),
  ...cue(
    'anxious',
    2.5,
    [
      /\bno tengo dinero para (?:comida|comer|el alquiler)\b|\bcambiar la cerradura\b|\bdesahuci\w*|\b(?:diciendo|dice|dijo) que (?:viene|es|era|son|venia) de (?:su parte|ustedes)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('anxious', 0.75, [/\ben mi puerta\b/]),
  ...cue('frustrated', 2, [
    /\bnadie (?:lee|escucha|hace caso)\b|\b(?:damos|doy) vueltas\b|\bvueltas y vueltas\b|\bla misma respuesta\b|\bperdi (?:un|el) dia (?:entero|completo)\b/,
  ]),
  ...cue('anxious', 2.5, [/\bno puedo saber como esta\b|\bel vendedor desaparecio\b/]),
  ...cue('sad', 2.5, [/\b(?:que|un|menudo) disgusto\b/], NEGATION_ES),
  ...cue('sad', 1.5, [/\bera (?:una sorpresa|un regalo) para\b/]),
  ...cue('frustrated', 2, [
    /\b(?:tercer|cuart|quint|sext|decim)[oa]? (?:correo|llamada|mensaje|carta|reclamacion|queja|email|tecnico|diagnostico|respuesta)\b/,
    /\b(?:el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo),? (?:y )?(?:el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo),? (?:y )?(?:el )?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/,
    /\bni siquiera (?:funciona|enciende|carga|sirve|arranca)\b/,
  ]),
  ...cue('angry', 2.5, [/\b(?:voy|ire|vamos) a (?:los medios|la prensa|la tele|la television)\b/]),
  ...cue('angry', 1.5, [/\bdevuelvan(?:me)? (?:mi|el) (?:dinero|plata|pago)\b/]),
  ...cue(
    'anxious',
    2.5,
    [
      /\bno me ha (?:entrado|llegado|ingresado) (?:la|el) (?:pension|nomina|paga|sueldo|transferencia|salario)\b|\bme (?:cortan|van a cortar|cortaran|cortaron) (?:la luz|el gas|el agua|la linea|el servicio)\b/,
      /\b(?:me )?(?:bloquearon|congelaron|retuvieron) (?:la|mi) tarjeta\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('anxious', 0.5, [/\ben el extranjero\b/]),
  ...cue('sad', 2.5, [/\b(?:tengo|me dan) ganas de llorar\b|\bmis ultimos \d+|\bmi ultimo (?:dinero|sueldo|euro|peso)\b/]),
  ...cue('confused', 1.5, [
    /¿\s*(?:tengo|debo) que\b[^?]{0,60}\?|\bdos (?:numeros|importes|precios|fechas|nombres) (?:de \w+ )?distint[oa]s\b/,
  ]),
  ...cue('sad', 2.5, [/\bme siento (?:fatal|muy mal|hundid[oa]|vaci[oa])\b/], NEGATION_ES),
  ...cue('sad', 1.5, [/\btenia (?:muchas|tantas) ganas\b/]),
  ...cue('angry', 2.5, [
    /\b(?:tratan|trataron|tratar|tratando|tratarme|tratarnos|trata) como (?:a )?(?:un|una) \w+|\bpasa de castano oscuro\b|\b(?:es el|esto es el) colmo\b|\bhasta aqui hemos llegado\b/,
  ]),
  ...cue('frustrated', 2, [
    /\b(?:al telefono|en espera|en linea|en la cola) desde\b|\bdesde las \d{1,2}\b[^.!?]{0,20}\b(?:ya son|son las)\b|\b(?:perdiendo la|se me acaba la|se me agota la|sin) paciencia\b|\bque desesperacion\b/,
  ]),
  ...cue(
    'anxious',
    2.5,
    [
      /\bfiltracion\b|\b(?:estan|esta) (?:a salvo|segur[oa]s?) mis (?:datos|cuentas?|dinero)\b|\bmis datos (?:estan )?(?:segur|a salvo|expuest|robad)\w*/,
    ],
    NEGATION_ES,
  ),
  ...cue('anxious', 2, [
    /\b(?:cita|vuelo|entrevista|examen|boda|operacion|visado|visa|reunion|tren)\b[^.!?]{0,30}\ba las \d{1,2}\b[^.!?]{0,60}\b(?:no|sin|todavia|aun)\b/,
  ]),
  ...cue('sad', 3, [
    /\b(?:perdi|perder|perdimos|acabo de perder) a (?:mi|nuestra|nuestro) (?:mama|madre|padre|papa|hij[oa]|espos[oa]|marido|abuel[oa]|herman[oa])\b/,
  ]),
  ...cue('confused', 2, [/\bentonces[,]?\s*¿?[^.!?]{0,60}\bo\b[^.!?]{0,40}\?/]),
  ...cue('frustrated', 2, [
    /\b(?:no vino|no se presento|no aparecio|no vinieron)\b|\bnadie (?:me|nos) (?:aviso|avisa|informo|dijo nada)\b|\b(?:y luego|y despues|despues) (?:silencio|nada)\b|\bdesde el (?:dia )?\d/,
    /\bme dijeron que\b[^.!?]{0,60}[.,]\s*no (?:lo )?(?:era|es|fue|estaba|hay)\b/,
  ]),
  ...cue('anxious', 2, [
    /\bme (?:robaron|han robado) (?:el|la|mi)\b|\bel dia de mas (?:ventas|clientes|trabajo)\b|\bembarazada\b/,
  ]),
  ...cue('sad', 1, [/\bfallec\w*|\bmuri(?:o|era|eron)\b/]),
  ...cue('sad', 2.5, [/\b(?:semana|mes|ano|dia) (?:muy )?(?:mala|malo|horrible|terrible|dura|duro)\b/]),
  ...cue('confused', 2.5, [/\bno (?:tengo|me queda|esta|queda) (?:muy )?claro\b/], NEGATION_ES),
  ...cue('confused', 1.5, [/\bsi\s+\w+[^.!?]{0,60}[¿,]\s*(?:sigo|tengo|debo|puedo|hay|se|me|pierdo|pago|tendre)\b/]),
  ...cue('frustrated', 2, [
    /\b(?:segunda|tercera|cuarta|quinta) semana (?:con|sin|de|esperando)\b|\b(?:se cierra|se cae|falla|se corta|no funciona|no carga|se bloquea)\b[^.!?]{0,40}\bcada vez que\b/,
  ]),
  ...cue('frustrated', 2, [
    /\b(?:segundo|tercer|cuarto|quinto|sexto) dia (?:sin|de)\b|\bllevo (?:toda la|todo el) (?:semana|mes|dia|manana|tarde)\b/,
  ]),
  // Chasing without a chasing phrase: every time, hours on the line, a promise not kept, an update asked for.
  ...cue('frustrated', 2, [
    /\bcada vez que\b[^.!?]{0,60}\b(?:distint[oa]|diferente|otra cosa|automatic[oa]|se corta|falla|nada|nadie|mal|lo mismo|igual|cuelgan|cortan)\b/,
    /\bllevo (?:mas de |casi )?(?:\w+ )?(?:horas?|dias|semanas|meses|minutos)\b|\b(?:otro|otra) (?:robot|bot|mensaje automatico|correo automatico|respuesta automatica|guion|plantilla)\b|\b(?:mensaje|respuesta|correo) automatic[oa]\b/,
    /\b(?:prometieron|prometio|aseguraron|aseguro|quedaron en)\b[^?]{0,100}\b(?:nada|nadie|nunca|todavia|aun no|sigo|ahora (?:me )?cobran)\b/,
    /\b(?:tan dificil es|es tan dificil|que tan dificil|de que sirve|para que sirve)\b/,
    /\b(?:dos|tres|cuatro|cinco|\d+|varios|varias) (?:agentes|personas|operador[ae]s|asesor[ae]s|respuestas|departamentos) (?:diferentes|distint[oa]s)\b/,
    /\bya (?:lo |se lo |les |te )?(?:he|habia|hemos) (?:explicado|dicho|reclamado)\b|\bya (?:lo |se lo |les )?(?:explique|dije|reclame)\b/,
    /\b(?:segund[oa]|tercer[oa]?|cuart[oa]) (?:\w+ )?(?:reclamacion|queja|intento|reclamo|aviso)\b/,
  ]),
  // An update asked for and a date it began: each alone is a plain question, together they are chasing.
  ...cue('frustrated', 0.5, [
    /\balguna (?:novedad|noticia|actualizacion|respuesta)\b|\balgun (?:avance|cambio)\b/,
    /\b(?:abri|envie|mande|hice|pedi|compre|reporte|puse|pague)\b[^.!?]{0,40}\b(?:el (?:dia )?\d+|la semana pasada|el mes pasado|hace (?:\w+ )?(?:dias|semanas|meses))\b/,
  ]),
  // Frustration: still waiting, again, nobody answers, the same every time.
  ...cue('frustrated', 2, [
    /\b(?:sigo esperando|seguimos esperando|llevo (?:\w+ )?(?:dias|semanas|meses|horas|una hora|un mes|una semana)(?: \w+)? esperando|ya van|todavia (?:no|sin|nada)(?!(?: lo| la)? (?:he|hemos|has) (?:decidido|elegido|pensado))|aun (?:no|sin))\b/,
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
      /\b(?:urgente|urgencia|emergencia|preocupad(?:[oa]|it[oa])s?|me preocupa|nervios(?:[oa]|it[oa])s?|miedo|asustad(?:[oa]|it[oa])s?|panico|angustiad[oa]s?|desesperad[oa]s?|ayudenme|lo antes posible|cuanto antes)\b/,
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
  // Worry told as a fact: charges one did not make, a child alone, medicine running out, gas, a deadline within hours.
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:cargos?|pagos?|compras?|movimientos?|retiros?|transferencias?|cobros?)\b[^.!?]{0,60}\bque (?:yo )?(?:no|nunca) (?:hice|he hecho|reconozco|autorice|realice|hicimos)\b|\bno reconozco (?:el|los|este|estos|un|unos|dos|tres)\b/,
      /\b(?:son|eran|es|sera) (?:de )?ustedes\s*\?|\bes de ustedes\b|\b(?:pidiendo|pide|piden|pidio|pidieron) (?:mi |el |la |los |mis )?(?:clave|pin|codigo|datos|contrasena|cvv)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('anxious', 2, [
    /\b(?:hij[oa]|nin[oa]|mama|madre|padre|abuel[oa]|espos[oa]|marido)\b[^.!?]{0,60}\b(?:varad[oa]|atrapad[oa]|perdid[oa])\b/,
    /\b(?:solo|apenas) (?:me |nos |le )?(?:queda|quedan) (?:\w+ ){0,2}(?:pastillas|dosis|insulina|medicina|medicamentos?|pildoras|oxigeno)\b|\b(?:insulina|oxigeno|dialisis|inhalador|embarazada)\b/,
    /\bhuele a (?:gas|quemado|humo)\b|\b(?:humo|chispas|fuga de (?:gas|agua)|se inunda|inundacion|inundad[oa])\b/,
    /\b(?:abre|abrimos|cierra|cerramos|sale|salimos|empieza|empezamos|aterriza|despega)\b[^.!?]{0,25} (?:en (?:media hora|(?:\d+|dos|tres|cuatro|cinco|diez|unas|pocas) (?:minutos|horas)|una hora|unos minutos)|a las \d{1,2})\b/,
    /\bsi\b[^.!?]{0,60}\b(?:pierdo|perdemos|perderia|me cortan|nos cortan|me multan|me echan|me desalojan)\b/,
  ]),
  // Someone close travelling alone is a worry only with the trip gone wrong: the two count together.
  ...cue('anxious', 0.75, [
    /\b(?:hij[oa]|nin[oa]|mama|madre|padre|abuel[oa]|espos[oa]|marido)\b[^.!?]{0,60}\b(?:viaja sol[oa]|esta sol[oa]|va sol[oa]|se quedo sol[oa]|sol[oa] en (?:el|la))\b/,
    /\b(?:cancelaron|cancelad[oa]|se retraso|retrasad[oa]|se averio|averiad[oa]|no (?:llego|paso|vino))\b/,
  ]),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:a|en) (?:una|la|otra) (?:cuenta|persona|tarjeta) (?:equivocada|incorrecta|erronea)\b|\bse (?:puede|podria) (?:cancelar|anular|revertir|parar|detener) (?:la )?(?:transferencia|el pago)?\b(?=[^?]{0,40}\?)/,
      /\bdepende (?:del|de la|de su|de un|de una) (?:telefono|oxigeno|maquina|linea|luz|teleasistencia)\b|\bteleasistencia\b/,
    ],
    NEGATION_ES,
  ),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:haciendose|se hizo|se hacia|haciendo) pasar por\b|\b(?:mayor|dependiente|ancian[oa]|embarazada|bebe|enferm[oa])\b[^.!?]{0,40}\b(?:no tiene|sin|se ha quedado sin|se quedo sin) (?:gas|luz|agua|calefaccion|comida|medicinas?)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:me )?(?:han sacado|sacaron|retiraron|han retirado|han quitado) (?:dinero|plata|\d+ \w+) de (?:mi|la) cuenta\b|\b(?:cae|entra|sale) agua\b|\bgote(?:a|ra|ras)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('anxious', 0.5, [/\bque (?:hago|hace|hacemos|debo hacer|puedo hacer)\b/]),
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
  ...cue(
    'confused',
    2.5,
    [
      /\b(?:pensaba|pense|crei|creia|tenia entendido|entendia) que\b[^.!]{0,100}\?|\bcomo funciona\b|\bcomo (?:se|sabre|puedo saber|sabemos) si\b/,
      /\bcual (?:vale|es la buena|es la correcta|es el correcto|me creo|creo)\b|\bsignifica (?:que|eso)\b[^.!]{0,60}\?|\buna cosa y (?:\w+ ){0,3}otra\b|\bdonde (?:tengo que|hay que|debo|puedo|se) \w+/,
    ],
    NEGATION_ES,
  ),
  // An either/or question: "¿devuelvo primero … o espero?", "¿tengo que … o me van a llamar?".
  ...cue('confused', 2, [
    /\b[ou] (?:espero|me|se|tengo|debo|lo|la|los|las|le|les|van|vienen|llamo|sigo|pago|hay|es|eso|esto|ya|solo|puedo|necesito|cancelo|devuelvo|mejor|al|cuando|despues|antes|ahora|luego)\b[^.!?]{0,60}\?/,
  ]),
  // Sadness: bereavement, grief, disappointment, things gone wrong on a day that mattered.
  ...cue(
    'sad',
    2.5,
    [
      /\b(?:fallecio|fallecida|fallecido|murio|murieron|funeral|entierro|en paz descanse|luto)\b/,
      /\b(?:triste|tristecit[oa]|tristeza|que pena|me da (?:mucha )?pena|lastima|decepcionad[oa]s?|decepcion|decepcionante|desilusion\w*|llore|llorando|a llorar|dolid[oa]|me duele|estoy destrozad[oa])\b/,
      /\b(?:perdi (?:el|mi) trabajo|me quede sin trabajo|nos fallaron|me fallaron|todo salio mal|ultimo recuerdo)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue(
    'sad',
    2.5,
    [
      /\bduele\b|\bdefraudad[oa]s?\b|\bconfi(?:e|aba|abamos) en ustedes\b|\bme siento (?:\w+ )?(?:traicionad|olvidad|ignorad)[oa]\b|\bperdi (?:todas )?(?:las|mis) (?:fotos|fotografias|recuerdos|videos)\b|\bme dolio\b|\b(?:lloro|lloraron|llora|lloramos)\b|\b(?:ultim[oa]|unic[oa]) (?:foto|fotografia|carta|imagen|regalo|recuerdo|video)\b/,
      /\b(?:perdimos|perdi|perdio|perdieron) (?:la|el) (?:\w+ (?:de )?)?(?:aniversario|luna de miel|boda|funeral|entierro|cumpleanos|graduacion|bautizo|comunion|fiesta|despedida|ceremonia)\b/,
      /\b(?:ese|aquel|el) dia no (?:vuelve|se recupera|se repite|regresa)\b|\b(?:irrepetible|irremplazable|insustituible)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('sad', 2, [
    /\b(?:un|el) ano (?:muy )?(?:duro|dificil|malo|horrible)\b|\b(?:una )?(?:epoca|racha|temporada) (?:muy )?(?:dura|dificil|mala)\b|\bpara animar(?:me|nos|la|le)\b/,
  ]),
  ...cue(
    'delighted',
    2.5,
    [
      /\b(?:mas bonit[oa]|mejor|mas rapido) (?:de lo que|que en) (?:las fotos|la foto|esperaba|pensaba|imaginaba)\b|\bsupero (?:mis|las|todas las) expectativas\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('sad', 1.5, [/\bcomo (?:a )?un numero\b|\bdespues de tantos anos\b|\bsol[oa] con todo\b/]),
  // Gratitude ("gracias" alone is weaker: it also closes requests).
  ...cue('grateful', 2.5, [
    /\b(?:muchas gracias|mil gracias|muchisimas gracias|gracias por (?:su|tu|la|el|resolver|ayudar|avisar|todo)|le agradezco|les agradezco|se lo agradezco|te agradezco|se agradece|agradecid[oa]s?|muy amable|(?:quiero|quisiera|queria|queremos) (?:agradecer|dar las gracias)|agradecer a|me (?:ayudaste|ayudo|ayudaron) (?:mucho|un monton))\b/,
  ]),
  ...cue('grateful', 1.5, [/\b(?:gracias|agradezco)\b/]),
  // Delight.
  ...cue(
    'delighted',
    2.5,
    [
      /\bque (?:rapido|rapidez|maravilla|gusto|buen[oa]s?)\b|\bda gusto\b|\b(?:(?:me|te|le|les|nos) encant(?:a|an|o|aron)|encantad[oa]s?|impresionante|precios[oa]s?|chevere|que padre|muy padre|bien padre|bacan[oa]?|guay|de lujo|una maravilla|(?:el|la|los|las) mejor(?:es)? (?:servicio|compra|atencion|experiencia|empresa|tienda)|(?:lo|los|la|las) (?:voy a |vamos a )?recomendar|genial|increible|maravilla|fantastico|excelente|perfect[oa]|feliz|muy content[oa]s?|buenisim[oa]|super recomendad[oa]|lo recomiendo|de diez)\b/,
    ],
    NEGATION_ES,
  ),
  ...cue('delighted', 1, [/\b(?:content[oa]s?|rapido|estable)\b/], NEGATION_ES),
];
