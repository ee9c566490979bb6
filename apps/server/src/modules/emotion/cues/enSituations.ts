import { type Cue, cue } from './cue.ts';

/**
 * English feelings said without feeling words: anger said calmly (leaving, lawyers, the press), failure told as a
 * pattern ("every time I call"), worry told as a situation (a deadline within hours), grief told as a fact.
 */
/** "Every time" is a complaint only next to something going wrong ("every month the bill is wrong"). */
const EVERY_TIME = String.raw`\b(?:(?:every (?:single )?|each )(?:time|month|week|day|call|evening|morning|night)|whenever)\b`;
const FAILURE = String.raw`\b(?:different|wrong|stops?|drops?|fails?|failing|crash\w*|errors?|cuts? out|goes (?:down|off)|disconnects?|nothing|no one|nobody|told|the same|late|missing|broken|dies|freezes|hangs? up|logs? me out)\b`;

export const EN_SITUATION_CUES: Cue[] = [
  // Anger said calmly: ending the relationship, going public, demanding redress, naming mistreatment.
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:pull(?:ing)?|terminat(?:e|ing)|end(?:ing)?) (?:the|our|this|my) (?:contract|partnership|agreement|relationship)\b|\b(?:partnership|relationship|contract) (?:is )?over\b|\bconsider this (?:notice|our notice|formal)\b/,
      /\b(?:won't|will not|not) be renewing\b|\b(?:moving|switching|going|move|switch|taking it) to (?:another|a different|a competitor|your competitor)\b|\b(?:find|finding) another (?:supplier|provider|bank|company)\b/,
      /\b(?:the press|newspapers?|journalists?|the media|trustpilot|review sites?|the regulator|my mp)\b/,
      /\b(?:every (?:single )?penny|compensat(?:e|ion) me|harass(?:ment|ing)|bailiffs|debt collectors|don't you dare|lied to|liars|you lied|rude|shouted at me|laughed at me|humiliat\w+|disrespect\w*)\b/,
    ],
    true,
  ),
  ...cue('angry', 1, [/\bclose (?:my|our) (?:account|accounts)\b|\ball of it\b/]),
  // Failure told as a pattern: every time, the same fault, passed around, nobody owns it.
  ...cue('frustrated', 2, [
    new RegExp(`${EVERY_TIME}[^.!?]{0,60}${FAILURE}|${FAILURE}[^.!?]{0,40}${EVERY_TIME}`),
    /\b(?:passed|bounced|transferred|sent) (?:between|around|back and forth)\b|\b(?:nobody|no one) (?:seems to|knows|can tell|can explain|takes)\b/,
    /\bthe same (?:error|problem|issue|fault|thing|message|answer)\b|\b(?:second|third|another) (?:replacement|engineer|complaint)\b/,
    /\b(?:twice|three times) already\b|\balready (?:twice|sent|told|explained|called)\b|\byou keep \w+ing\b|\bkeep being told\b/,
    /\b(?:\d+|two|three|four|five|six|seven) (?:calls|emails|chats|visits|attempts|engineers|fridays|mondays|promises|tickets)\b/,
  ]),
  // Worry told as a situation: a deadline within hours, a penalty, a health need, danger at home, a suspect message.
  ...cue(
    'anxious',
    2,
    [
      /\b(?:opens?|closes?|starts?|begins?|leave|leaves|leaving|departs?|lands?|boards?)\b[^.!?]{0,25}? (?:in (?:\d+|an?|half an|one|two|three|a few) (?:minutes?|mins?|hours?|hrs?)|at \d{1,2}(?::\d\d)?(?: ?[ap]m)?\b)/,
      /\b(?:due|runs?|goes out|go out|has to go|closing date|completion)\b.{0,30}\b(?:tonight|today|this (?:afternoon|morning|evening)|friday|monday|tomorrow)\b/,
      /\b(?:penalty|fined|evicted|in trouble|lose (?:my|the|our) (?:job|house|flat|booking|place|deposit))\b/,
      /\b(?:diabetic|insulin|oxygen|inhaler|dialysis|epipen|pregnant|medication)\b/,
      /\b(?:water (?:coming|pouring|leaking|dripping)|flood(?:ing|ed)|smell of gas|gas smell|sparks|smoke|burning smell)\b/,
      /\bis (?:it|this|that) (?:really |actually )?from you\b|\basking (?:me )?(?:to confirm|for) my (?:card|bank|pin|password|login|security) (?:details|number|code)\b/,
    ],
    true,
  ),
  // Confusion without a confusion phrase: a belief that did not hold, something not found, two answers.
  ...cue(
    'confused',
    2.5,
    [
      /\bi thought\b[^.!?]{0,80}\?|\bcan't (?:see|find) (?:a|an|the|any) [\w ]{1,20}anywhere\b|\bnot following\b|\bdon't quite get\b/,
      /\bsays? one thing\b|\bone thing and\b[^.!?]{0,40}\banother\b/,
    ],
    true,
  ),
  ...cue('confused', 1.5, [
    /\b(?:what happens (?:to|if|with)|who do i (?:contact|call|ask|speak to)|which (?:account|form|number|plan|address)|where did (?:my|the)|(?:a )?one-off or|the same as)\b[^.!]{0,80}\?/,
  ]),
  // Sadness told as a fact: a death, a hope let go, a hard time.
  ...cue(
    'sad',
    2.5,
    [
      /\b(?:mum|mom|dad|mother|father|husband|wife|son|daughter|partner|brother|sister|nan|gran|grandmother|grandfather) (?:has |had |just )?passed\b|\b(?:lost the baby|miscarriage|ashes)\b/,
      /\b(?:such a pity|what a pity|a pity|i feel (?:awful|terrible|horrible|so bad|really bad|low)|so low|feeling low|breaks? my heart|i trusted you|counting on (?:this|it|you)|last straw|(?:a |really )?hard (?:week|month|year|time)|difficult time)\b/,
      /\b(?:has been|have been|it's been|was|been) (?:spoiled|spoilt|ruined)\b/,
    ],
    true,
  ),
];
