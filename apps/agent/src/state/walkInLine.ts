import type { Emotion, Location, StaffAppointment, StaffTicket } from '@warmline/shared/types';
import { formatDuration, since } from './time.ts';

const EMOTIONS: readonly string[] = ['angry', 'frustrated', 'anxious', 'confused', 'sad', 'grateful', 'delighted', 'neutral'];

/** The line as one member of staff sees it: the person they called, and everyone else still to come or being seen. */
export interface CounterView {
  /** Called to this person's counter, or handed on to them: the one they are with. */
  mine: StaffTicket | null;
  /** Waiting or stepped out, in the server's order. */
  line: StaffTicket[];
  /** With a colleague at the moment. */
  withColleagues: StaffTicket[];
}

/** Splits a location's tickets (in line order) for the staff view of `me`. */
export function counterView(tickets: readonly StaffTicket[], me: string): CounterView {
  const called = tickets.filter((t) => t.status === 'called');
  return {
    mine: called.find((t) => t.servedBy?.id === me) ?? null,
    line: tickets.filter((t) => t.status === 'waiting' || t.status === 'away'),
    withColleagues: called.filter((t) => t.servedBy?.id !== me),
  };
}

/** "Waiting 6 min", or "Stepped out until 10:40" for someone whose place is kept. */
export function waitText(ticket: Pick<StaffTicket, 'status' | 'checkedInAt' | 'awayUntil'>, now: number): string {
  if (ticket.status === 'away' && ticket.awayUntil) {
    const until = new Date(ticket.awayUntil).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    return `Stepped out until ${until}`;
  }
  return `Waiting ${formatDuration(since(ticket.checkedInAt, now))}`;
}

/** The mood a ticket carries, when it is one the app has a word for (a calm one is left unsaid). */
export function ticketMood(ticket: Pick<StaffTicket, 'mood'>): Emotion | null {
  const mood = ticket.mood;
  return mood && mood !== 'neutral' && EMOTIONS.includes(mood) ? (mood as Emotion) : null;
}

/** The header's quiet line: how fast walk-ins reach a person here (median over the last day). */
export function walkInTimeToHumanText(seconds: number | null): string {
  if (seconds === null) return 'No walk-in has reached a person today yet';
  return `Walk-ins reach a person in ${formatDuration(seconds * 1000)} (median today)`;
}

/**
 * Which location the staff view opens: the one in the address when it is among `locations`, else the one last
 * worked at, else the first. Null when there are none.
 */
export function chooseLocation(
  locations: readonly Location[],
  requested: string | null,
  remembered: string | null,
): Location | null {
  return locations.find((l) => l.id === requested) ?? locations.find((l) => l.id === remembered) ?? locations[0] ?? null;
}

/** The colleagues someone at the counter may be handed to: the location's other staff. */
export function handOnColleagues(location: Pick<Location, 'staff'>, me: string) {
  return location.staff.filter((s) => s.id !== me);
}

/** A key pressed while typing belongs to the text, not to a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const element = target as HTMLElement;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

/** "15:00 · Returns with Amina", "15:00 · Advice with anyone free": an appointment's line in the staff view. */
export function appointmentText(appointment: Pick<StaffAppointment, 'start' | 'service' | 'person'>, me: string): string {
  const at = new Date(appointment.start).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const person = appointment.person;
  const who = !person ? 'anyone free' : person.id === me ? 'you' : person.displayName.split(' ')[0];
  return `${at} · ${appointment.service} with ${who}`;
}
