import { type Cue, cue } from './cue.ts';

/**
 * Swahili and Sheng cues, read on the prepared lower-case text (after `asante` → thanks, `tafadhali` → please,
 * `haraka` → quickly or, as a plea, urgent, `nimechoka` → i'm fed up, `hasira` → anger). Swahili says "not" inside
 * the verb ("sijapata", "haifanyi kazi"), so most negative forms are cues of their own; the free-standing words are below.
 */
export const NEGATION_SW = /(?:\bsi|\bsio|\bsiyo|\bhapana|\bbila|\bnot|\bno|\bnever)\s+(?:\S+\s+){0,2}$/;

export const SW_CUES: Cue[] = [
  // Anger: insults, theft, court, leaving, a manager now.
  ...cue('angry', 2.5, [
    /\b(?:wezi|mwizi|wizi|matapeli|tapeli|ujinga|wajinga|mjinga|upuuzi|ushenzi|washenzi|mbovu|wakorofi|mkorofi)\b/,
    /\b(?:nimekasirika|nimekasirishwa|mnanionea|mmeniibia|mnaniibia|alinitukana|wamenitukana|matusi|acheni)\b/,
    /\b(?:kortini|nitawapeleka|wakili)\b/,
    /\b(?:nitahama|nitahamia|ninahama|funga (?:line|account|akaunti) yangu|sitaki kusikia)\b/,
    /\bnataka kuongea na (?:meneja|supervisor|mkubwa|manager)\b/,
  ]),
  // Frustration: still waiting, again and again, nobody answers.
  ...cue('frustrated', 2, [
    /\bbado (?:si|ha|hu|hawa|hamja|hakuna|nasubiri|nangoja|tunasubiri)\w*/,
    /\b(?:nasubiri|ninasubiri|nimesubiri|tunasubiri|nangoja|nimengoja|nisubiri|tusubiri)\b/,
    /\bmara (?:ya )?(?:pili|tatu|nne|tano|mbili|kadhaa|nyingi|ngapi)\b/,
    /\bkila (?:mara|siku|mwezi|wiki|saa|jioni|asubuhi|nikipiga|nikituma|nikiuliza|ninapopiga)\b/,
    /\b(?:hakuna (?:anayejibu|jibu|mtu|kitu|kinachofanyika|kilichofanyika)|hamjibu|hamjajibu|hawajibu|sijajibiwa)\b/,
    /\b(?:tangu (?:jana|juzi|wiki|mwezi|asubuhi|jumatatu)|siku (?:mbili|tatu|nne|tano|saba|kadhaa)|wiki (?:mbili|tatu|nne)|mpaka lini|hadi lini)\b/,
    /\b(?:inaboa|inaboo|inaniboa|imenikera|inakera|kero|i'm fed up|hadithi ile ile|kile kile|ile ile|hii hii|jameni)\b/,
    /\b(?:haifanyi kazi|haifanyi|haiingii|hazijaingia|haijaingia|haziingii|inakatika|hauko|haiko|inachelewa|imechelewa|zinaisha)\b/,
  ]),
  ...cue('frustrated', 1, [/\b(?:tena|queue|automated)\b/]),
  // Anxiety: fear, theft and fraud, a deadline today or tomorrow, danger at home.
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:wasiwasi|naogopa|ninaogopa|nahofia|nimehofia|hofu|dharura|nisaidieni)\b/,
      /\b(?:imeibiwa|imeibwa|wameiba|ameiba|imefungwa)\b/,
      /\b(?:harufu ya gesi|gesi|hospitali|mgonjwa)\b/,
      /\b(?:ananipigia|akijifanya|nifanye nini)\b/,
    ],
    NEGATION_SW,
  ),
  ...cue('anxious', 1.5, [
    /\b(?:ndege|safari|mtihani|harusi|kodi|ada|mshahara|dawa|interview|mkutano|boarding pass|tiketi)\b.{0,60}\b(?:kesho|leo|usiku|ijumaa|jumamosi|jumapili|jumatatu|baada ya (?:saa|nusu saa|dakika))\b/,
    /\b(?:kesho|leo)\b.{0,60}\b(?:ndege|safari|mtihani|harusi|kodi|ada|mshahara|dawa)\b/,
  ]),
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
  // Sadness: bereavement, being let down, heartache.
  ...cue('sad', 2.5, [
    /\b(?:amefariki|alifariki|wamefariki|kufariki|msiba|mazishi|marehemu|amekufa|wamekufa|alikufa)\b/,
    /\b(?:huzuni|masikitiko|inasikitisha|nimesikitika|nimesikitishwa|nimevunjika moyo|nimeumia|mmeniangusha|kuniangusha|najisikia vibaya|nililia|nimelia)\b/,
    /\b(?:nimepoteza kazi|tumepoteza|nimefiwa)\b/,
  ]),
  // Gratitude.
  ...cue('grateful', 2.5, [
    /\b(?:asanteni|ahsante|ahsanteni|shukran|nashukuru|nakushukuru|nawashukuru|tunashukuru|tunawashukuru|mungu (?:akubariki|awabariki)|umeniokoa|mmeniokoa|umenisaidia sana)\b/,
  ]),
  // Delight.
  ...cue(
    'delighted',
    2.5,
    [
      /\b(?:nimefurahi|tumefurahi|nimefurahia|furaha|napenda sana|naipenda|nimependa|nimeipenda|huduma bora|bora kabisa|poa sana|safi sana|safi kabisa|bomba|hongera|hongereni)\b/,
      /\b(?:nzuri|mazuri|vizuri|fast|rahisi) (?:sana|mno|kabisa)\b/,
    ],
    NEGATION_SW,
  ),
  ...cue('delighted', 1, [/\b(?:wah|poa|safi|nzuri)\b/], NEGATION_SW),
];
