import { describe, expect, it } from 'vitest';
import { COACH_MAX_SHOWN, type CoachContext, type CoachRule, type CoachSuggestion, coachReply } from './coach.ts';
import type { Emotion } from './domain.ts';

const calm: CoachContext = { customerEmotion: 'neutral', customerUpset: false };
const feeling = (emotion: Emotion, extra: Partial<CoachContext> = {}): CoachContext => ({
  customerEmotion: emotion,
  customerUpset: ['angry', 'frustrated', 'anxious', 'sad'].includes(emotion),
  ...extra,
});

const rules = (draft: string, context: CoachContext = calm): CoachRule[] => coachReply(draft, context).map((s) => s.rule);
const suggestion = (draft: string, rule: CoachRule, context: CoachContext = calm): CoachSuggestion | undefined =>
  coachReply(draft, context).find((s) => s.rule === rule);
/** The words of the draft that prompted a suggestion. */
const flagged = (draft: string, rule: CoachRule, context: CoachContext = calm): string | undefined => {
  const span = suggestion(draft, rule, context)?.span;
  return span && draft.slice(span[0], span[1]);
};

describe('acknowledge: an upset customer hears their feeling named first', () => {
  it.each<[Emotion, string, RegExp]>([
    ['angry', 'Your order is on its way and should arrive on Thursday.', /sorry/i],
    ['frustrated', 'The parcel was scanned at the Leeds depot this morning and is out for delivery.', /sorry/i],
    ['anxious', 'Your booking reference is QX4471 and the flight is confirmed for 07:40.', /good hands|worrying/i],
    ['sad', 'A replacement bouquet can go out with tomorrow morning’s van.', /so sorry to hear/i],
  ])('a %s customer and a draft that goes straight to the facts', (emotion, draft, example) => {
    const found = suggestion(draft, 'acknowledge', feeling(emotion));
    expect(found?.severity).toBe('important');
    expect(found?.example).toMatch(example);
    expect(found?.span).toBeUndefined();
  });

  it('angry and frustrated get an apology with ownership; anxious reassurance; sad care', () => {
    const draft = 'The technician visit is booked for the 14th.';
    expect(suggestion(draft, 'acknowledge', feeling('angry'))?.message).toMatch(/sorry.*own/i);
    expect(suggestion(draft, 'acknowledge', feeling('frustrated'))?.message).toMatch(/sorry.*own/i);
    expect(suggestion(draft, 'acknowledge', feeling('anxious'))?.message).toMatch(/reassurance/i);
    expect(suggestion(draft, 'acknowledge', feeling('sad'))?.message).toMatch(/care/i);
  });

  it('a confused customer flagged upset is offered clarity', () => {
    const found = suggestion('The charge is the annual fee for the plan.', 'acknowledge', {
      customerEmotion: 'confused',
      customerUpset: true,
    });
    expect(found?.message).toMatch(/confusion/i);
    expect(found?.example).toMatch(/explain/i);
  });

  it('an upset flag without a label still asks for an acknowledgement', () => {
    expect(
      rules('Your refund has been issued to the card ending 4471.', { customerEmotion: null, customerUpset: true }),
    ).toContain('acknowledge');
  });

  it.each([
    "I'm sorry, your order is on its way and should arrive Thursday.",
    'I’m so sorry — the parcel was held at the depot.',
    'Apologies for the wait. The parcel left the depot this morning.',
    'My apologies, the engineer was sent to the wrong address.',
    'I understand how frustrating this is. The parcel left the depot this morning.',
    'That must be worrying. Your account is locked, so nobody can use the card.',
    "I can see why you're upset — the invoice was sent twice.",
    'I completely get why you are annoyed, the line dropped again.',
    "That's not good enough, and the engineer will be there at 9.",
    "You're right, the box should have arrived on Monday.",
    'You deserve better than three missed deliveries.',
    'How frustrating to be cut off twice in one morning.',
    'Pole sana, the flowers will be replaced tomorrow morning.',
    'Pole sana kwa usumbufu — your new router ships today.',
    "We got this wrong, and here's what happens next.",
    'APOLOGIES, the parcel left the depot this morning.',
  ])('no suggestion when the draft already acknowledges: %s', (draft) => {
    expect(rules(draft, feeling('angry'))).not.toContain('acknowledge');
  });

  it('reassurance counts for a worried customer, clarity for a confused one', () => {
    expect(rules("Don't worry — your card is frozen and nobody can use it.", feeling('anxious'))).not.toContain('acknowledge');
    expect(rules("Rest assured, your booking is safe and I'm on it now.", feeling('anxious'))).not.toContain('acknowledge');
    expect(
      rules('Let me explain: the charge is the yearly fee.', { customerEmotion: 'confused', customerUpset: true }),
    ).not.toContain('acknowledge');
    // Reassurance is not an apology to an angry customer.
    expect(rules("Don't worry, the parcel left the depot this morning.", feeling('angry'))).toContain('acknowledge');
  });

  it.each<[string, CoachContext]>([
    ['Your order is on its way and should arrive on Thursday.', calm],
    ['Your order is on its way and should arrive on Thursday.', feeling('grateful')],
    ['Your order is on its way and should arrive on Thursday.', feeling('delighted')],
    ['Your order is on its way and should arrive on Thursday.', { customerEmotion: null, customerUpset: false }],
    ['The charge is the annual fee for the plan.', { customerEmotion: 'confused', customerUpset: false }],
  ])('no suggestion when the customer is not upset: %s (%o)', (draft, context) => {
    expect(rules(draft, context)).not.toContain('acknowledge');
  });

  it('waits for a few words before asking (the agent is still typing)', () => {
    expect(rules('Hi', feeling('angry'))).toEqual([]);
    expect(rules('Hi Amina', feeling('angry'))).toEqual([]);
    expect(rules('Hi Amina, the', feeling('angry'))).toContain('acknowledge');
  });

  it('after a service failure, understanding is not enough: an apology is due', () => {
    const failure = feeling('frustrated', { serviceFailure: true });
    const found = suggestion('I understand how frustrating this is. The engineer is booked for Monday.', 'acknowledge', failure);
    expect(found?.message).toMatch(/apology/i);
    expect(found?.example).toMatch(/sorry/i);
    expect(rules("I'm so sorry, we let you down. The engineer is booked for Monday.", failure)).not.toContain('acknowledge');
    expect(rules('Pole sana — the engineer is booked for Monday at 9.', failure)).not.toContain('acknowledge');
    // A failure alone, with a customer who is not upset, asks for nothing.
    expect(rules('The engineer is booked for Monday at 9.', feeling('grateful', { serviceFailure: true }))).not.toContain(
      'acknowledge',
    );
  });
});

