import { describe, expect, it } from 'vitest';
import { classifyEmotion, EMOTIONS } from './classify.ts';

const emotionOf = (text: string) => classifyEmotion(text).emotion;

describe('classifyEmotion: customer-service cues', () => {
  it("'great, just great' after a delay is not delighted", () => {
    const reading = classifyEmotion('Great, just great. The flight is delayed again.');
    expect(reading.emotion).toBe('frustrated');
    expect(reading.sentiment).toBeLessThan(0);
  });

  it("'thanks for nothing' is sarcasm, not gratitude", () => {
    expect(classifyEmotion('thanks for nothing').upset).toBe(true);
  });

  it("'oh wonderful' and 'love waiting' about a no-show are frustrated", () => {
    expect(emotionOf('oh wonderful, the engineer cancelled. love waiting in all day')).toBe('frustrated');
  });

  it("'not bad at all' is not upset", () => {
    const reading = classifyEmotion('not bad at all');
    expect(reading.upset).toBe(false);
    expect(reading.sentiment).toBeGreaterThan(0);
  });

  it("'not happy' is upset and 'never again' is angry", () => {
    expect(classifyEmotion("I'm not happy with this at all").upset).toBe(true);
    expect(emotionOf('Never again. Worst service ever.')).toBe('angry');
  });

  it("'not worried' is not anxious", () => {
    expect(emotionOf("I'm not worried, just checking the delivery date")).not.toBe('anxious');
  });

  it("'no worries' reassures and 'hi, it's Halima again' introduces: neither is upset", () => {
    expect(classifyEmotion('No worries if the parcel is lost, thanks for checking!').upset).toBe(false);
    expect(classifyEmotion('Hi, it is Halima again. Can the cake be sesame-free like last time?').upset).toBe(false);
    expect(classifyEmotion('Broken again. Why does this keep happening?').emotion).toBe('frustrated');
  });

  it("'third time I'm asking' is frustrated", () => {
    expect(emotionOf("This is the third time I'm asking for my invoice")).toBe('frustrated');
  });

  it('waiting and chasing is frustrated', () => {
    expect(emotionOf("I've been waiting two weeks and nobody answers")).toBe('frustrated');
    expect(emotionOf('no one has replied to my email')).toBe('frustrated');
  });

  it('urgency and worry are anxious', () => {
    expect(emotionOf('my flight is tomorrow and I still have no ticket')).toBe('anxious');
    expect(emotionOf("I can't access my account and rent is due")).toBe('anxious');
    expect(emotionOf('urgent: please call me asap')).toBe('anxious');
  });

  it('worry in the past with thanks is gratitude, not anxiety', () => {
    expect(emotionOf('I was so worried but you fixed it, thank you')).toBe('grateful');
  });

  it('confusion questions are confused', () => {
    expect(emotionOf("I don't understand my bill")).toBe('confused');
    expect(emotionOf('how do I change my payment card?')).toBe('confused');
    expect(emotionOf('what does this charge mean??')).toBe('confused');
  });

  it('a plain request is neutral', () => {
    expect(classifyEmotion('Please send me a copy of my last invoice.')).toMatchObject({ emotion: 'neutral', upset: false });
  });

  it('a courtesy "thanks" at the end of a request is not gratitude', () => {
    expect(emotionOf('Can you tell me my balance? thanks')).toBe('neutral');
  });

  it("'asante sana' is grateful and 'nimechoka' is upset", () => {
    expect(emotionOf('asante sana')).toBe('grateful');
    expect(classifyEmotion('Nimechoka, bill ni wrong kila mwezi').upset).toBe(true);
  });

  it("'haraka tafadhali' is anxious", () => {
    expect(emotionOf('haraka tafadhali, my phone was stolen')).toBe('anxious');
  });

  it('misspellings and shorthand are understood', () => {
    expect(emotionOf('thx, recieved it')).toBe('grateful');
    expect(emotionOf('wat does this mean')).toBe('confused');
  });

  it('shouting with !!! is angry', () => {
    expect(emotionOf('WHERE IS MY REFUND!!!')).toBe('angry');
  });

  it('happy shouting is not angry', () => {
    expect(emotionOf('WOW THANK YOU SO MUCH THIS IS AMAZING')).toBe('delighted');
  });

  it('loss or damage with strong words is angry, and a received refund is not upset', () => {
    expect(emotionOf('The sofa arrived ripped and damaged. Disgusting service.')).toBe('angry');
    expect(classifyEmotion('refund received, thanks').upset).toBe(false);
  });

  it('sadness and disappointment are sad', () => {
    expect(emotionOf("I'm really disappointed, it was my son's birthday present")).toBe('sad');
  });

  it('delight and gratitude are told apart', () => {
    expect(emotionOf('I love it, best purchase ever 😍')).toBe('delighted');
    expect(emotionOf('Thank you so much for sorting this out')).toBe('grateful');
  });
});

