import { type Cue, cue } from './cue.ts';

/** Word cues, read on the prepared lower-case text. */
export const EN_WORD_CUES: Cue[] = [
  // Anger: contempt, accusation, threats to leave or escalate.
  ...cue(
    'angry',
    2.5,
    [
      /\b(?:furious|fuming|livid|outraged|outrageous|disgusted|disgusting|disgrace(?:ful)?|appalling|appalled)\b/,
      /\b(?:unacceptable|ridiculous|pathetic|incompetent|useless|shambles|joke of a|a joke|complete joke|total joke|absolute joke|scam(?:mers)?|rip[- ]?off|thieves|robbery|daylight robbery|con artists)\b/,
      /\b(?:worst (?:service|company|experience|customer)|never again|never (?:using|buy(?:ing)?|shop(?:ping)?|fly(?:ing)?) (?:with|from|here))\b/,
      /\b(?:how dare|what the hell|bloody|damn|crap|shit|fuck\w*|screw you|sick and tired)\b/,
      /\b(?:my|our) (?:lawyer|solicitor)s? (?:will|is|are|has|have|'ll)\b|\b(?:go(?:ing)?|went|gone|speak\w*|spoke\w*|talk\w*|refer\w*|pass\w*|hand\w*|consult\w*|contact\w*|instruct\w*|involv\w*|get(?:ting)?)\b[^.!?]{0,20}\b(?:lawyer|solicitor)s?\b|\b(?:sue you|legal action|small claims|ombudsman|trading standards|report you|chargeback)\b/,
      // A bare order to cancel is anger; "please cancel my subscription at the end of the month" is a request.
      /(?:^|[.!?]\s*)cancel (?:my|the|our) (?:account|contract|subscription|order|service)\b|\b(?:taking my business elsewhere|switching to)\b/,
      /\b(?:anger|angry|so mad|pissed off|hate (?:you|this|your))\b/,
      /\b(?:are you (?:kidding|joking|serious)|you(?:'re| are|'ve got to be) (?:kidding|joking)|seriously\?)/,
    ],
    true,
  ),
  ...cue('angry', 1.5, [
    /\b(?:speak to|talk to|get me|put me through to) (?:a|your|the) (?:manager|supervisor|someone senior|boss)\b/,
  ]),
  // Frustration: waiting, chasing, repeating, things that keep failing.
  ...cue('frustrated', 2, [
    /\b(?:third|3rd|fourth|4th|fifth|second|2nd) time\b/,
    /\b(?:\d+|two|three|four|five|six|several|many|multiple|countless|so many) times\b/,
    /\b(?:nobody|no one|no-one|noone)(?: (?:has|have|is|ever|even))? (?:answers?|answered|replie[sd]|reply|respond(?:s|ed)?|gets? back|got back|called|calls|picks up|picked up|helps?|bothered|contacted)\b/,
    /\b(?:been waiting|still waiting|waiting (?:for|since) (?:over |more than |nearly |almost )?(?:\d+|a|an|two|three|four|five|six|several|weeks?|days?|hours?|months?|ages))\b/,
    /\b(?:still (?:not|no|haven't|hasn't|hasnt|havent|nothing|waiting|broken|charging|getting|can't|cannot|doesn't|isn't|won't|don't|the same|down|off|missing)|yet again|once again|again and again|every single time)\b/,
    /\b(?:chasing|chased|keeps? (?:getting|being|asking|calling|telling|saying|sending|charging|cancell?ing)|kept (?:on hold|waiting)|on hold for|round in circles|passed (?:around|from)|transferred (?:\w+ )?(?:times|again)|no (?:response|reply|answer|update|one gets back)|heard nothing|zero (?:response|updates?))\b/,
    /\b(?:fed up|tired of|sick of|had enough|enough is enough|exhausted with|waste of (?:my )?time|wasted (?:my|an|a|hours|days|the) ?\w*)\b/,
    /\b(?:for (?:days|weeks|months|ages|hours)|(?:two|three|four|five|six|\d+) (?:weeks|days|months|hours) (?:now|later|and)|since (?:last|monday|tuesday|wednesday|thursday|friday|january|february|march|april|may|june|july|august|september|october|november|december))\b/,
    /\b(?:\d+|two|three|four|five|six|several|a few|ten) (?:days|weeks|months) ago\b/,
    /\b(?:i (?:already|have already) (?:told|explained|sent|called|emailed|asked|given)|as i (?:said|mentioned|explained)|how many times)\b/,
    /\b(?:not working|doesn't work|does not work|won't work|stopped working|keeps (?:crashing|dropping|failing|cutting|freezing|timing out|erroring|declining|rejecting|logging me out)|nothing works|still broken)\b/,
    /\b(?:annoying|annoyed|frustrat\w*|irritat\w*|aggravat\w*|hassle|nightmare|what is going on|what's going on|why is it so hard)\b/,
  ]),
  ...cue('frustrated', 0.75, [/\bstill\b/]),
  ...cue('frustrated', 1, [
    // "Again" of chasing, not of introducing oneself ("hi, it's Halima again").
    /\bagain\b(?<!thanks again|thank you again|(?:hi|hello|hey),? (?:it is|it's|this is) [a-z]+ again)/,
    /\bwhy (?:is|are|do|does|did|can't|hasn't|haven't|isn't|won't)\b/,
  ]),
];

/** Loss and damage: a service failure; counted only when the message is not otherwise glad ("refund received, thanks"). */
export const EN_LOSS_CUES: Cue[] = [
  // The customer's own slip ("I ordered the wrong size") is a request, not a failure.
  ...cue(
    'frustrated',
    1.5,
    [/\bwrong (?:item|size|order|colour|color|bill|amount|address|date|product|model)\b/],
    /\b(?:i|we) (?:\w+ )?(?:ordered|picked|chose|selected|bought|booked|entered|typed|put in|clicked|sent|gave|got)(?: it)? (?:the |a |an |in the )?$|\bmy (?:own )?$|\bi (?:put|used) (?:the |a )?$/,
  ),
  ...cue('frustrated', 1.5, [
    /\b(?:broken|broke|breaks|damaged|smashed|cracked|faulty|defective|lost|stolen|missing|never arrived|never received|not received|not delivered|scratched|dented|torn|ripped|stained|soaked|crushed|squashed|shattered|overcharged|double charged|charged (?:me )?twice|charged again|refund|money back|cut off|disconnected|outage|no (?:power|signal|internet|service|water))\b/,
  ]),
];

/** Word cues for the other feelings, read on the prepared lower-case text. */
export const EN_FEELING_CUES: Cue[] = [
  // Anxiety: urgency, worry, deadlines, security.
  ...cue(
    'anxious',
    2.5,
    [
      /\b(?:worried|worrying|anxious|nervous|scared|afraid|frightened|panic\w*|stressed|terrified|concerned|freaking out)\b/,
      /\b(?:urgent(?:ly)?|emergency|as soon as possible|immediately|right away|time sensitive|desperate(?:ly)?)\b/,
      /\b(?:hacked|fraud(?:ulent)?|unauthori[sz]ed|suspicious (?:transaction|payment|login|email|activity)|someone (?:else )?(?:used|accessed|logged))\b/,
      /\b(?:is (?:this|that|it) (?:real|legit|genuine|a scam|safe)|only (?:have|got) (?:\d+|one|two|three|a few) (?:days?|hours?|minutes?) left|running out of)\b/,
      /\b(?:locked out|can't (?:access|log ?in|get into|sign in)|cannot (?:access|log ?in|sign in)|unable to (?:access|log ?in|sign in))\b/,
    ],
    true,
  ),
  ...cue('anxious', 1.5, [
    /\b(?:flight|train|wedding|interview|surgery|appointment|exam|move|moving|deadline|event|party|trip|holiday|visa)\b.{0,40}\b(?:tomorrow|tonight|today|this (?:morning|afternoon|evening|weekend|friday|monday)|in (?:\d+|a few|two|three) (?:hours|days))\b/,
    /\b(?:leaves?|leaving|departs?|starts?|closes?|expires?|due) (?:in (?:\d+|a few|two|three) (?:hours|minutes)|tomorrow|tonight|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/,
    /\b(?:fly|flying|travel(?:l?ing)?|leave|leaving) (?:on|this) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)\b/,
    /\b(?:tomorrow|tonight|today|in (?:\d+|a few|two) hours)\b.{0,40}\b(?:flight|wedding|interview|surgery|appointment|deadline|leave|leaving|fly|travel)\b/,
    /\b(?:will i|am i going to|what if|what happens if|in time|before (?:tomorrow|friday|the weekend|my)|need it by|need this (?:sorted|fixed|done) (?:by|before|today)|running out of time|help me please|please help)\b/,
    /\b(?:my (?:baby|child|son|daughter|mother|father|mum|mom|dad)\b.{0,40}\b(?:medicine|medication|oxygen|no heating|no power|sick|ill))\b/,
  ]),
  // Confusion: not understanding what happened or what to do.
  ...cue(
    'confused',
    2.5,
    [
      /\b(?:i don't understand|i do not understand|don't get (?:it|this|why|what|how)|confused|confusing|makes no sense|doesn't make sense|does not make sense|not clear|unclear|baffled|puzzled|lost as to)\b/,
      /\b(?:what does\b.{0,40}\bmean|what do you mean|what is (?:this|that) (?:charge|fee|message|error|letter)|what's (?:this|that) (?:charge|fee))\b/,
      /\b(?:not sure (?:how|what|why|where|which|if|whether)|no idea (?:how|what|why|where|which)|i don't know (?:how|what|why|where|which|if)|can (?:you|someone) explain|could (?:you|someone) explain|please explain)\b/,
      /\b(?:i'm (?:a bit |so |really |very )?lost|which one (?:do|should)|am i supposed to|where do i (?:find|go|click)|where is the (?:button|option|setting|link))\b/,
    ],
    true,
  ),
  ...cue('confused', 1.5, [
    /\b(?:how (?:do|can|should) i|how does (?:this|it|the)|how to)\b/,
    /\b(?:why (?:was|am|have|has|is|did) (?:i|my|this|there)\b.{0,30}\b(?:charged|billed|fee|cancelled|different|higher|changed|twice))\b/,
    /\b(?:supposed to|meant to|does (?:this|that) mean|is (?:this|that) normal|did i do something wrong|huh|the difference between|or not\?|which (?:one|of))/,
    /\b(?:but|yet|though)\b[^.!?]{0,80}\?/,
    /\b(?:you|it|they|the \w+) (?:said|says|say)\b[^.!?]{0,60}\b(?:but|and now|or|both)\b/,
  ]),
  // Sadness: loss, disappointment, being let down personally.
  ...cue(
    'sad',
    2.5,
    [
      /\b(?:sad|heartbroken|heartbreaking|devastated|gutted|crushed|crying|cried|cry|in tears|feeling (?:really |so |very )?down|upset|depressed|miserable|lonely|hurt|broke my heart)\b/,
      /\b(?:disappointed|disappointing|let down|so let down|saddened|unhappy)\b/,
      /\b(?:passed away|died|funeral|bereavement|memorial|my late \w+|lost my (?:husband|wife|mother|father|mum|mom|dad|job|son|daughter|partner))\b/,
      /\b(?:ruined|spoiled|spoilt)\b.{0,30}\b(?:birthday|anniversary|wedding|holiday|christmas|day|surprise|gift|present)\b/,
    ],
    true,
  ),
  ...cue('sad', 1, [
    /\b(?:ruined|(?:all|so|feel|feeling|very|first \w+) alone|alone (?:now|again|this)|it hurts|(?:was|were) (?:so |really )?(?:excited|looking forward)|unfortunately|sadly|such a shame|what a shame|it's a shame|shame|i miss|was really looking forward|had high hopes|expected better|used to be (?:good|great|better))\b/,
  ]),
  // Gratitude.
  ...cue('grateful', 2.5, [
    /\b(?:thank you so much|thanks so much|thanks a million|many thanks|much appreciated|really appreciate|truly appreciate|so grateful|very grateful|grateful|thank you for (?:your|all|the|sorting|fixing|helping|being)|thanks for (?:your|all|the|sorting|fixing|helping|being|getting)|pass on my (?:thanks|gratitude)|my thanks|thanks to (?:you|your|the)|you've been (?:so |very |really )?helpful|(?:want|wanted|like|wish) to (?:say (?:a (?:big |huge )?)?)?thank(?:s| you)?|so helpful|very helpful|really helpful|lifesaver|life saver|you're a star|legend|above and beyond|kind of you|cheers for)\b/,
  ]),
  ...cue('grateful', 1.5, [/\b(?:thanks|thank you|cheers|appreciated?|ta)\b/]),
  // Delight.
  ...cue(
    'delighted',
    2.5,
    [
      /\b(?:love (?:it|them|this|the|my|your)|loving|amazing|awesome|fantastic|brilliant|excellent|wonderful|superb|outstanding|incredible|perfect|perfectly|flawless(?:ly)?|spot on|delighted|thrilled|overjoyed|over the moon|so happy|really happy|very happy|ecstatic|beyond happy|exceeded|blown away|impressive|game changer|(?:easiest|smoothest|quickest|fastest|best|nicest) \w+ (?:i've|i have|we've|we have) ever|never been this (?:fast|good|easy|quick)|best (?:customer )?(?:service|company|purchase|experience|support|bank|shop)|the best \w+ (?:i've|i have|we've|we have) (?:ever )?(?:had|used|bought|seen)|can't wait|cannot wait|five stars|5 stars|10\/10|wow|yay|woohoo|hooray)\b/,
    ],
    true,
  ),
  ...cue('delighted', 1, [/\b(?:great|happy|glad|pleased|lovely|nice|beautiful|impressed|smooth|quick|fast)\b/], true),
];

/** Courtesy that is not gratitude: thanks for help not yet given. */
export const COURTESY_THANKS =
  /\b(?:thanks|thank you) in advance\b|\bthanks,? (?:\w+ )?$|\bthanks for (?:nothing|wasting|your patience)\b/;

/** Sarcasm: praise words wrapped round a complaint; they read as negative. */
export const SARCASM = [
  /\b(?:great|brilliant|wonderful|fantastic|perfect|lovely|awesome|superb),? just (?:great|brilliant|wonderful|fantastic|perfect|lovely|awesome)\b/,
  /\b(?:great|brilliant|wonderful|fantastic|perfect|lovely|awesome|superb|oh good|excellent)[,.!]* (?:yet )?another\b/,
  // A one-word "Brilliant." closing a question or complaint.
  /\?\s*(?:brilliant|great|perfect|wonderful|fantastic|lovely|marvellous|super|excellent|genial|perfecto|estupendo)[.!]*\s*$/,
  // Praise said flat after a complaint ("An automated reply. How helpful."), or an interjection of praise opening one.
  /^(?![\s\S]*\b(?:thank|thanks|gracias|asante)\b)[\s\S]*\bhow (?:helpful|useful|convenient|reassuring)[.!]*\s*$|\bque (?:util|utiles)[.!]*\s*$/,
  /\b(?:ay|uy|vaya),? que (?:maravilla|bien|bonito|util|detalle)\b/,
  /\bthanks for nothing\b|\bthanks a (?:lot|bunch) for nothing\b|\bthanks for wasting\b/,
  /\b(?:oh|wow|yeah|ah),? (?:great|wonderful|brilliant|fantastic|perfect|lovely|nice|awesome|good|excellent)\b/,
  /\b(?:love|loving|just love|really love|enjoy|enjoying) (?:waiting|being (?:ignored|on hold|passed|transferred|charged|lied)|how|it when|paying for|spending|the hold music)\b/,
  /\b(?:yeah right|sure you (?:will|are|did)|as if|real(?:ly)? helpful,? not|what a (?:great|wonderful|fantastic|brilliant) (?:service|job|experience)[^.!?]{0,40}\b(?:not|never|still|wait|again|nobody|no one))\b/,
  /\b(?:great|wonderful|brilliant|fantastic|amazing|excellent) (?:service|job|work),? (?:\w+ ){0,3}(?:really|guys|again|as always)\b.{0,60}\b(?:still|again|never|not|nobody|no one|waiting|broken)\b/,
  /\bclassic\b.{0,20}\b(?:again|another)\b|\bwell done\b.{0,40}\b(?:again|broken|lost|wrong|never)\b/,
  /\b(?:good job|well done|congratulations|bravo)\b[^.!?]{0,40}\b(?:losing|breaking|charging|ignoring|ruining|wrong)\b/,
];

/** Emoji and emoticons, read on the original text; each is a strong cue on its own. */
export const EMOJI_CUES: Cue[] = [
  ...cue('angry', 2.5, [/😡|🤬|👿|💢|😠|🖕/u]),
  ...cue('frustrated', 2.5, [/😤|🙄|😒|😩|😫|🤦|😑/u]),
  ...cue('anxious', 2.5, [/😟|😰|😨|😧|😬|😥|😱/u]),
  ...cue('confused', 2.5, [/🤔|😕|🤷|😵|❓/u]),
  ...cue('sad', 2.5, [/😢|😭|😞|☹|🙁|💔|🥺|😔|:'\(|:-?\(/u]),
  ...cue('grateful', 2.5, [/🙏|🤝|💐/u]),
  ...cue('grateful', 1.5, [/👍|❤|♥|💕|💖|💙|💚|😘/u]),
  ...cue('delighted', 2.5, [/😊|😍|🎉|🥰|😁|😀|😃|😄|🤩|🥳|😆|🎊|✨|💯|🙌|:-?\)|:D\b/u]),
];
