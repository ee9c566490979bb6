import { describe, expect, it } from 'vitest';
import { location, publicAgent, staffTicket, T0 } from '../testing/fixtures.ts';
import {
  appointmentText,
  chooseLocation,
  counterView,
  handOnColleagues,
  isTyping,
  ticketMood,
  waitText,
  walkInTimeToHumanText,
} from './walkInLine.ts';

const at = (minutes: number) => Date.parse(T0) + minutes * 60_000;

describe('the staff view of a walk-in line', () => {
  it('puts the person I called at my counter, keeps the line in order, and shows who is with a colleague', () => {
    const amina = publicAgent('a1', 'Amina Odhiambo');
    const jonas = publicAgent('a2', 'Jonas Berg');
    const tickets = [
      staffTicket('1', { status: 'called', servedBy: jonas }),
      staffTicket('2', { status: 'called', servedBy: amina }),
      staffTicket('3'),
      staffTicket('4', { status: 'away', awayUntil: T0 }),
      staffTicket('5'),
    ];
    const view = counterView(tickets, 'a1');
    expect(view.mine?.id).toBe('2');
    expect(view.line.map((t) => t.id)).toEqual(['3', '4', '5']);
    expect(view.withColleagues.map((t) => t.id)).toEqual(['1']);
  });

  it('has nobody at my counter until I call someone', () => {
    expect(counterView([staffTicket('1')], 'a1').mine).toBeNull();
  });

  it('says how long someone has waited, or until when they stepped out', () => {
    expect(waitText(staffTicket('1'), at(6))).toBe('Waiting 6 min');
    expect(waitText(staffTicket('1'), at(-1))).toBe('Waiting <1 min');
    const away = staffTicket('2', { status: 'away', awayUntil: '2025-01-01T10:40:00.000Z' });
    expect(waitText(away, at(6))).toMatch(/^Stepped out until \d{1,2}:40/);
  });

  it('shows a mood only when it says something the app has a word for', () => {
    expect(ticketMood(staffTicket('1', { mood: 'frustrated' }))).toBe('frustrated');
    expect(ticketMood(staffTicket('1', { mood: 'neutral' }))).toBeNull();
    expect(ticketMood(staffTicket('1', { mood: 'puzzling' }))).toBeNull();
    expect(ticketMood(staffTicket('1'))).toBeNull();
  });

  it('says walk-in time to human quietly, and honestly when there is none yet', () => {
    expect(walkInTimeToHumanText(240)).toBe('Walk-ins reach a person in 4 min (median today)');
    expect(walkInTimeToHumanText(null)).toBe('No walk-in has reached a person today yet');
  });

  it('opens the location in the address, else the one last worked at, else the first', () => {
    const list = [location('a'), location('b'), location('c')];
    expect(chooseLocation(list, 'c', 'b')?.id).toBe('c');
    expect(chooseLocation(list, 'gone', 'b')?.id).toBe('b');
    expect(chooseLocation(list, null, null)?.id).toBe('a');
    expect(chooseLocation([], 'a', 'a')).toBeNull();
  });

  it('hands on only to the location’s other staff', () => {
    const staff = [publicAgent('a1', 'Amina'), publicAgent('a2', 'Jonas')];
    expect(handOnColleagues(location('a', { staff }), 'a1').map((s) => s.id)).toEqual(['a2']);
  });

  it('leaves the N key to the text while someone types', () => {
    expect(isTyping({ tagName: 'INPUT', isContentEditable: false } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'TEXTAREA', isContentEditable: false } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });

  it('says when an appointment is, for what, and with whom', () => {
    const base = { start: '2025-01-01T15:00:00.000Z', service: 'Returns' };
    expect(appointmentText({ ...base, person: publicAgent('a2', 'Jonas Berg') }, 'a1')).toMatch(
      /^\d{1,2}:00( [AP]M)? · Returns with Jonas$/,
    );
    expect(appointmentText({ ...base, person: publicAgent('a1', 'Amina Odhiambo') }, 'a1')).toMatch(/Returns with you$/);
    expect(appointmentText({ ...base, person: null }, 'a1')).toMatch(/Returns with anyone free$/);
  });
});