describe('blame and policy-speak', () => {
  it.each([
    ['As per our policy, refunds take 14 days to process.', 'As per our policy'],
    ['according to our policy we cannot refund opened items.', 'according to our policy'],
    ["It's company policy that returns need a receipt.", "It's company policy"],
    ['You should have checked the size guide before ordering.', 'You should have'],
    ['You should’ve told us about the move.', 'You should’ve'],
    ['You failed to return the router within 30 days.', 'You failed to'],
    ['You need to read the terms before you buy.', 'You need to read the terms'],
    ['As I already said, the engineer comes on Monday.', 'As I already said'],
    ['As mentioned before, we need the order number.', 'As mentioned before'],
    ['as i mentioned, the parcel is with the courier.', 'as i mentioned'],
    ['Like I said, the refund is on its way.', 'Like I said'],
    ["It's not our fault the courier was late.", 'not our fault'],
    ['That isn’t our problem, it is the bank.', 'isn’t our problem'],
    ['Please calm down so I can help you.', 'calm down'],
    ["There's no need to shout at me.", 'no need to shout'],
    ['AS PER OUR POLICY refunds take 14 days.', 'AS PER OUR POLICY'],
  ])('%s', (draft, phrase) => {
    const found = suggestion(draft, 'blame', calm);
    expect(found?.severity).toBe('important');
    expect(found?.example).toBeTruthy();
    expect(flagged(draft, 'blame')).toBe(phrase);
  });

  it('each kind of phrase gets its own kinder direction', () => {
    expect(suggestion('As per our policy, no.', 'blame')?.message).toMatch(/reason/i);
    expect(suggestion('You should have read it.', 'blame')?.message).toMatch(/blame/i);
    expect(suggestion('As I said, Monday.', 'blame')?.message).toMatch(/recap/i);
    expect(suggestion("It's not our fault.", 'blame')?.message).toMatch(/fix/i);
    expect(suggestion('Calm down, please.', 'blame')?.message).toMatch(/feeling/i);
  });

  it('the first of several phrases is the one shown', () => {
    expect(flagged('As I said, you should have read the terms. As per our policy, no.', 'blame')).toBe('As I said');
  });

  it.each([
    'Our returns policy gives you 30 days, so you have until the 14th.',
    'You should have received a confirmation email — I will resend it now.',
    "You should have been told about the delay, and I'm sorry you weren't.",
    'You should receive the refund by Friday.',
    'You need to read the meter on the first of the month and send us the numbers.',
    "It's not your fault at all — the label was printed wrong.",
    'No need to apologise! Happy to help.',
    'As mentioned in your email, the parcel is for your sister.',
    'Once you have the code, the box unlocks.',
  ])('no suggestion for: %s', (draft) => {
    expect(rules(draft)).not.toContain('blame');
  });
});

