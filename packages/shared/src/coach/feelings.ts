import type { CoachContext, CoachSuggestion } from '../coach.ts';
import type { Emotion } from '../domain.ts';
import { anyOf, firstOfLists, hasWords, isUpset } from './text.ts';

const FEELING =
  'frustrat\\w*|worr\\w*|stress\\w*|upset\\w*|annoy\\w*|disappoint\\w*|awful|terrible|infuriating|scary|' +
  'distressing|heartbreaking|painful|confusing|inconvenien\\w*|horrible|a pain|rubbish|maddening|exhausting';

const APOLOGY = [
  'sorry',
  'apologi[sz]e',
  'apologies',
  'forgive',
  "(?:that's|this is|it's|it was|that was|this was) (?:entirely |completely |totally |all )?(?:my|our) (?:fault|mistake|error)",
  'we (?:let you down|got (?:this|that|it) wrong|dropped the ball|messed (?:this |that |it )?up|made a mistake)',
  // Swahili and a few other languages agents mix in.
  'pole(?= *(?:sana|kwa|[,.!]|$))',
  'samahani',
  '(?:tunaomba|naomba|tunakuomba) radhi',
  'lo siento',
  'disculp\\w*',
  'd[ée]sol\\w*',
  'es tut (?:mir|uns) leid',
  'entschuldig\\w*',
  'desculp\\w*',
  'mi dispiace',
];

const UNDERSTANDING = [
  'I (?:completely |totally |fully |really |do )?(?:understand|hear you|see why|see how|appreciate how|can (?:only )?imagine)',
  `I (?:can )?(?:see|understand) (?:why|how)|I know how (?:${FEELING}|hard|difficult|much)`,
  'I (?:completely |totally |really )?get (?:it|why|that|how)',
  'understandabl[ey]',
  '(?:that|this) must (?:be|have been|feel)',
  `(?:you )?must (?:be|have been|feel|have felt) (?:so |really |very |quite |incredibly |extremely )?(?:${FEELING}|hard|difficult)`,
  `(?:how|so|really|very|incredibly|understandably) (?:${FEELING})`,
  `(?:that|this|it)(?: sounds| is| was| has been|'s) (?:so |really |very |incredibly |genuinely )?(?:${FEELING}|unacceptable|not (?:good enough|ok|okay|acceptable|right|fair))`,
  'what a (?:pain|shame|worry|nightmare)',
  'you deserve better',
  "you shouldn't have (?:to|had to)",
  "you're right|you are right|you have every right",
  'condolences|sad to hear|heart goes out',
  'tunasikitika|nasikitika',
];

/** Reassurance answers worry; clarity answers confusion. */
const REASSURANCE = [
  "don't worry|no need to worry|rest assured|you're in (?:good|safe) hands|you are in (?:good|safe) hands",
  "you're safe|your (?:money|account|data) is safe|I've got (?:this|you)|I'm on it|nothing to worry about",
];
const CLARITY = [
  'let me explain|to clarify|to be clear|in short|in plain (?:words|terms|english)|good question',
  "here's what (?:happened|this means|to do)|what this means is|simply put|put simply",
];

const ACKNOWLEDGED = anyOf([...APOLOGY, ...UNDERSTANDING]);
const APOLOGISED = anyOf(APOLOGY);
const REASSURED = anyOf(REASSURANCE);
const CLARIFIED = anyOf(CLARITY);

const ACKNOWLEDGEMENTS: Partial<Record<Emotion, { message: string; example: string }>> = {
  angry: {
    message: "They sound angry. Start by saying sorry and that you'll own putting it right.",
    example: "I'm sorry — this isn't the service you should get, and I'm going to sort it out myself.",
  },
  frustrated: {
    message: 'They sound frustrated. Acknowledge it, say sorry, and own the fix.',
    example: "I'm sorry you've had to chase this. I'm taking it from here.",
  },
  anxious: {
    message: 'They sound worried. A line of reassurance first will help them breathe.',
    example: "I understand this is worrying — you're in good hands, and I'm on it now.",
  },
  sad: {
    message: 'They sound let down. A word of care before the details goes a long way.',
    example: "I'm so sorry to hear that. Let me take care of this for you.",
  },
  confused: {
    message: 'They sound unsure. Acknowledge the confusion, then explain it plainly.',
    example: 'Sorry for the confusion — let me explain it simply.',
  },
};

