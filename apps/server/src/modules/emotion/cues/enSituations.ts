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
  ...cue('angry', 2.5, [/\bhow (?:is|can) (?:it|this|that) (?:be )?(?:legal|acceptable|fair|allowed|ok|okay|right)\b/], true),
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:reporting|report(?:ed)?|complain(?:ing|ed)? to|escalat(?:e|ing) (?:this|it) to) (?:you |this |it )?(?:to )?(?:ofcom|ofgem|ofwat|the fca|the ico|the cma|the bbb|the ftc|the fcc|the cfpb|citizens advice|which\?)|\bgiven you (?:every|enough|plenty of|too many) chances?\b/,
      /\b(?:should be|you should be|be) ashamed\b|\bshameful\b|\b(?:promised|agreed|confirmed|said)\b[^.!?]{0,60}\b(?:and|but) now (?:den(?:y|ies|ying)|refus\w+|claim\w*|pretend\w*)\b/,
    ],
    true,
  ),
  ...cue('angry', 1.5, [
    /\bhono(?:u)?r (?:it|this|that|the (?:offer|price|deal|agreement|promise))\b|\bwithout (?:any )?(?:warning|notice)\b/,
  ]),
  ...cue(
    'angry',
    2.5,
    [
      /\bor (?:i|we)(?:'ll| will| am going to|'m going to)? (?:walk|leave|go elsewhere|cancel|switch|report|sue|take (?:this|it|my business))\b|\b(?:you(?:'ve| have)?|they(?:'ve| have)?) done (?:nothing|absolutely nothing|zero)\b/,
      /\b(?:want|expect|demand|deserve|owed)\b[^.!?]{0,30}\bapology\b|\b(?:demand|deserve|owed) (?:a |an )?(?:full |proper |formal |written )?explanation\b|\b(?:been|i've been|i have been) (?:more than|very|extremely|incredibly|beyond) patient\b/,
      /\b(?:told|said|promised|assured)\b[^.!?]{0,60}[.,;]\s*(?:it|they|he|she|that) (?:wasn't|isn't|didn't|hasn't|weren't|aren't|never did)\b/,
    ],
    true,
  ),
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:an insult|insulting|insulted)\b|\bbeyond a joke\b|\b(?:treat|treating|treated|treats) (?:me|us|customers|people) like (?:a|an) \w+/,
    ],
    true,
  ),
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:will not be paying|won't be paying|refuse to pay|not paying (?:this|that|a penny|another penny))\b|\b(?:take|taking) me to court\b|\bsue me\b/,
      /\bcalled me (?:stupid|an idiot|a liar|a thief|names|a scammer)\b|\bnothing but (?:lies|excuses|problems|trouble|grief)\b/,
    ],
    true,
  ),
  ...cue('angry', 2, [/\bformal complaint\b/]),
  ...cue('angry', 2.5, [/\b(?:going|go|went) to (?:the )?(?:papers|press|media|newspapers)\b/], true),
  ...cue('angry', 1.5, [/\bgive (?:me )?(?:my|the) money back\b/]),
  // Closing an account is anger only without a plain reason (moving, no longer needed, a death).
  ...cue('angry', 1, [
    /\bclose (?:my|our) (?:account|accounts)\b(?![^.!?]{0,60}\b(?:moving|relocat\w*|emigrat\w*|no longer|passed|died)\b)(?<!\b(?:moving|relocating|emigrating|no longer|passed|died)\b[^.!?]{0,60})|\ball of it\b/,
  ]),
  // Staff described with contempt, and being done with the company.
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:arrogant|dismissive|condescending|patroni[sz]ing|unprofessional|so-called|clueless|incompetence|cowboys|sharks|crooks|criminals|muppets|clowns)\b|\b(?:spoken|talked|treated) to like (?:that|this|dirt|a child|an idiot)\b/,
      /\b(?:i am|i'm|we are|we're) (?:so |absolutely |completely |totally )?done with (?:you|this|your)\b|\bnever (?:been|felt so) (?:so )?(?:insulted|disrespected|humiliated)\b/,
    ],
    true,
  ),
  // Accusation and mistreatment told as a fact: theft, lies, a hang-up, being talked down to.
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:that's|that is|this is|it's|it is) (?:theft|stealing|robbery|extortion|criminal|illegal|a disgrace)\b|\b(?:you|you've|you have|you're|you are|they|they've) (?:stole|stolen|stealing|robbed|robbing|lied|cheated|conned)\b/,
      /\bshame on (?:you|your|them)\b|\bhung up on (?:me|us)\b|\blaughed (?:at|in) my face\b|\btalked down to\b|\bpatroni[sz]\w+\b/,
      /\b(?:disput(?:e|ed|ing)|revers(?:e|ed|ing)) (?:the|this|your|a|my) (?:charge|payment|transaction|debit)\b|\bmy bank is (?:reversing|disputing|reclaiming|investigating)\b/,
      /\b(?:post(?:ing)?|shar(?:e|ing)|tweet(?:ing)?|put(?:ting)?|writ(?:e|ing)|tell(?:ing)?|expos(?:e|ing))\b[^.!?]{0,40}\b(?:twitter|facebook|instagram|tiktok|linkedin|social media|reddit|everyone i know)\b/,
      /\b(?:do not|don't|never) (?:contact|call|email|text|message|ring) (?:me|us)\b|\bstop (?:contacting|calling|emailing|texting|messaging|sending me|ringing)\b/,
    ],
    true,
  ),
  ...cue('angry', 2, [
    /\b(?:your|the) (?:ceo|chief executive|managing director|director of [\w ]{3,30}|head of (?:customer|complaints|service)\w*)\b|\b(?:a manager|someone|somebody|a person) who can (?:actually )?(?:make a decision|decide|do something|fix)\b/,
  ]),
  ...cue('angry', 1.5, [
    /\bwithout (?:my |our |any )?(?:permission|consent|authori[sz]ation)\b|\b(?:treat(?:ing|ed)?|speak(?:ing)? to) (?:\w+ ){0,2}like (?:this|that|dirt|rubbish|an idiot|a criminal)\b|\bthis is how (?:you treat|i'm treated|i am treated)\b/,
  ]),
  // Failure told as a pattern: every time, the same fault, passed around, nobody owns it.
  ...cue('frustrated', 2, [
    new RegExp(`${EVERY_TIME}[^.!?]{0,60}${FAILURE}|${FAILURE}[^.!?]{0,40}${EVERY_TIME}`),
    /\b(?:passed|bounced|transferred|sent) (?:between|around|back and forth)\b|\b(?:nobody|no one) (?:seems to|knows|can tell|can explain|takes)\b/,
    /\bthe same (?:error|problem|issue|fault|thing|message|answer)\b|\b(?:second|third|another) (?:replacement|engineer|complaint)\b/,
    /\b(?:twice|three times) already\b|\balready (?:twice|sent|told|explained|called)\b|\byou keep \w+ing\b|\bkeep being told\b/,
    /\b(?:\d+|two|three|four|five|six|seven) (?:calls|emails|chats|visits|attempts|engineers|fridays|mondays|promises|tickets)\b/,
  ]),
  // Chasing without a chasing phrase: a promise not kept, an update asked for after a date, the point of it all.
  ...cue('frustrated', 2, [
    /\b(?:promised|assured|told (?:me|us)|said (?:you|they|someone|he|she) would|supposed to)\b[^?]{0,100}\b(?:nothing|nobody (?:came|called|rang|showed)|no one (?:came|called|rang|showed)|never (?:came|happened|arrived|called|did|showed))\b/,
    /\b(?:what's|what is) the point\b|\bhow (?:hard|difficult) (?:is|can|could) (?:it|that)\b|\bis it (?:so|that|really that) (?:hard|difficult)\b/,
    /\b(?:two|three|four|five|six|\d+|several|many) (?:different )?(?:agents|people|advisors|staff|departments|numbers|stories) (?:and|now|already|so far)\b|\b(?:two|three|four|five|six|\d+|several) different (?:agents|answers|advisors|stories|departments|excuses|dates)\b/,
    /\b(?:another|yet another|not another|same|the usual) (?:['"][^'"]{3,60}['"]|script|template|copy[- ]and[- ]paste|copy[- ]paste|canned|automated|generic|bot|robot)\b/,
    /\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th) (?:\w+ ){0,2}(?:missed|cancell?ed|failed|no[- ]show|attempt|reminder|complaint)\b/,
    /\b(?:it's|its|it has|it's now|that's) been (?:over |more than |nearly |almost )?(?:\d+|two|three|four|five|six|several) (?:days|weeks|months)\b|\b(?:\d+|two|three|four|five|six|several) (?:minutes|hours|mins|hrs) on hold\b/,
    /\b(?:was|were) (?:confirmed|due|promised|supposed|meant|booked|scheduled)\b[^?]{0,80}\b(?:it's|it is|today is|now it's) (?:now |already )?(?:the \d|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\bunsubscribed\b|\bdo you not (?:keep|read|check)\b|\bdoes anyone (?:read|check|work)\b|\bwas (?:due|supposed to (?:arrive|come|be)) (?:on|by) the \d/,
  ]),
  // An update asked for and a date it began: each alone is a plain question, together they are chasing.
  ...cue('frustrated', 0.5, [
    /\bany (?:update|news|progress|word)\b/,
    /\b(?:opened|raised|reported|logged|submitted|sent|ordered|booked|applied|paid) (?:\w+ ){0,3}(?:on the \d+\w*|last (?:week|month|monday|tuesday|wednesday|thursday|friday)|(?:\d+|two|three|four) (?:days|weeks) ago)\b/,
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
  ...cue('frustrated', 2, [
    /\banother \w+,? another \w+|\b(?:more|another|same old|the usual|yet another) excuses?\b|\bexcuses\b/,
  ]),
  ...cue('frustrated', 2, [
    /\b(?:\d+(?:rd|th)|third|fourth|fifth|sixth|tenth) (?:email|call|message|letter|chat|complaint|request|ticket|technician|engineer|agent|diagnosis|answer|excuse)\b/,
    /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:and )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:and )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/,
  ]),
  ...cue('frustrated', 2, [
    /\b(?:nobody|no one|no-one) (?:ever )?(?:reads|listens|cares|checks)\b|\bround and round\b|\bsame (?:answer|response|reply|excuse) every time\b|\blost a (?:whole|full|entire) day\b/,
  ]),
  ...cue(
    'anxious',
    2.5,
    [/\bcan't check on (?:her|him|them)\b|\b(?:been|got) scammed\b|\bneed (?:the|my|our) (?:deposit|money|refund) back before\b/],
    true,
  ),
  ...cue('frustrated', 1.5, [/\b(?:doesn't|does not|didn't|won't) even (?:work|turn on|start|charge|fit|open)\b/]),
  ...cue('frustrated', 2.5, [
    /\bfor (?:the love of (?:god|christ|pete)|god's sake|heaven's sake|pete's sake|goodness' sake|crying out loud)\b|\b(?:it's|there's) always something\b|\bbetter things to do than\b|\bchase (?:you|your|them|this)\b/,
  ]),
  ...cue('frustrated', 2, [
    /\b(?:losing|lost|running out of|run out of) (?:my )?patience\b|\bpatience is (?:wearing|running) thin\b|\b(?:didn't|did not|hasn't|has not|never) (?:work|worked|help|helped|fix(?:ed)? it)\b/,
    /\b(?:on the phone|on hold|on the line|in the queue|in a queue|on chat) (?:since|for (?:over |nearly |almost )?(?:an hour|\d+ hours|two hours|hours))\b|\bsince \d{1,2}(?::\d\d)? ?(?:am|pm)?[.,]? (?:and )?(?:it's|it is|now it's) now\b/,
  ]),
  ...cue('frustrated', 2, [
    /\b(?:didn't|did not|never|failed to) (?:turn up|show up|show|come|arrive|call back|ring back)\b|\b(?:nobody|no one|no-one) (?:let me know|told me|informed me|warned me|bothered)\b|\b(?:then|and then) (?:silence|nothing)\b|\bsince the \d+(?:st|nd|rd|th)?\b/,
  ]),
  ...cue('frustrated', 2, [
    /\b(?:week|day|month) (?:two|three|four|five|six|\d+) of\b|\bsupposed to (?:just )?(?:keep )?(?:wait|waiting|put up with|accept)\b|\bkeep waiting\b/,
  ]),
  ...cue('frustrated', 2, [
    /\b(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)) (?:day|week|night) (?:without|with no|of no|in a row)\b|\bday (?:\d+|two|three|four|five|six|seven) (?:without|of no|with no)\b/,
  ]),
  // Worry told as a fact: payments never made, a child alone, a loss if a date is missed, medicine running out.
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:payments?|charges?|transactions?|withdrawals?|transfers?|purchases?|debits?)\b[^.!?]{0,60}\b(?:i|we) (?:didn't|did not|never|don't|do not) (?:make|made|authori[sz]e|recogni[sz]e|do)\b|\bdon't recogni[sz]e (?:this|these|a|the|two|three)\b/,
      /\b(?:someone|somebody) (?:has |had )?(?:got|gotten|getting|broken|broke|logged|been) into my\b|\b(?:i|we) (?:didn't|did not|never) (?:do|change|request|order|authori[sz]e|sign up for) (?:it|this|that|them|any of)\b|\bwasn't (?:me|us)\b/,
      /\b(?:was (?:that|this|it)|(?:is|was) (?:that|this|it) (?:really|actually)) (?:you|your (?:bank|company|team))\b|\basked (?:me )?for my (?:pin|password|passcode|code|card|otp|login|details)\b|\b(?:saying|claiming|pretending) (?:to be|they were|he was|she was|it was) (?:from )?(?:you|your|the bank)/,
    ],
    true,
  ),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:sent|transferred|paid|moved) [^.!?]{0,25}\bto (?:the |a )?wrong (?:account|person|number|payee|iban)\b|\bcan (?:it|the (?:payment|transfer)|this) be (?:stopped|cancell?ed|reversed|recalled)\b/,
      /\b(?:she|he|they|my \w+) (?:can't|cannot|is unable to|are unable to) (?:get (?:down|up|out|in|home)|move|breathe|walk|get to)\b|\b(?:relies|depends|dependent) on (?:the |his |her |their |a |my )?(?:phone|line|oxygen|alarm|pendant|machine|power|stairlift|telecare)\b|\btelecare\b/,
    ],
    true,
  ),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:data )?breach\b|\b(?:data|details|passwords?) (?:was |were |has been |have been )?(?:leaked|exposed|stolen)\b|\bis my (?:data|money|account|card) safe\b/,
    ],
    true,
  ),
  ...cue('anxious', 2, [
    /\b(?:flight|wedding|interview|surgery|appointment|exam|hearing|funeral|operation|visa|meeting|train|check-in)\b[^.!?]{0,30}\bat \d{1,2}(?::\d\d)?(?: ?[ap]m)?\b[^.!?]{0,60}\b(?:won't|can't|cannot|hasn't|haven't|isn't|not|no|still)\b/,
    /\b(?:the \w+|she|he|they|my \w+) (?:can't|cannot|is unable to|are unable to) get in\b|\b(?:alone|on (?:his|her) own) (?:inside|at home|in the house)\b/,
  ]),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:phone|card|wallet|purse|bag|laptop|car|identity|keys|passport) (?:was |has been |got |were |have been )?stolen\b|\bstole my\b|\b(?:real|genuine|legit) or (?:not|fake|a scam)\b/,
    ],
    true,
  ),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:saying|claiming|says|said) (?:he's|she's|they're|he is|she is|they are|he was|she was|they were) from (?:you|your)\b|\bno money for (?:food|rent|the rent|my kids|the kids|bills)\b|\bcan't (?:afford to eat|feed (?:my|the) (?:kids|children|family))\b/,
      /\bchange the locks\b|\bevict(?:ed|ing|ion)?\b|\bkick(?:ed)? (?:me|us) out\b/,
    ],
    true,
  ),
  // Someone at the door adds to worry; "leave it at the door" is a delivery note.
  ...cue('anxious', 0.75, [/\bat my (?:front )?door\b/]),
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:pension|salary|wages|benefits|universal credit|payment|pay) (?:payment )?(?:hasn't|has not|didn't|did not|hasnt|not) (?:gone in|arrived|come in|come through|been paid|landed|cleared)\b/,
      /\b(?:supply|power|gas|water|electricity|line|service|account|phone) (?:will be|is going to be|to be|is being|gets) (?:cut off|disconnected|suspended|closed|shut off)\b/,
    ],
    true,
  ),
  ...cue('anxious', 2, [/\bcard (?:got |was |has been |is )?(?:blocked|frozen|declined|stopped|swallowed)\b/]),
  ...cue('anxious', 0.5, [/\b(?:abroad|overseas)\b/]),
  ...cue('anxious', 2, [
    /\b(?:busiest|biggest|most important) (?:day|week|night|weekend|time)\b|\b(?:court|tribunal|hearing|visa|tax return|legal) (?:papers|documents|forms?|deadline)\b/,
    /\b(?:has|have|needs?|must) to be (?:posted|filed|delivered|collected|lodged)\b[^.!?]{0,20}\b(?:today|tonight|tomorrow|by)\b/,
  ]),
  ...cue('anxious', 2, [
    /\b(?:pacemaker|ventilator|cpap|defibrillator|life support|heart monitor|care alarm|medical equipment|stairlift)\b/,
    /\b(?:has|have|needs?|must) to be (?:in|paid|done|sent|there|submitted|signed|received)\b[^.!?]{0,20}\b(?:by|before) (?:tomorrow|tonight|today|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2} ?(?:am|pm))\b/,
    /\b(?:elderly|vulnerable|disabled|frail|pensioner|baby|newborn|pregnant|mum|mom|dad|mother|father|grandmother|grandfather|nan|gran)\b[^.!?]{0,40}\b(?:hasn't got|has not got|has no|hasn't any|doesn't have|without|no) (?:any )?(?:gas|heating|heat|power|water|electricity|hot water|food|medicine)\b/,
  ]),
  ...cue('anxious', 2, [
    /\bno (?:other )?(?:way|means) to (?:pay|get home|get money|get back|contact|reach)\b|\b(?:baby|baby's|newborn|infant)\b[^.!?]{0,40}\b(?:didn't|hasn't|has not|not|no|never|out of|ran out)\b/,
    /\b(?:fixed|sorted|done|resolved|ready|delivered|working|back up|paid|live)\b[^.!?]{0,15}\b(?:by|before) (?:\d{1,2}(?::\d\d)? ?(?:am|pm)|tonight|midnight|noon|end of (?:the )?day|close of business|eod|cob)\b/,
  ]),
  ...cue('anxious', 2, [
    /\bstranded\b|\bstuck (?:at|in) (?:the )?(?:station|airport|border|motorway|roadside)\b/,
    /\bif\b[^.!?]{0,60}\b(?:i|we)(?:'ll| will)? (?:lose|be (?:fined|charged|evicted|cut off|kicked out))\b|\b(?:losing|lose) (?:sales|money|customers|business|the (?:fixed )?rate)\b/,
    /\b(?:only|just) (?:\w+ ){0,2}(?:tablets?|pills?|doses?|insulin|medicine|medication) left\b|\b(?:tablets?|pills?|insulin|medicine|medication|prescription) (?:runs? out|for (?:one|two|\d) days?)\b/,
  ]),
  // A time of day is a deadline only with something else wrong ("I have booked the visit for 3 PM" is calm).
  ...cue('anxious', 0.75, [
    /\b(?:booked|scheduled|arranged|set|due|closes?|ends?|expires?|starts?)\b[^.!?]{0,20}\b(?:for|at|by) (?:midnight|noon|\d{1,2}(?::\d\d)? ?(?:am|pm))\b/,
  ]),
  ...cue('anxious', 1.5, [
    /\b(?:fly|flying|leave|leaving|depart\w*|travel\w*)(?: out)? (?:in the morning|first thing|at dawn|at \d)/,
    /\b(?:money|cash|£\d+|\$\d+|€\d+|\d+) (?:has been |was |were |have been )?(?:taken|withdrawn) (?:out )?(?:of|from) my account\b/,
    /\b(?:elderly|vulnerable|disabled|frail|pensioner|newborn|baby|disabled)\b[^.!?]{0,40}\b(?:no (?:heating|heat|power|water|electricity|hot water)|freezing|cold)\b|\bbelow freezing\b/,
  ]),
  ...cue('anxious', 1.5, [
    /\b(?:customers|clients|guests|patients|people) (?:are|can't|cannot) (?:\w+ ){0,2}(?:right now|waiting|trying)\b|\bqueue out the door\b|\bin time for\b/,
    /\b(?:flight|wedding|interview|surgery|appointment|exam|deadline|hearing|funeral|operation)\b[^.!?]{0,40}\b(?:on|this|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^?]{0,80}\b(?:hasn't|has not|haven't|have not|still|not (?:yet|arrived|here|come|shipped|been)|no sign|before then|by then|won't|can't|cannot)\b/,
  ]),
  // Someone close travelling alone is a worry only with the trip gone wrong: the two count together.
  ...cue('anxious', 0.75, [
    /\b(?:daughter|son|child|kid|kids|children|mum|mom|mother|dad|father|grandmother|grandfather|nan|gran|wife|husband)\b[^.!?]{0,60}\b(?:alone|on (?:his|her|their) own)\b/,
    /\b(?:train|flight|bus|connection|ferry|coach)\b[^.!?]{0,30}\b(?:cancell?ed|delayed|broke down|didn't (?:come|arrive|turn up)|never (?:came|arrived))\b|\bcancell?ed (?:the |my |her |his |our |their )?(?:train|flight|bus|connection)\b/,
  ]),
  // Weak on their own ("I'm at home right now", "what do I do with the old router?"): they only add to worry.
  ...cue('anxious', 0.5, [
    /\bright now\b|\bas we speak\b|\bwhat (?:do|should|can) (?:i|we) do\b(?! for| with)|\bwhat (?:she|he|they|i|we) should do\b/,
  ]),
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
  ...cue(
    'confused',
    2.5,
    [
      /\bwhich (?:\w+ )?(?:do|should|can|would) (?:i|we)\b|\bwhere (?:exactly |actually )?(?:do|can|should|would) i (?:\w+)\b|\bif (?:i|we) [^.!?]{0,40}\b(?:do|will|would|can|does) (?:i|we|it)\b[^.!?]{0,40}\?|\bwhat(?:'s| is) (?:that|this|it) for\b/,
      /\b(?:you|it|they|(?:the|your|my|this) \w+) (?:said|says|say|shows?|showed|states?)\b[^.!?]{0,60}\b(?:but|and now|while|whereas)\b/,
    ],
    true,
  ),
  ...cue(
    'confused',
    2.5,
    [/\bhow (?:do|will|would|can|could) (?:i|we) (?:know|tell|check|find out) (?:if|whether|when|which|what)\b/],
    true,
  ),
  ...cue('confused', 2, [
    /(?:^|[.!?]\s*)(?:(?:hmm|so|wait)[,.]? )+(?:do|does|did) (?:i|we) (?:need|have) to\b[^.!]{0,80}\?|\bwhy would (?:my|the|it|there|you)\b[^.!]{0,60}\?/,
  ]),
  ...cue('confused', 1.5, [/\btwo different (?:account numbers|numbers|amounts|prices|dates|names|balances|totals)\b/]),
  ...cue('confused', 1.5, [
    /\bwhich (?:one )?is (?:it|right|correct|true)\b/,
    /\b(?:what happens (?:to|if|with)|who do i (?:contact|call|ask|speak to)|which (?:account|form|number|plan|address)|where did (?:my|the)|(?:a )?one-off or|the same as)\b[^.!]{0,80}\?/,
  ]),
  // Confusion as an either/or question ("is it moved or …?", "do I … or can they …?"), or how a thing works.
  ...cue('confused', 2, [
    /(?:^|[.!?]\s*)(?:wait|hang on|hmm)[,.]? (?:so )?(?:is|are|do|does)\b[^.!?]{0,60}\bor\b[^.!?]{0,40}\?|(?:^|[.!?]\s*)(?:(?:so|wait|hmm|ok|okay|and|sorry)[,.]? (?:so )?)?(?:is|are|do|does|did|should|shall|will|was|were|has|have|am)\b(?! you\b)[^.!?]{0,80}\bor (?:was|is|are|were|do|does|did|can|could|will|would|should|has|have|i|we|they|she|he|someone|somebody|it|wait|just|pay|send|keep|leave|go)\b[^.!?]{0,60}\?/,
    /\bhow (?:does|do|would|will) (?:the |this |that |it |my )?[\w ]{0,30}\bwork\b[^.!]{0,60}\?|\bwhy is there (?:a|an) [^!?]{0,20}\b(?:payment|charge|fee|transaction|deposit|debit)\b/,
  ]),
  // Sadness told as a fact: a death, a hope let go, a hard time.
  ...cue(
    'sad',
    2.5,
    [
      /\b(?:mum|mom|dad|mother|father|husband|wife|son|daughter|partner|brother|sister|nan|gran|grandmother|grandfather) (?:has |had |just )?passed\b(?! (?:the|it|this|that|over|me|him|her|them|a|an|my|his|our|their|your)\b)|\b(?:before|after|since|when) (?:he|she|they|mum|dad) (?:passed|died)\b|\b(?:lost the baby|miscarriage|ashes)\b/,
      /\b(?:such a pity|what a pity|a pity|i feel (?:awful|terrible|horrible|so bad|really bad|low)|so low|feeling low|breaks? my heart|i trusted you|counting on (?:this|it|you)|last straw|(?:a |really )?hard (?:week|month|year|time)|difficult time)\b/,
      /\b(?:has been|have been|it's been|was|been) (?:spoiled|spoilt|ruined)\b/,
    ],
    true,
  ),
  // Sadness carried by what was lost: the last photo, a day that will not come again, a loyalty not returned.
  ...cue('sad', 2.5, [
    /\b(?:the )?(?:last|only) (?:photo|picture|print|letter|gift|present|thing|memory|card|recording|video)s? (?:of|from|i had of)\b/,
    /\bmissed (?:my|our|the|his|her|their) (?:\w+(?:'s)? ){0,2}(?:wedding|funeral|graduation|birthday|party|christening|anniversary|ceremony|reunion)\b/,
    /\b(?:give|bring|get) (?:us |me |them )?(?:that|the|this) (?:day|moment|time|evening|night) back\b|\bcan(?:'t| never| not) be replaced\b|\birreplaceable\b/,
    /\bi (?:really |honestly |genuinely )?thought (?:i|we) (?:mattered|meant|was worth|were worth|counted)\b|\bi feel (?:really|so|very|just|pretty|quite) (?:awful|terrible|horrible|bad|low)\b/,
  ]),
  ...cue(
    'sad',
    2.5,
    [
      /\b(?:was|were) (?:supposed|meant) to be (?:our|my|a|the|his|her) (?:\w+ ){0,2}(?:honeymoon|wedding|birthday|anniversary|surprise|special|treat|gift|present|christmas)\b|\b(?:hospice|terminal(?:ly)? ill|last (?:birthday|christmas)|final (?:days|weeks))\b/,
      /\bmy (?:late )?(?:grandad|grandpa|grandfather|grandma|granny|gran|nan|grandmother|mum|mom|dad|father|mother|husband|wife) (?:made|gave|left|built|knitted|painted|sewed|bought) (?:me )?(?:that|this|it|the)\b|\blost (?:all )?(?:my|our|the) (?:photos|pictures|memories|videos)\b/,
    ],
    true,
  ),
  ...cue(
    'sad',
    2.5,
    [
      /\bi (?:just |really |honestly )?feel (?:so |really |very |completely |totally )?(?:forgotten|invisible|ignored|unvalued|unappreciated|abandoned|worthless|like a number|like nobody cares)\b/,
      /\bdid(?:n't| not) make it\b(?! (?:on time|in time|to|through|into|onto|out))|\b(?:put down|put to sleep)\b/,
      /\b(?:is|was|has been) (?:very |seriously |terminally |really |so )?(?:ill|unwell)\b|\bdiagnosed with\b|\bin (?:a )?care home\b/,
    ],
    true,
  ),
  // A death outweighs the practical question that usually comes with it ("Mum passed on Sunday. What do I do?").
  ...cue('sad', 2, [
    /\b(?:mum|mom|dad|mother|father|husband|wife|son|daughter|partner|brother|sister|nan|gran|grandmother|grandfather) (?:has |had |just )?passed\b(?! (?:the|it|this|that|over|me|him|her|them|a|an|my|his|our|their|your)\b)|\b(?:passed away|died|funeral|bereavement|bereaved|fallecio|fallecida|fallecido|murio|amefariki|alifariki|wamefariki|nimefiwa)\b/,
  ]),
  ...cue(
    'sad',
    2.5,
    [
      /\b(?:i |now i |i just |just )feel (?:so |really |very |just )?(?:flat|deflated|rubbish|crushed|empty|awful|terrible|horrible)\b/,
    ],
    true,
  ),
  ...cue(
    'sad',
    2.5,
    [
      /\bfeel like (?:crying|i could cry|bursting into tears)\b|\bmy last (?:£|\$|€)?\d+|\bmy last (?:money|pound|penny|savings)\b/,
    ],
    true,
  ),
  ...cue('sad', 1.5, [
    /\b(?:present|gift|cake|flowers|dress|outfit|bouquet) for (?:my|our|the|his|her) [^.!?]{0,30}\b(?:christening|wedding|birthday|funeral|anniversary|graduation|party)\b/,
  ]),
  ...cue('sad', 2, [
    /\b(?:been|it's|it has|it is|a) (?:really |very |so )?bad (?:week|month|year|day|time)\b|\bsaving for\b[^.!?]{0,30}\b(?:since|for (?:years|months|ages))\b/,
  ]),
  ...cue('sad', 2, [
    /\b(?:rough|tough|hard|difficult|awful|horrible) (?:year|few months|few weeks|time|week|month)\b|\bcheer (?:me|us|her|him) up\b|\bi feel (?:physically )?sick\b|\blost (?:the|my|our) (?:house|home|deposit|savings|flat|place)\b/,
  ]),
  ...cue('sad', 1.5, [
    /\b(?:saved|planned|been planning|looking forward)\b[^.!?]{0,30}\bfor (?:months|years|two years|ages|a year|so long)\b|\b(?:it's|it is) (?:a lot|too much|overwhelming)\b|\boverwhelmed\b/,
  ]),
  ...cue('sad', 1.5, [
    /\bnot what (?:i|we) (?:hoped|wanted|expected|dreamed)\b/,
    /\b(?:manage|managing|cope|coping|deal|dealing) (?:\w+ ){0,3}(?:alone|on my own|by myself)\b/,
  ]),
];