describe('jargon', () => {
  it.each([
    ['Could you send me the SKU from the label?', 'SKU', /product code/],
    ['Your RMA number is 55120.', 'RMA', /return number/],
    ['We are still within the SLA for this.', 'SLA', /promise/],
    ['Your ticket was escalated to L2 support.', 'L2 support', /specialist/],
    ['The backend shows the payment as pending.', 'backend', /our system/],
    ['The ETA code on your parcel is 7.', 'ETA code', /delivery time/],
    ['That is not covered per the ToS.', 'per the ToS', /our terms/],
    ['Your line is still provisioning.', 'provisioning', /setting up/],
    ['It is logged as a Sev 2 in Jira.', 'Sev 2', /priority/],
  ])('%s', (draft, term, plain) => {
    const found = suggestion(draft, 'jargon');
    expect(found?.severity).toBe('tip');
    expect(flagged(draft, 'jargon')).toBe(term);
    expect(found?.message).toMatch(/plain words/i);
    expect(found?.example).toMatch(plain);
  });

  it.each([
    'Your slab of oak is ready to collect.',
    'Please read our terms of service on the website.',
    'Tengo tos y fiebre, lo siento.',
    'I will call you back at the end of the week.',
    'We ship with UPS and DHL.',
    'The skull-print mug is back in stock.',
  ])('no suggestion for: %s', (draft) => {
    expect(rules(draft)).not.toContain('jargon');
  });
});

describe('all caps', () => {
  it('a draft in capitals is important, with the same words in normal case to adapt', () => {
    const draft = 'PLEASE DO NOT OPEN THE BOX UNTIL THE ENGINEER ARRIVES';
    const found = suggestion(draft, 'all_caps');
    expect(found?.severity).toBe('important');
    expect(found?.example).toBe('Please do not open the box until the engineer arrives');
    expect(found?.message).toMatch(/shouting/i);
  });

  it('a run of words in capitals inside a draft is a tip, pointed at', () => {
    const draft = 'Please DO NOT OPEN THE BOX until the engineer arrives.';
    expect(suggestion(draft, 'all_caps')?.severity).toBe('tip');
    expect(flagged(draft, 'all_caps')).toBe('DO NOT OPEN THE BOX');
  });

  it('capitals in other cased scripts count too', () => {
    expect(rules('ПОЖАЛУЙСТА НЕ ОТКРЫВАЙТЕ КОРОБКУ')).toContain('all_caps');
  });

  it.each([
    'Your order ABC123 ships with DHL via UPS on Monday.',
    "I'm SO sorry about this, it should never have happened.",
    'OK, I have booked the visit for 3 PM on Friday.',
    'Your code is QX-7781-BB and the PIN is 4471.',
    '您的订单已发货，明天送达。',
    'I will ring you at 3.',
  ])('no suggestion for: %s', (draft) => {
    expect(rules(draft)).not.toContain('all_caps');
  });
});

describe('dead end', () => {
  it.each([
    ["Unfortunately that's impossible.", 'impossible'],
    ["There's nothing we can do about the courier's delay.", 'nothing we can do'],
    ["I'm afraid we can't help with orders from other shops.", "can't help"],
    ['A refund is not possible after 30 days.', 'not possible'],
    ["There's no way to change the address once it has shipped.", "There's no way"],
    ['We have no way to change the address once it has shipped.', 'no way to'],
    ["I know you'd like a refund, but that's not possible.", 'not possible'],
    ['We cannot help with that, there are no other options.', 'cannot help'],
    ['We can not help with that.', 'can not help'],
  ])('%s', (draft, phrase) => {
    expect(suggestion(draft, 'dead_end')?.severity).toBe('important');
    expect(flagged(draft, 'dead_end')).toBe(phrase);
  });

  it.each([
    "That's not possible, but what I can do is send a replacement today.",
    "A refund isn't possible after 30 days; instead I can offer store credit.",
    'Changing the date is impossible now. I can offer you a seat on the 10:40 though.',
    "It's not impossible — it just takes a day longer.",
    'If that is not possible for you, just tell me a better time.',
    "I can't help with the bank's side, but I will call them with you.",
    'There are two options: a refund or a replacement. Sadly the original is impossible to get.',
    'We cannot help with that here — let me put you through to the bank.',
  ])('no suggestion when an alternative is offered: %s', (draft) => {
    expect(rules(draft)).not.toContain('dead_end');
  });
});

