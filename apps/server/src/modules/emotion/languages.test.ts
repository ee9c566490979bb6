import { describe, expect, it } from 'vitest';
import { classifyEmotion } from './classify.ts';

const emotionOf = (text: string) => classifyEmotion(text).emotion;

describe('classifyEmotion: Swahili and Sheng', () => {
  it('insults, court and leaving are angry', () => {
    expect(emotionOf('Nyinyi ni matapeli kabisa, mmenikata elfu mbili bila sababu!')).toBe('angry');
    expect(emotionOf('Mtanirudishia pesa yangu ama nitawapeleka kortini.')).toBe('angry');
    expect(emotionOf('Nitahama kwenda Airtel, siwezi vumilia huu upuuzi tena.')).toBe('angry');
  });

  it('still waiting, again and again, nobody answers are frustrated', () => {
    expect(emotionOf('Bado nasubiri fundi, ni siku tano sasa.')).toBe('frustrated');
    expect(emotionOf('Hii ni mara ya tatu naripoti shida hii hii.')).toBe('frustrated');
    expect(emotionOf('Maze hii delivery inachelewa kila mara, inaboa.')).toBe('frustrated');
  });

  it('theft, fear and a deadline tomorrow are anxious', () => {
    expect(emotionOf('Haraka tafadhali, simu yangu imeibiwa na M-Pesa iko ndani.')).toBe('anxious');
    expect(emotionOf('Nina wasiwasi, pesa ya ada ya shule haijafika na mtihani ni kesho.')).toBe('anxious');
    expect(emotionOf('Safari yangu ni kesho asubuhi na sijapata boarding pass.')).toBe('anxious');
  });

  it('"haraka" alone is "quickly": thanks for a quick refund is grateful', () => {
    expect(emotionOf('Nashukuru kwa kunirudishia pesa haraka.')).toBe('grateful');
  });

  it('not understanding is confused', () => {
    expect(emotionOf('Sielewi hii charge ni ya nini.')).toBe('confused');
    expect(emotionOf('Nifanyeje kubadilisha namba ya simu kwenye account?')).toBe('confused');
  });

  it('bereavement and being let down are sad', () => {
    expect(emotionOf('Mama yangu amefariki, naomba msaada kufunga account yake.')).toBe('sad');
    expect(emotionOf('Nilikuwa na matumaini makubwa lakini mmeniangusha.')).toBe('sad');
  });

  it('thanks and praise are grateful and delighted; a plain request is neutral', () => {
    expect(emotionOf('Tunashukuru sana kwa msaada wenu.')).toBe('grateful');
    expect(emotionOf('Nimefurahi sana na huduma yenu!')).toBe('delighted');
    expect(emotionOf('Naomba statement ya miezi mitatu.')).toBe('neutral');
  });

  it('"si" and "sio" turn a feeling around', () => {
    expect(classifyEmotion('Sio nzuri sana hii').emotion).not.toBe('delighted');
  });
});

describe('classifyEmotion: Spanish', () => {
  it('fraud, suing and a manager now are angry', () => {
    expect(emotionOf('¡Es una estafa! Me cobraron algo que nunca pedí.')).toBe('angry');
    expect(emotionOf('Los voy a demandar si no me devuelven el dinero.')).toBe('angry');
    expect(emotionOf('Exijo hablar con el gerente ya.')).toBe('angry');
  });

  it('still waiting and the third call are frustrated', () => {
    expect(emotionOf('Sigo esperando la devolución, ya van tres semanas.')).toBe('frustrated');
    expect(emotionOf('Es la tercera vez que llamo por lo mismo.')).toBe('frustrated');
  });

  it('worry, theft and a flight tonight are anxious', () => {
    expect(emotionOf('Urgente, me robaron el móvil y tiene la app del banco.')).toBe('anxious');
    expect(emotionOf('Tengo el vuelo esta noche y no me deja hacer el check-in.')).toBe('anxious');
  });

  it('not understanding and how-to are confused', () => {
    expect(emotionOf('No entiendo este cargo, ¿de qué es?')).toBe('confused');
    expect(emotionOf('¿Cómo cambio la contraseña?')).toBe('confused');
  });

  it('bereavement and disappointment are sad; "no estoy preocupado" is not anxious', () => {
    expect(emotionOf('Mi madre falleció y necesito dar de baja su línea.')).toBe('sad');
    expect(emotionOf('Me siento muy decepcionado con el trato recibido.')).toBe('sad');
    expect(emotionOf('No estoy preocupado, solo pregunto por la fecha de entrega.')).not.toBe('anxious');
  });

  it('thanks and praise are grateful and delighted, accents or not; a plain request is neutral', () => {
    expect(emotionOf('Muchas gracias por la ayuda.')).toBe('grateful');
    expect(emotionOf('Muchisimas gracias por su atencion')).toBe('grateful');
    expect(emotionOf('¡Me encanta! Es justo lo que buscaba.')).toBe('delighted');
    expect(emotionOf('¿Cuánto cuesta el envío a Canarias?')).toBe('neutral');
  });
});

describe('classifyEmotion: English said without feeling words', () => {
  it('anger said calmly is angry', () => {
    expect(emotionOf("We're pulling the contract at the end of the month. Consider this notice.")).toBe('angry');
    expect(emotionOf("I'll be speaking to the press about how you treat elderly customers.")).toBe('angry');
  });

  it('failure told as a pattern is frustrated', () => {
    expect(emotionOf('Every time I call I get a different answer.')).toBe('frustrated');
    expect(emotionOf("I've been passed between billing and tech support all afternoon.")).toBe('frustrated');
  });

  it('worry told as a situation is anxious', () => {
    expect(emotionOf('The shop opens in 30 minutes and the tills are offline.')).toBe('anxious');
    expect(emotionOf('My son is diabetic and the insulin delivery didn’t arrive.')).toBe('anxious');
  });

  it('grief told as a fact is sad', () => {
    expect(emotionOf("My mum passed and I'm sorting her accounts.")).toBe('sad');
    expect(emotionOf('I feel awful, I was counting on this.')).toBe('sad');
  });

  it('a plain weekly routine is not a pattern of failure', () => {
    expect(classifyEmotion('I pay every month by direct debit, can I switch to quarterly?').upset).toBe(false);
  });
});
