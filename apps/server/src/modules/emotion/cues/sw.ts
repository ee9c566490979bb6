import { type Cue, cue } from './cue.ts';

/**
 * Swahili and Sheng cues, read on the prepared lower-case text (after `asante` → thanks, `tafadhali` → please,
 * `haraka` → quickly or, as a plea, urgent, `nimechoka` → i'm fed up, `hasira` → anger). Swahili says "not" inside
 * the verb ("sijapata", "haifanyi kazi"), so most negative forms are cues of their own; the free-standing words are below.
 */
export const NEGATION_SW = /(?:\bsi|\bsina|\bsio|\bsiyo|\bhapana|\bbila|\bnot|\bno|\bnever)\s+(?:[^\s.!?;:,]+\s+){0,2}$/;

export const SW_CUES: Cue[] = [
  // Anger: insults, theft, court, leaving, a manager now.
  ...cue('angry', 2.5, [
    /\b(?:wezi|mwizi|wizi|matapeli|tapeli|ujinga|wajinga|mjinga|upuuzi|ushenzi|washenzi|mbovu|wakorofi|mkorofi)\b/,
    /\b(?:nimekasirika|nimekasirishwa|mnanionea|mmeniibia|mnaniibia|alinitukana|wamenitukana|matusi|acheni)\b/,
    /\b(?:kortini|nitawapeleka|wakili)\b/,
    /\b(?:nitahama|nitahamia|ninahama|funga (?:line|account|akaunti) yangu|sitaki kusikia)\b/,
    /\bnataka kuongea na (?:meneja|supervisor|mkubwa|manager)\b/,
  ]),
  // Anger said another way: contempt, lies, rudeness, a hang-up, going public.
  ...cue('angry', 2.5, [
    /dharau|danganya\b|\b(?:uongo|waongo|mwongo|mjeuri|jeuri|wajeuri|aibu)\b/,
    /\b(?:ali|ame|wali|wame|mli|mme)ni(?:katia|kata) simu\b|\b(?:ali|ame|wali|wame|mli|mme)ni(?:jibu|ongelesha|tendea|fanyia) vibaya\b|\b(?:ali|ame|wali|wame|ana|wana)ni(?:cheka|fokea|tukana|dharau)\b|\bmn(?:anijibu|anitendea|atufanyia|anifanyia) hivi\b/,
    /\b(?:nitaweka|nitapost|nitaandika|nitasambaza|nitawaanika|nitaanika)\b[^.!?]{0,40}\b(?:twitter|facebook|instagram|tiktok|mtandao\w*|watu wote|wajue)\b/,
  ]),
  ...cue('angry', 2, [
    /\bsitaki (?:maelezo|visingizio|story|hadithi|excuses|sababu)\b|\b(?:nataka|niunganishe|nipe|niongee)\b[^.!?]{0,30}\b(?:mkurugenzi|mkubwa wenu|mtu anayeweza)\b/,
  ]),
  ...cue('angry', 1.5, [/\bbila (?:ruhusa|idhini|taarifa|kuniuliza)\b/]),
  // Word stems, so every person and tense of a verb reads ("alinitusi", "tumehuzunika", "mmenichosha").
  ...cue('angry', 2.5, [
    /\b(?:dhuluma|mnacheza na (?:pesa|sisi|wateja)|takataka|sitarudi tena|sirudi tena|wahuni|mhuni|wapumbavu|mpumbavu|majambazi|jambazi|wanyang'anyi|ujanja|ulaghai|walaghai|mlaghai)\b|tusi\b|tukana\b|kasirik|kasirish/,
    /\b(?:hamna|hamuna|hakuna|bila|mnakosa) heshima\b|\b(?:mamlaka ya mawasiliano|polisi|vyombo vya habari|waandishi wa habari)\b|\bnitawa?(?:shtaki|ripoti)\b|\bnitashtaki\b/,
  ]),
  ...cue('angry', 1.5, [/\brudisheni (?:hela|pesa|fedha|doo|mkwanja)\b/]),
  ...cue('frustrated', 2, [/chosh|\bsasa ni (?:jioni|usiku|wiki|mwezi|siku)\b/]),
  ...cue('sad', 2.5, [/huzuni|huzunik|sikitik|sikitish|\bnimepoteza (?:kila kitu|picha|kumbukumbu)\b|\bpicha zote\b/]),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:mtu|watu|mtu fulani) (?:anajaribu|wanajaribu|ameingia|wameingia|aliingia|waliingia)\b[^.!?]{0,30}\b(?:akaunti|account|simu|m-?pesa)\b|fukuza\b|\batanifukuza\b/,
    ],
    NEGATION_SW,
  ),
  ...cue(
    'confused',
    2.5,
    [/\bni (?:ya|za|la|cha|kwa ajili ya) nini\b|\b(?:nitajuaje|najuaje|nitajua vipi|nitajua kama)\b/],
    NEGATION_SW,
  ),
  ...cue('frustrated', 2, [/\bsiku ya (?:pili|tatu|nne|tano|sita|saba|nane|\d+) (?:bila|sasa|leo)\b|\bleo ni siku ya\b/]),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:nimetuma|nimelipa|nimehamisha|nilituma)\b[^.!?]{0,30}\b(?:isiyo sahihi|mbaya|tofauti|kimakosa|kwa makosa)\b/,
      /\b(?:mtoto|mwanangu|mama|baba|bibi|babu|mzee)\b[^.!?]{0,30}\b(?:ana homa|anaumwa|mgonjwa|hawezi kupumua|hajiwezi)\b/,
    ],
    NEGATION_SW,
  ),
  ...cue('angry', 2.5, [
    /\bau (?:naondoka|nitaondoka|nitahama|ninahama|nitaenda|nitawashtaki)\b|\b(?:hamjafanya|hamkufanya|hawajafanya) (?:lolote|chochote|kitu)\b|\bm(?:ni|tu)ombe msamaha\b/,
  ]),
  ...cue('angry', 2, [/\b(?:nimevumilia|tumevumilia)\b/]),
  ...cue('angry', 2.5, [
    /\bsitalipa\b|\bnipelekeni mahakamani\b|\baliniita (?:mjinga|mwizi|mwongo|mpumbavu)\b|\bmalalamiko rasmi\b/,
  ]),
  ...cue('frustrated', 2, [/\bkuwafuatilia\b|\bkila mara kuna kitu\b|\bsina muda wa\b/]),
  ...cue('anxious', 2.5, [/\bsina pesa ya (?:chakula|kula|kodi|nauli)\b|\bkubadilisha kufuli\b|\bametoka kwenu\b/], NEGATION_SW),
  ...cue('anxious', 0.75, [/\bmlangoni\b/]),
  ...cue('frustrated', 2, [/\bnimepoteza siku (?:nzima|mzima)\b|\btunazunguka\b/]),
  ...cue('anxious', 2.5, [/\btapeliwa\b|\bkumjulia hali\b|\bametoweka\b/]),
  ...cue('frustrated', 2, [
    /\b(?:email|ujumbe|simu|barua|jibu|fundi|mhudumu) (?:ya|wa|la) (?:tatu|nne|tano|sita)\b|\b(?:imezingua|inazingua|amezingua|mnazingua|wamezingua|zingua)\b/,
    /\b(?:jumatatu|jumanne|jumatano|alhamisi|ijumaa|jumamosi|jumapili),? (?:na )?(?:jumatatu|jumanne|jumatano|alhamisi|ijumaa|jumamosi|jumapili),? (?:na )?(?:jumatatu|jumanne|jumatano|alhamisi|ijumaa|jumamosi|jumapili)\b/,
  ]),
  ...cue('angry', 2.5, [/\b(?:kwa|kwenye) (?:media|magazeti|tv|runinga)\b/]),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:pensheni|mshahara|malipo)\b[^.!?]{0,15}\b(?:haijaingia|haujaingia|hayajaingia|haijafika|haujafika)\b|\b(?:umeme|maji|laini|huduma|stima)\b[^.!?]{0,10}\b(?:utakatwa|itakatwa|yatakatwa|itasitishwa|itafungwa)\b/,
      /\b(?:imeblock\w*|imeblockiwa|imezuiwa)\b/,
    ],
    NEGATION_SW,
  ),
  ...cue('anxious', 0.5, [/\bnje ya nchi\b/]),
  ...cue('sad', 2.5, [/\b(?:nahisi|najisikia) (?:kulia|kutaka kulia)\b|\b(?:pesa|hela) (?:yangu )?ya mwisho\b/]),
  ...cue('confused', 2, [/\bje,? ni lazima (?:ni|tu)\w+|\bnamba mbili tofauti\b/]),
  ...cue('angry', 2.5, [/\bmn(?:a|i)?(?:ni|tu)chukulia kama\b|\bm(?:si|usi)ni\w+ tena\b/]),
  ...cue('frustrated', 2, [
    /\b(?:kwa simu|kwenye simu|kwenye foleni|hewani) tangu\b|\btangu saa \w+\b|\buvumilivu (?:umeisha|unaisha|umekwisha)\b|\bnimeishiwa (?:na )?uvumilivu\b/,
  ]),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:zimevuja|imevuja|zimeibiwa) (?:data|taarifa)?|\b(?:data|taarifa) (?:zangu |zetu )?(?:zimevuja|zimeibiwa)\b|\b(?:niko|nipo|ziko|iko) salama\s*\?/,
    ],
    NEGATION_SW,
  ),
  ...cue('anxious', 1, [/\bsasa hivi\b/]),
  ...cue('sad', 3, [
    /\b(?:nimempoteza|tumempoteza|nilimpoteza|amempoteza) (?:mama|baba|mume|mke|mtoto|mwanangu|bibi|babu|dada|kaka|rafiki)\b/,
  ]),
  ...cue('frustrated', 2, [
    /\b(?:hakuja|hawakuja|hakufika|hawakufika)\b|\b(?:halafu|kisha|baadaye) kimya\b|\bkimya (?:kabisa|tu)\b|\btangu tarehe\b/,
  ]),
  ...cue('frustrated', 1.5, [/\bkumbe\b/]),
  ...cue('anxious', 2, [/\b(?:mimba|mjamzito)\b|\bsiku (?:yenye|ya) (?:wateja wengi|mauzo mengi)\b/]),
  ...cue('sad', 1, [/fariki/]),
  ...cue('confused', 1.5, [/\bniki\w+\b[^.!]{0,60}\?/]),
  ...cue('sad', 2.5, [/\bwiki (?:mbaya|ngumu)\b|\b(?:mwezi|mwaka) (?:mbaya|mgumu)\b/]),
  ...cue('sad', 2.5, [
    /\b(?:siku (?:yake |yangu )?ya kuzaliwa|birthday|krismasi|christmas) ya mwisho\b/,
    /\b(?:mwaka|wiki|mwezi|kipindi) (?:huu |hii )?(?:umekuwa|imekuwa|ulikuwa|ilikuwa|umekua) (?:mgumu|ngumu|mbaya)\b|\b(?:wakati|kipindi) (?:mgumu|kigumu)\b/,
  ]),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:nimefungiwa|tumefungiwa|imefungiwa|nimezuiliwa|nimefungiwa nje)\b|\b(?:mzee|mgonjwa|mama|baba|bibi|babu|mtoto)\b[^.!?]{0,40}\b(?:hana|hawana|bila) (?:gesi|umeme|maji|chakula|dawa|stima)\b/,
    ],
    NEGATION_SW,
  ),
  ...cue(
    'delighted',
    2,
    [/\b(?:mzuri|nzuri|bora|safi|poa) kuliko\b|\b(?:umefika|imefika|ulifika|ilifika) mapema\b/],
    NEGATION_SW,
  ),
  // Chasing without a chasing word: a promise not kept, "until now", an update asked for, different answers.
  ...cue('frustrated', 2, [
    /\b(?:mliahidi|aliahidi|waliahidi|mlisema|walisema|alisema|ulisemekana|ilisemekana|niliambiwa|mliniambia|ilitakiwa|alitakiwa|walitakiwa)\b[^?]{0,100}\b(?:hakuna|bado|hakuja|hawakuja|hajaja|hawajaja|haijafika|hazijafika|hadi sasa|mpaka sasa|leo ni)\b/,
    /\bbado(?=\s*(?:[.!?]|$))|\bhakuna (?:aliye|anaye|ali|ana)\w+|\b(?:watu|mawakala|agents|wahudumu) (?:\w+ )?tofauti\b|\bkila (?:mmoja|mtu) (?:ananiambia|anasema|ananieleza)\b/,
  ]),
  ...cue('frustrated', 1.5, [/\b(?:hadi|mpaka) sasa\b/]),
  // An update asked for and a date it began: each alone is a plain question, together they are chasing.
  ...cue('frustrated', 0.5, [
    /\b(?:update|habari|taarifa|jibu) (?:yoyote|zozote)\b|\bkuna (?:update|habari|taarifa|jipya)\b/,
    /\b(?:nilituma|nilifungua|niliagiza|nililipa|niliripoti|nilipiga|niliomba)\b[^.!?]{0,40}\b(?:wiki iliyopita|mwezi uliopita|jana|juzi|tarehe \d+|siku (?:mbili|tatu|nne|tano))\b/,
  ]),
  // A verb in the negative: "not yet" (haijafika, sijapata) and "does not" (hazifanyi, hawapokei); after "kabla"
  // ("before": "kabla sijatumia") the same form only tells the time.
  ...cue(
    'frustrated',
    1,
    [/\b(?:ha|hai|hazi|havi|hawa|hatu|ham|hau|hali|haya|haku|si)ja(?!elew)[a-z]{2,}\b|\bha(?:i|zi|vi|wa)[a-z]{2,}i\b/],
    /\bkabla\s+$/,
  ),
  // Frustration: still waiting, again and again, nobody answers.
  ...cue('frustrated', 2, [
    /\bbado (?:si|ha|hu|hawa|hamja|hakuna|nasubiri|nangoja|tunasubiri|naambiwa|ninaambiwa|tunaambiwa|nina|tuna)(?!\w*(?:amua|chagua|fikiria))\w*|\b(?:wiki|siku|mwezi) ya (?:pili|tatu|nne|tano|sita)\b/,
    /\b(?:nasubiri|ninasubiri|nimesubiri|tunasubiri|nangoja|nimengoja|nisubiri|tusubiri)\b/,
    /\bmara (?:ya )?(?:pili|tatu|nne|tano|mbili|kadhaa|nyingi|ngapi)\b/,
    /\bkila (?:mara|nikipiga|nikituma|nikiuliza|ninapopiga)\b/,
    // "Every day / month" is a complaint only next to something going wrong ("kila siku hivi", "… hakuna suluhisho").
    /\bkila (?:siku|mwezi|wiki|saa|jioni|asubuhi)\b(?=[^.!?]{0,60}\b(?:hivi|tena|shida|tatizo|hakuna|inakatika|ha[a-z]+i)\b)|\bkila (?:siku|mwezi|wiki|saa|jioni|asubuhi)\b(?<=\b(?:ha[a-z]+i|inakatika|shida|tatizo|tena)\b[^.!?]{0,60}kila \w+)/,
    /\b(?:hakuna (?:anayejibu|jibu|mtu|kitu|kinachofanyika|kilichofanyika)|hamjibu|hamjajibu|hawajibu|sijajibiwa)\b/,
    /\b(?:tangu (?:jana|juzi|wiki|mwezi|asubuhi|jumatatu)|siku (?:mbili|tatu|nne|tano|saba|kadhaa)|wiki (?:mbili|tatu|nne)|mpaka lini|hadi lini)\b/,
    /\b(?:inaboa|inaboo|inaniboa|imenikera|inakera|kero|i'm fed up|jameni)\b|\b(?:hadithi|shida|tatizo|jibu|majibu|error|kosa|story) (?:ni )?(?:ile ile|lile lile|hii hii|hiyo hiyo|lilo lilo)\b|\b(?:kile kile|ile ile|hii hii) tena\b/,
    /\b(?:haifanyi kazi|haifanyi|haiingii|hazijaingia|haijaingia|haziingii|inakatika|hauko|haiko|inachelewa|imechelewa|zinaisha)\b/,
  ]),
  // "Tena" is "again" but also "any more" ("sihitaji … tena"): alone it is not enough.
  ...cue('frustrated', 0.75, [/\btena\b/]),
  ...cue('frustrated', 1, [/\b(?:queue|automated)\b/]),
  // Anxiety: fear, theft and fraud, a deadline today or tomorrow, danger at home.
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:wasiwasi|naogopa|ninaogopa|nahofia|nimehofia|hofu|dharura|nisaidieni)\b/,
      /\b(?:imeibiwa|imeibwa|wameiba|ameiba|imefungwa)\b/,
      /\b(?:harufu ya gesi|gesi|hospitali|mgonjwa)\b/,
      /\b(?:ananipigia|akijifanya)\b/,
    ],
    NEGATION_SW,
  ),
  ...cue('anxious', 1.5, [
    /\b(?:ndege|safari|mtihani|harusi|kodi|ada|mshahara|dawa|interview|mkutano|boarding pass|tiketi|visa|pasipoti|passport|mkopo|loan|malipo)\b.{0,60}\b(?:kesho|leo|usiku|alfajiri|ijumaa|jumamosi|jumapili|jumatatu|jumanne|jumatano|alhamisi|baada ya (?:saa|nusu saa|dakika)|saa (?:moja|mbili|tatu|nne|tano|sita|saba|nane|tisa|kumi|\d+))\b/,
    /\b(?:kesho|leo)\b.{0,60}\b(?:ndege|safari|mtihani|harusi|kodi|ada|mshahara|dawa)\b/,
  ]),
  // Worry told as a fact: money taken that one did not send, a caller asking for a PIN, a child alone, medicine running out.
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:pesa|malipo|muamala|miamala|transaction|charge)\b[^.!?]{0,60}\b(?:sikutoa|sikufanya|sijafanya|sikutuma|sikulipa|sitambui|sijatuma|sijatoa|sikuidhinisha)\b/,
      /\bni kweli\s*\?|\bni (?:ninyi|nyinyi|nyie|wewe)(?: kweli)?\s*\?|\banataka (?:pin|namba (?:yangu )?ya siri|password|nywila|code)\b|\bakisema ni\b/,
    ],
    NEGATION_SW,
  ),
  ...cue('anxious', 2, [
    /\b(?:mtoto|mwanangu|watoto|mama|baba|bibi|babu|mke|mume)\b[^.!?]{0,60}\b(?:amepotea|hajarudi)\b|\b(?:amekwama|wamekwama)\b/,
    /\b(?:dawa|vidonge|insulini|insulin)\b[^.!?]{0,40}\b(?:imebaki|zimebaki|vimebaki|imesalia|zimesalia|zinaisha|imeisha|zimeisha)\b|\b(?:imebaki|zimebaki|vimebaki) (?:za |ya |vya )?siku (?:moja|mbili|tatu)\b|\b(?:oksijeni|oxygen|insulini|mjamzito)\b/,
    /\bharufu ya (?:moshi|kuungua|gesi)\b|\b(?:moshi|cheche|mafuriko)\b/,
    /\b(?:inafunguliwa|linafunguliwa|tunafungua|inaondoka|linaondoka|inaanza|linaanza|inafungwa|linafungwa|inatua|nasafiri|tunasafiri)\b[^.!?]{0,30}\b(?:baada ya (?:saa|nusu saa|dakika)|kesho|leo|usiku huu)\b/,
  ]),
  // Someone close travelling alone is a worry only with the trip gone wrong: the two count together.
  ...cue('anxious', 0.75, [
    /\b(?:mtoto|mwanangu|watoto|mama|baba|bibi|babu|mke|mume)\b[^.!?]{0,60}\b(?:peke yake|peke yao)\b/,
    /\b(?:imeharibika|imefutwa|ilifutwa|imechelewa|ilichelewa|imeghairiwa|imesimama) (?:njiani|safari)|\b(?:basi|ndege|treni|gari|matatu)\b[^.!?]{0,30}\b(?:imeharibika|imefutwa|ilifutwa|imechelewa|ilichelewa|imeghairiwa|haikuja|haijafika)\b/,
  ]),
  ...cue('anxious', 2, [/\b(?:maji )?yanavuja\b|\bmaji yanaingia\b/]),
  // "What should I/she do?": worry next to a problem, a plain question next to a router.
  ...cue('anxious', 0.5, [/\b(?:nifanye|afanye|tufanye|wafanye) nini\b/]),
  // Confusion: not understanding, how and where.
  ...cue(
    'confused',
    2.5,
    [
      /\b(?:sielewi|sijaelewa|haieleweki|inamaanisha nini|maana yake (?:ni )?nini|sijui (?:jinsi|kama|nifanye|ni ipi|wapi)|nifanyeje|nitafanyaje|niko (?:confused|lost))\b/,
      /\b(?:nilipe|nitume|niende|nirudishe)\b[^.!?]{0,50}\b(?:wapi|ipi|au|ama)\b/,
      /\b(?:mbona|tofauti (?:kati|ya))\b/,
    ],
    NEGATION_SW,
  ),
  ...cue('confused', 1.5, [/\b(?:kwa nini|kwanini|ipi|ama|naweza kujua)\b[^.!]{0,80}\?/]),
  ...cue(
    'confused',
    2.5,
    [
      /\b(?:inapatikana|napata|nitapata|naipata|nitaipata|naweza kupata|nipate) wapi\b|\bsijui\b[^.!?]{0,30}\b(?:gani|ipi|wapi|lini|vipi)\b/,
      /\b(?:nilidhani|nilifikiri|nilidhania|nilijua)\b[^.!]{0,80}\?/,
    ],
    NEGATION_SW,
  ),
  ...cue('confused', 2, [/\b(?:au|ama)\b[^.!?]{0,60}\?/]),
  // Sadness: bereavement, being let down, heartache.
  ...cue('sad', 2.5, [
    /\b(?:amefariki|alifariki|wamefariki|kufariki|msiba|mazishi|marehemu|amekufa|wamekufa|alikufa)\b/,
    /\b(?:huzuni|masikitiko|inasikitisha|nimesikitika|nimesikitishwa|nimevunjika moyo|nimeumia|mmeniangusha|kuniangusha|najisikia vibaya|nililia|nimelia)\b/,
    /\b(?:nimepoteza kazi|tumepoteza|nimefiwa)\b/,
  ]),
  ...cue('sad', 2.5, [
    /\b(?:alilia|walilia|analia|wanalia|amelia|inauma|inaniuma|imeniuma|inaumiza|imeniumiza|naumia|tunaumia|moyo (?:unaniuma|umeniuma|unauma|wangu umevunjika))\b/,
    /\b(?:picha|zawadi|kumbukumbu|barua|keki) ya mwisho\b|\bya mwisho (?:ya|kutoka)\b/,
    /\b(?:tumekosa|nimekosa|tulikosa|nilikosa|amekosa|alikosa)\b[^.!?]{0,20}\b(?:harusi|mazishi|sherehe|birthday|graduation|kuhitimu|mahafali)\b/,
  ]),
  // Gratitude.
  ...cue('grateful', 2.5, [
    /\b(?:asanteni|ahsante|ahsanteni|shukran|nashukuru|nakushukuru|nawashukuru|tunashukuru|tunawashukuru|mungu (?:akubariki|awabariki)|umeniokoa|mmeniokoa|umenisaidia sana|kumshukuru|kuwashukuru|kukushukuru|kushukuru|namshukuru)\b/,
  ]),
  // Delight.
  ...cue(
    'delighted',
    2.5,
    [
      /\b(?:nimefurahi|tumefurahi|nimefurahia|furaha|napenda sana|naipenda|nimependa|nimeipenda|huduma bora|bora kabisa|poa sana|safi sana|safi kabisa|bomba|hongera|hongereni)\b/,
      /\b(?:nzuri|mazuri|vizuri|fast|rahisi) (?:sana|mno|kabisa)\b/,
      /\b(?:fiti|mko juu|iko juu|yuko juu|mpo juu|kitamu|tamu|noma sana|kali sana|mnabamba|imebamba|murua)\b/,
    ],
    NEGATION_SW,
  ),
  ...cue('delighted', 1, [/\b(?:wah|poa|safi|nzuri)\b/], NEGATION_SW),
];