describe('ownership', () => {
  it.each([
    ['It will be looked into.', 'will be looked into'],
    ['Someone will get back to you.', 'Someone will get back'],
    ['The team will check the logs and reply.', 'The team will check'],
    ['Your case has been escalated to the billing team.', 'has been escalated'],
    ['You will be contacted by our technical team.', 'will be contacted'],
  ])('%s', (draft, phrase) => {
    expect(flagged(draft, 'ownership')).toBe(phrase);
    expect(suggestion(draft, 'ownership')?.example).toMatch(/^I'll/);
  });

  it('is important when the customer is upset or we failed them', () => {
    expect(suggestion('It will be looked into by Friday.', 'ownership')?.severity).toBe('tip');
    expect(suggestion('I am sorry. It will be looked into by Friday.', 'ownership', feeling('angry'))?.severity).toBe(
      'important',
    );
    expect(suggestion('It will be looked into by Friday.', 'ownership', { ...calm, serviceFailure: true })?.severity).toBe(
      'important',
    );
  });

  it.each([
    "I'll look into it, and the team will check the logs by noon.",
    'Let me check — the warehouse will confirm by 2 pm.',
    "I've passed this on and it will be looked into today.",
    'I’ll make sure it will be looked into today.',
    'I will call the courier; someone will get back to you by 5 pm too.',
    "I'm chasing the courier now, so it will be sorted today.",
    'Your parcel was delivered at 10:14 and signed for by Sam.',
  ])('no suggestion when the agent owns it: %s', (draft) => {
    expect(rules(draft)).not.toContain('ownership');
  });
});

describe('next step with a time', () => {
  it.each([
    ["I'll get back to you soon.", 'soon'],
    ["We'll update you shortly.", 'shortly'],
    ['I will call you back ASAP.', 'ASAP'],
    ['Someone will be in touch as soon as possible.', 'as soon as possible'],
    ['I’ll chase the courier and get back to you later.', 'later'],
  ])('a vague time: %s', (draft, word) => {
    const found = suggestion(draft, 'next_step');
    expect(flagged(draft, 'next_step')).toBe(word);
    expect(found?.message).toMatch(/can mean anything/i);
    expect(found?.example).toMatch(/by 3 pm today/);
  });

  it('a promise with no time at all points at the promise', () => {
    const draft = "I'll check with the courier and let you know.";
    expect(flagged(draft, 'next_step')).toBe("I'll check");
    expect(suggestion(draft, 'next_step')?.message).toMatch(/when/i);
  });

  it.each([
    "I'll call you back by 3 pm today.",
    "I'll update you within the hour.",
    "I'll email you the label in 10 minutes.",
    "I'll check with the warehouse tomorrow morning.",
    "I'll refund you right now.",
    'I will ring you at 3 p.m. to confirm.',
    'I will ring you at 15:30 to confirm.',
    "I'll send the replacement on Friday.",
    'Your refund will be processed within 5 working days.',
    "I'll let you know by the end of the day.",
    'Your parcel arrived yesterday.',
    'Let me check.',
  ])('no suggestion for: %s', (draft) => {
    expect(rules(draft)).not.toContain('next_step');
  });
});

describe('other languages', () => {
  it.each([
    'Lo siento mucho, no es posible cambiar la fecha.',
    "Je suis désolée, ce n'est pas possible pour le moment.",
    'Pole sana kwa usumbufu, tutakutumia bidhaa mpya kesho.',
    'Es tut mir leid, das ist leider nicht möglich. Jemand wird sich bald melden.',
    'Het spijt me, dit is niet mogelijk.',
    'Desculpe, não é possível alterar a data.',
    'Извините, это невозможно.',
    'عذرا، هذا غير ممكن',
    '很抱歉，这不可能。',
  ])('no English-phrase suggestions for: %s', (draft) => {
    expect(rules(draft, feeling('angry', { serviceFailure: true }))).toEqual([]);
  });

  it('a mostly English draft with a Swahili apology is read as English', () => {
    expect(rules('Pole sana for the delay — I’ll call you at 3 pm.', feeling('sad'))).toEqual([]);
    expect(rules('Pole sana for the delay — someone will call you soon.', feeling('sad'))).toEqual(['ownership', 'next_step']);
  });
});

describe('coachReply', () => {
  it('gives nothing for an empty or blank draft', () => {
    expect(coachReply('', feeling('angry'))).toEqual([]);
    expect(coachReply('   \n\t ', feeling('angry'))).toEqual([]);
    expect(coachReply(undefined as unknown as string, feeling('angry'))).toEqual([]);
  });

  it('a good reply gets no suggestions', () => {
    const draft =
      "I'm so sorry your parcel went missing — that's not good enough. I've ordered a replacement, and I'll call you by 3 pm today with the tracking number.";
    expect(coachReply(draft, feeling('angry', { serviceFailure: true }))).toEqual([]);
  });

  it('orders by importance: important first, then acknowledge, blame, dead end, capitals, ownership, time, jargon', () => {
    const draft = 'As per our policy, someone will get back to you soon. Your RMA number is 5531.';
    expect(rules(draft, feeling('angry'))).toEqual(['acknowledge', 'blame', 'ownership', 'next_step', 'jargon']);
    expect(rules(draft, calm)).toEqual(['blame', 'ownership', 'next_step', 'jargon']);
    expect(coachReply(draft, calm).map((s) => s.severity)).toEqual(['important', 'tip', 'tip', 'tip']);
    expect(COACH_MAX_SHOWN).toBe(3);
  });

  it('gives at most one suggestion per rule', () => {
    const draft = 'As I said, calm down. You should have read the SKU and the RMA. As per our policy, no.';
    const found = rules(draft);
    expect(new Set(found).size).toBe(found.length);
  });

  it('curly apostrophes and mixed case read the same as straight ones', () => {
    expect(rules('I’M SORRY — I’ll call you back by 3 PM.', feeling('angry'))).toEqual([]);
    expect(flagged('It’s Not Our Fault the courier was late.', 'blame')).toBe('Not Our Fault');
  });

  it('spans point into the draft as written, after emoji and other scripts', () => {
    const draft = '🙏 Jambo! 您好. As per our policy, refunds take 14 days.';
    expect(flagged(draft, 'blame')).toBe('As per our policy');
  });

  it('reads a 100,000-character draft quickly and still finds what is at its end', () => {
    const long = `${'We checked your meter readings and everything looks right. '.repeat(1700)}It will be looked into.`;
    expect(long.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const found = coachReply(long, feeling('angry'));
    const elapsed = performance.now() - started;
    expect(found.map((s) => s.rule)).toEqual(['acknowledge', 'ownership', 'next_step']);
    expect(long.slice(...found.find((s) => s.rule === 'ownership')!.span!)).toBe('will be looked into');
    expect(elapsed).toBeLessThan(200); // a few milliseconds; generous for a busy machine
  });

  it('in a very long draft, reads the opening and the close (the words to the customer), not the pasted middle', () => {
    const pasted = 'meter=4471 reading=18822 status=ok\n'.repeat(3_000);
    const draft = `I'm so sorry about the bill. Here is the log:\n${pasted}As per our policy, no.\n${pasted}It will be looked into.`;
    const found = coachReply(draft, feeling('angry'));
    expect(found.map((s) => s.rule)).toEqual(['ownership', 'next_step']);
    expect(draft.slice(...found[0]!.span!)).toBe('will be looked into');
  });

  it.each([
    ['capitals', 'ABC '.repeat(25_000)],
    ['contractions', "I'm ".repeat(25_000)],
    ['one long word', 'a'.repeat(100_000)],
    ['apostrophes', "'".repeat(100_000)],
    ['repeated near-misses', 'you should have been '.repeat(5_000)],
    ['digits and colons', '12:'.repeat(33_000)],
  ])('stays fast on adversarial input (%s)', (_name, draft) => {
    const started = performance.now();
    coachReply(draft, feeling('angry'));
    expect(performance.now() - started).toBeLessThan(200);
  });
});
