import { describe, expect, it } from 'vitest';
import { classifyEmotion } from './classify.ts';

const emotionOf = (text: string) => classifyEmotion(text).emotion;
const upset = (text: string) => classifyEmotion(text).upset;

describe('classifyEmotion: reading a situation, not a phrase', () => {
  it('accents are folded before the shorthand rewrites: the "r" of "rápido" is not "are"', () => {
    expect(emotionOf('¡Qué rápido! Ni un día tardó.')).toBe('delighted');
  });

  it('a loss named only in a question is its topic, not a complaint', () => {
    expect(upset('Which number do I call for a lost card?')).toBe(false);
    expect(upset('Can I get a refund for the unused days?')).toBe(false);
    expect(upset('The parcel arrived damaged.')).toBe(true);
  });

  it('a loss told as over is news, unless something else is wrong', () => {
    expect(upset("We lost power briefly this morning but it's back now, just letting you know.")).toBe(false);
    expect(upset('The power is back now but I lost a freezer of food and nobody called me. Unacceptable.')).toBe(true);
  });

  it("the customer's own slip is a request", () => {
    expect(upset('Please cancel order 88213, I ordered the wrong size.')).toBe(false);
    expect(upset('You sent the wrong size. Again.')).toBe(true);
  });

  it('a relative travelling alone is a worry only with the trip gone wrong, in each language', () => {
    expect(upset('My son will be travelling on his own, do you offer an escort service?')).toBe(false);
    expect(emotionOf('My daughter is travelling alone and her train was cancelled.')).toBe('anxious');
    expect(upset('Mi hija viaja sola el mes que viene, ¿puede elegir asiento?')).toBe(false);
    expect(emotionOf('Mi hijo está solo en el aeropuerto y el vuelo se retrasó.')).toBe('anxious');
    expect(upset('Mwanangu atasafiri peke yake wiki ijayo, mna huduma ya kumsaidia?')).toBe(false);
  });

  it('an update asked for and a start date are chasing only together', () => {
    expect(upset('Any update on my order?')).toBe(false);
    expect(upset('The last invoice was paid by bank transfer on the 3rd.')).toBe(false);
    expect(emotionOf('Any update? I opened the ticket on the 3rd.')).toBe('frustrated');
  });

  it('an either/or question is confusion; a noun either/or is a plain question', () => {
    expect(emotionOf('Do I need to be home for the installation or can they do it from outside?')).toBe('confused');
    expect(emotionOf('¿Devuelvo primero el módem viejo o espero al nuevo?')).toBe('confused');
    expect(upset('Is the price shown with or without VAT?')).toBe(false);
  });

  it('the scope of a negation ends at punctuation', () => {
    expect(emotionOf("You cut off a disabled customer without warning. Disgusting doesn't cover it.")).toBe('angry');
    expect(upset('Not worried at all, just checking the date.')).toBe(false);
  });

  it('a death outweighs the practical question that comes with it', () => {
    expect(emotionOf("Mum passed on Sunday. I don't know what I'm supposed to do with her accounts.")).toBe('sad');
  });

  it('a polite request is not delight, however warm its words', () => {
    expect(emotionOf('Please can I have a copy of my tenancy agreement.')).toBe('neutral');
  });

  it('a bare order to cancel is anger, a polite one a request', () => {
    expect(emotionOf('Cancel my contract. Today.')).toBe('angry');
    expect(upset('Please cancel my subscription at the end of the billing period.')).toBe(false);
  });
});

describe('classifyEmotion: Swahili verbs and negation', () => {
  it('a negative verb ("not yet", "does not") is mild frustration, but not after "kabla" (before)', () => {
    expect(emotionOf('Oda yangu ilitakiwa kufika jana, hadi sasa haijafika.')).toBe('frustrated');
    expect(emotionOf('Hii ni wizi mtupu, bundles zinaisha kabla sijatumia.')).toBe('angry');
  });

  it('"sina" (I have no) turns a feeling around', () => {
    expect(upset('Sina hasira, nataka tu kujua bei ya kifurushi.')).toBe(false);
  });

  it('word stems read every person and tense', () => {
    expect(emotionOf('Mhudumu wenu alinitusi kwenye simu.')).toBe('angry');
    expect(emotionOf('Zawadi ilifika imevunjika. Tumehuzunika sana.')).toBe('sad');
  });
});

describe('classifyEmotion: Spanish variants', () => {
  it('diminutives and clitics read like the plain word', () => {
    expect(emotionOf('Estoy preocupadita, mi cuenta está bloqueada.')).toBe('anxious');
    expect(emotionOf('Voy a denunciarlos.')).toBe('angry');
  });

  it('"no estoy molesto" is calm', () => {
    expect(upset('No estoy molesto, solo quiero saber cuándo llega.')).toBe(false);
  });
});
