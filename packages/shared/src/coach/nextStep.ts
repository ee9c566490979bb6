import type { CoachContext, CoachSuggestion } from '../coach.ts';
import { anyOf, find, needsCare } from './text.ts';

const DEAD_END = anyOf([
  "(?<!\\b(?:not|isn't|wasn't|nothing's|nothing is|never) )impossible",
  'nothing (?:else |more )?(?:that )?(?:we|I) can do',
  "(?:can't|cannot|can not|unable to|not able to|won't be able to) (?:help|do anything)",
  "(?<!\\bif (?:it|that|this)(?:'s| is) )not possible",
  'no way (?:to|for|we|I|of)',
  "there's no way|there is no way",
  'out of (?:my|our) hands',
]);

const ALTERNATIVE = anyOf([
  '(?<!\\bno (?:other )?)(?:alternatives?|options?)|instead|alternatively|another way|workaround|in the meantime|meanwhile',
  "what (?:I|we) can do|(?<!\\bnothing (?:else |more )?(?:that )?)(?:I|we) can(?!'t|not| not)|(?:I|we|you) could|how about|would you like|happy to|glad to|let me",
  "(?:I|we)(?:'d| would)? (?:like to |can )?offer|I'll (?:gladly )?(?:offer|send|arrange|try|ask|see|check|look)",
]);
const BUT_AFTER = /\b(?:but|however|though)\b/i;

/** "Not possible" with nothing offered instead. */
export function deadEnd(text: string): CoachSuggestion | null {
  const span = find(text, DEAD_END);
  if (!span || ALTERNATIVE.test(text) || BUT_AFTER.test(text.slice(span[1]))) return null;
  return {
    rule: 'dead_end',
    severity: 'important',
    message: 'This may feel like a dead end to them. Add what you can do instead.',
    example: "I can't do that, but what I can do is …",
    span,
  };
}

const HANDLED =
  'looked (?:into|at)|checked|investigated|reviewed|escalated|passed (?:on|to)|forwarded|raised|logged|handled|dealt with|' +
  'sorted(?: out)?|resolved|fixed|processed|followed up|addressed|actioned|assessed|picked up|contacted|called|notified|updated';
const ACTION =
  'get back|come back|call|ring|phone|e-?mail|message|text|write|update|let you know|send|contact|follow up|check|look|chase|' +
  'refund|arrange|sort|fix|confirm|reply|respond|be in touch|investigate|escalate|find out|keep you posted|review|process|' +
  'raise|dispatch|post|ship|replace|credit|reach out|handle|deal';
const SOMEONE_ELSE =
  'someone|somebody|a colleague|one of (?:our|the) (?:team|colleagues|agents|engineers|specialists)|' +
  '(?:the|our) (?:relevant |technical |tech |support |billing |delivery |returns |warehouse |specialist |engineering |accounts )?' +
  '(?:team|department|engineers?|specialists?|warehouse|manager|supervisor)';

const NOT_ME = [
  `(?:will|shall|should|is going to|are going to|'ll) (?:now |soon |then )?be (?:${HANDLED})`,
  '(?:has|have) been (?:escalated|passed (?:on|to)|forwarded|raised|logged|referred)',
  `(?:${SOMEONE_ELSE}) (?:will|should|shall|is going to|are going to|'ll|can) (?:\\w+ )?(?:${ACTION})`,
];
const PASSIVE_OR_THIRD_PERSON = anyOf(NOT_ME);
const OWNED = anyOf([
  "I will|I'll|I've|I have|I'm going to|I am going to|I shall|I'd|let me|I personally|myself|I'm on it",
  "I'm (?:now |already |personally )?\\w+ing|I am (?:now |already )?\\w+ing|I can(?!'t|not| not)",
]);

/** The fix described as something that happens to it, with no one in it. */
export function ownership(text: string, context: CoachContext): CoachSuggestion | null {
  const span = find(text, PASSIVE_OR_THIRD_PERSON);
  if (!span || OWNED.test(text)) return null;
  return {
    rule: 'ownership',
    severity: needsCare(context) ? 'important' : 'tip',
    message: "This doesn't say who will do it. Telling them you own the next step reassures them.",
    example: "I'll look into this myself and update you by 4 pm.",
    span,
  };
}

const PROMISE = anyOf([
  `(?:I'll|I will|we'll|we will|I'm going to|I am going to|we're going to|we are going to|I shall|we shall) (?:\\w+ )?(?:${ACTION})`,
  "you'll hear (?:back )?from (?:me|us)|will get back to you|will be in touch",
  ...NOT_ME,
]);
const DAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTH = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
const WHEN = anyOf([
  '\\d{1,2}(?:[:.]\\d{2})? ?(?:am|pm|a\\.m|p\\.m)',
  '\\d{1,2}:\\d{2}',
  `today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|next (?:week|month|${DAY})|${DAY}`,
  'end of (?:the )?(?:day|week|business|today)|eod|cob|noon|midday|lunchtime',
  '(?:within|in|under) (?:the |an |a |one |two |three |five |ten |\\d+(?:[-–]\\d+)? |a few |a couple of |the next )?(?:\\w+ )?(?:minutes?|mins?|hours?|hrs?|days?|weeks?)',
  'right now|now|right away|straight away|immediately|at once',
  `\\d{1,2}(?:st|nd|rd|th)|(?:${MONTH})\\w* \\d{1,2}|\\d{1,2} (?:${MONTH})`,
]);
const VAGUE = anyOf([
  'soon|shortly|asap|a\\.s\\.a\\.p|as soon as (?:possible|I can|we can)|in due course|at some point|in a (?:bit|while)',
  'later|when (?:I|we) can|at the earliest opportunity|eventually|(?:in|over) the (?:coming|next few) days',
]);

/** A promise without a time the customer can hold us to. */
export function nextStep(text: string, context: CoachContext): CoachSuggestion | null {
  const promise = find(text, PROMISE);
  if (!promise || WHEN.test(text)) return null;
  const vague = find(text, VAGUE);
  const severity = needsCare(context) ? 'important' : 'tip';
  const example = "I'll update you by 3 pm today.";
  if (vague) {
    return {
      rule: 'next_step',
      severity,
      message: 'That can mean anything. Give a time they can hold you to.',
      example,
      span: vague,
    };
  }
  return { rule: 'next_step', severity, message: "Say when they'll hear from you: a time builds trust.", example, span: promise };
}