describe('classifyEmotion: emoji', () => {
  it('only emoji 😭 is sad', () => {
    expect(emotionOf('😭')).toBe('sad');
  });

  it('angry, worried, grateful and happy emoji read as such', () => {
    expect(emotionOf('🤬🤬')).toBe('angry');
    expect(emotionOf('😟')).toBe('anxious');
    expect(emotionOf('🙏')).toBe('grateful');
    expect(emotionOf('🎉😊')).toBe('delighted');
  });
});

describe('classifyEmotion: bad input', () => {
  it('empty and whitespace text is neutral', () => {
    expect(classifyEmotion('')).toEqual({ emotion: 'neutral', sentiment: 0, upset: false });
    expect(emotionOf('   \n\t ')).toBe('neutral');
  });

  it('100,000 characters answers quickly and does not throw', () => {
    const text = `${'my order is late and nobody answers. '.repeat(2_700)}`.slice(0, 100_000);
    const started = performance.now();
    const reading = classifyEmotion(text);
    expect(performance.now() - started).toBeLessThan(200);
    expect(EMOTIONS).toContain(reading.emotion);
  });

  it('binary junk is neutral', () => {
    const junk = String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 7919) % 32));
    expect(classifyEmotion(junk)).toEqual({ emotion: 'neutral', sentiment: 0, upset: false });
    expect(emotionOf('\u0000\u0001\ufffd\ufffd\u0002')).toBe('neutral');
  });

  it('other languages and mixed scripts answer without throwing, neutral when unknown', () => {
    expect(emotionOf('Где мой заказ')).toBe('neutral');
    expect(emotionOf('注文はどこですか')).toBe('neutral');
    expect(EMOTIONS).toContain(emotionOf('order 123 注文 где مرحبا 🙂 ok'));
  });

  it('a value that is not a string is neutral', () => {
    expect(emotionOf(undefined as unknown as string)).toBe('neutral');
    expect(emotionOf(42 as unknown as string)).toBe('neutral');
  });

  it('sentiment stays in [-1, 1] and agrees with upset', () => {
    for (const text of ['THIS IS THE WORST!!! 😡😡 scam thieves', 'amazing wonderful perfect thank you so much 😍🎉', 'ok']) {
      const reading = classifyEmotion(text);
      expect(Math.abs(reading.sentiment)).toBeLessThanOrEqual(1);
      if (reading.upset) expect(reading.sentiment).toBeLessThan(0);
    }
  });
});

describe('classifyEmotion: speed', () => {
  it('reads thousands of messages per second', () => {
    const messages = ['Where is my parcel? Third time asking!!', 'Thanks so much 🙏', 'How do I reset my router?', 'ok'];
    const started = performance.now();
    for (let i = 0; i < 2_000; i++) classifyEmotion(messages[i % messages.length]!);
    expect(2_000 / ((performance.now() - started) / 1000)).toBeGreaterThan(1_000);
  });
});