/** An upset customer hears their feeling named before the details. */
export function acknowledge(text: string, context: CoachContext): CoachSuggestion | null {
  const emotion = context.customerEmotion;
  if (!isUpset(context) || !hasWords(text, 3)) return null; // a reply of one or two words is still being written
  if (context.serviceFailure) {
    if (APOLOGISED.test(text)) return null;
    return {
      rule: 'acknowledge',
      severity: 'important',
      message: "This went wrong on our side. A plain apology first, then how you'll put it right.",
      example: "I'm sorry — we got this wrong, and I'm going to put it right myself.",
    };
  }
  if (ACKNOWLEDGED.test(text)) return null;
  if (emotion === 'anxious' && REASSURED.test(text)) return null;
  if (emotion === 'confused' && CLARIFIED.test(text)) return null;
  const fit = (emotion && ACKNOWLEDGEMENTS[emotion]) ?? {
    message: 'They seem upset. Acknowledging how they feel first helps.',
    example: "I'm sorry about this — I can see why you're upset.",
  };
  return { rule: 'acknowledge', severity: 'important', ...fit };
}

// Blame and policy-speak

const BLAME: { phrases: string[]; message: string; example: string }[] = [
  {
    phrases: [
      '(?:as per|according to|in line with|in accordance with|under) (?:our|the|company|store) (?:\\w+ )?polic(?:y|ies)',
      "(?:it's|it is|this is|that's|that is) (?:our |company |store )?policy",
      "our polic(?:y|ies) (?:states?|says|is|are|does not|doesn't)",
      'company policy',
    ],
    message: 'Pointing to policy can feel like a wall. Explain the reason in plain words, then what you can do.',
    example: "The reason we ask for this is … — here's what I can do for you:",
  },
  {
    phrases: [
      // "You should have received an email" and "you should have been told" are our miss, not theirs.
      "you should(?: have|'ve)\\b(?! (?:already )?(?:received|got|gotten|been|had|heard|seen)\\b)",
      'you (?:failed|neglected|forgot) to',
      "(?:you need to|you have to|you should|you'll need to) (?:re-?)?read (?:the |our )?(?:terms|t&cs|policy|instructions|manual|faq|email|description|small print|conditions|it properly|it carefully|it again)",
      "if you (?:had|would have|'d) (?:read|checked|followed|looked)",
      '(?:as )?you (?:were|have been) (?:already |clearly )(?:told|informed|advised|warned)|as you were (?:told|informed|advised)',
      "you didn't (?:read|follow|check)",
      '(?:it|this|the \\w+) clearly (?:says|states|stated|said)',
    ],
    message: 'This may read as blame. Try focusing on the fix, and on what helps next time.',
    example: "To get this sorted, I'll … Next time, a quick way is …",
  },
  {
    phrases: [
      "as (?:I|we)(?:'ve)? (?:have )?(?:already |previously )?(?:said|mentioned|explained|told you|stated|advised)",
      'as (?:previously|already) (?:mentioned|stated|explained|advised)',
      'as (?:mentioned|stated|explained) (?:before|earlier|previously|already|above)',
      "I(?:'ve| have)? already (?:told|explained|said)",
      'like I (?:said|told you)',
      'for the (?:second|third|last) time',
    ],
    message: 'This can sound impatient. A short, friendly recap works better.',
    example: 'To recap: …',
  },
  {
    phrases: [
      'not (?:our|my) (?:fault|problem|responsibility)',
      "(?:isn't|wasn't) (?:our|my) (?:fault|problem|responsibility)",
      'nothing to do with (?:us|me)',
    ],
    message: 'Whose fault it was matters less to them than the fix. Try owning the next step.',
    example: "I'm sorry this happened — here's what I'll do to put it right.",
  },
  {
    phrases: [
      'calm down',
      'settle down',
      "(?:no need to|please don't|please do not|stop) (?:shout|yell|be rude|get (?:so )?(?:upset|angry|worked up)|overreact|panic)\\w*",
      "don't (?:panic|overreact)",
    ],
    message: 'Being told to calm down rarely calms anyone. Try naming the feeling instead.',
    example: 'I can hear how frustrating this has been.',
  },
];

const findBlame = firstOfLists(BLAME.map((kind) => kind.phrases));

/** Phrases that point at the customer, the rules or the past instead of the fix. */
export function blame(text: string): CoachSuggestion | null {
  const found = findBlame(text);
  if (!found) return null;
  const { message, example } = BLAME[found.list]!;
  return { rule: 'blame', severity: 'important', message, example, span: found.span };
}
