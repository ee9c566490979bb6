import { z } from 'zod';
import { Holiday, OpeningHours, Timezone } from './branding.ts';
import { PublicAgent } from './domain.ts';

/** A store's address in URLs (`/kiosk/:slug`): lower-case letters, digits and dashes, unique on this Warmline. */
export const LocationSlug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
  message: 'slug must be 1–40 lower-case letters, digits or dashes, such as westlands',
});

/** Something a store offers at the counter, with how long it usually takes. */
export const StoreService = z.object({
  id: z.string(),
  name: z.string(),
  typicalMinutes: z.number().int(),
});
export type StoreService = z.infer<typeof StoreService>;

export const StoreServiceInput = z.object({
  name: z.string().trim().min(1, { message: 'name must not be empty' }).max(60),
  typicalMinutes: z.number().int().min(1, { message: 'typicalMinutes must be at least 1' }).max(240),
});

/** A location as staff and admins see it. */
export const Location = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  address: z.string(),
  timezone: z.string(),
  openingHours: OpeningHours,
  holidays: z.array(Holiday),
  services: z.array(StoreService),
  staff: z.array(PublicAgent),
});
export type Location = z.infer<typeof Location>;

export const LocationInput = z.object({
  slug: LocationSlug,
  name: z.string().trim().min(1, { message: 'name must not be empty' }).max(80),
  address: z.string().trim().max(200).default(''),
  timezone: Timezone,
  openingHours: OpeningHours,
  holidays: z.array(Holiday).max(100).default([]),
  services: z.array(StoreServiceInput).min(1, { message: 'services: a location offers at least one service' }).max(20),
  staffIds: z
    .array(z.string().uuid({ message: 'staffIds must be agent ids' }))
    .max(200)
    .default([]),
});
export type LocationInput = z.infer<typeof LocationInput>;

/** What the kiosk and the "your turn" page know of a location: nothing about staff beyond first names. */
export const PublicLocation = z.object({
  slug: z.string(),
  name: z.string(),
  address: z.string(),
  /** Its clock, for "we open at 09:00" in the store's own time. */
  timezone: z.string(),
  /** The business's name and colour, for the kiosk's header. */
  business: z.object({ name: z.string(), logoUrl: z.string().nullable(), color: z.string() }),
  services: z.array(StoreService),
  /** Open for walk-ins now. */
  open: z.boolean(),
  /** When it next opens (ISO), when closed now; null when open or never. */
  opensAt: z.string().nullable(),
  /** People waiting now, and the wait a newcomer would be quoted (seconds), for the kiosk's welcome. */
  waiting: z.number().int(),
  wait: z.object({ low: z.number().int(), high: z.number().int() }).nullable(),
});
export type PublicLocation = z.infer<typeof PublicLocation>;

/** A contact a walk-in may leave: an email or a phone number, to be told when it is their turn. */
export const CheckInBody = z.object({
  /** Made by the kiosk for this check-in, so a resend after a network blip gives the same ticket. */
  clientId: z.string().uuid({ message: 'clientId must be a UUID the kiosk makes for this check-in' }),
  name: z.string().trim().min(1, { message: 'name: tell us your name' }).max(80),
  contact: z.string().trim().max(120).optional(),
  serviceId: z.string().uuid({ message: 'serviceId must be one of the services offered' }),
  /** Where the check-in was made: the store's kiosk, or the customer's own phone (from the QR code). */
  via: z.enum(['kiosk', 'phone']).default('kiosk'),
});
export type CheckInBody = z.infer<typeof CheckInBody>;

export const TicketStatus = z.enum(['waiting', 'away', 'called', 'served', 'no_show', 'cancelled']);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** A walk-in's ticket, as the customer sees it on the kiosk and on their "your turn" page. */
export const Ticket = z.object({
  /** The secret in the ticket's URL (`/ticket/:token`): whoever holds it sees and changes this ticket. */
  token: z.string(),
  /** Short and readable at arm's length, e.g. "R12". */
  code: z.string(),
  status: TicketStatus,
  name: z.string(),
  service: z.string(),
  location: z.object({ slug: z.string(), name: z.string() }),
  /** People ahead (0 = next), while waiting. */
  position: z.number().int().nullable(),
  /** The honest wait, in seconds, while waiting. */
  wait: z.object({ low: z.number().int(), high: z.number().int() }).nullable(),
  /** One sentence: "About 10–15 minutes · 3 people ahead of you", "Amina is ready for you". */
  text: z.string(),
  /** The person who called or serves them. */
  servedBy: PublicAgent.nullable(),
  checkedInAt: z.string(),
  /** Stepped out: their place is kept until then. */
  awayUntil: z.string().nullable(),
  /** How they will be told it is their turn besides this page: "sms", "email", or null. */
  notifyBy: z.enum(['sms', 'email']).nullable(),
});
export type Ticket = z.infer<typeof Ticket>;
export const TicketResponse = z.object({ ticket: Ticket });

/** "I'm stepping out" or "I'll come back later": the place is kept this many minutes. */
export const StepOutBody = z.object({
  minutes: z
    .number()
    .int()
    .min(5, { message: 'minutes must be at least 5' })
    .max(120, { message: 'minutes must be at most 120' }),
});

/** The walk-in queue as staff see it: tickets in order with enough story to greet the person by name. */
export const StaffTicket = z.object({
  id: z.string(),
  code: z.string(),
  status: TicketStatus,
  name: z.string(),
  service: z.string(),
  customerId: z.string(),
  conversationId: z.string(),
  checkedInAt: z.string(),
  awayUntil: z.string().nullable(),
  servedBy: PublicAgent.nullable(),
  /** How they seem so far (their latest mood), and the last thing on their timeline before the visit. */
  mood: z.string().nullable(),
  lastContact: z.string().nullable(),
});
export type StaffTicket = z.infer<typeof StaffTicket>;
/** An appointment in the staff view: today's, in time order, until its person starts it. */
export const StaffAppointment = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  service: z.string(),
  name: z.string(),
  customerId: z.string(),
  conversationId: z.string(),
  person: PublicAgent.nullable(),
});
export type StaffAppointment = z.infer<typeof StaffAppointment>;
export const StoreQueueResponse = z.object({
  location: Location,
  tickets: z.array(StaffTicket),
  /** Appointments from an hour ago to twelve hours ahead that have not started. */
  appointments: z.array(StaffAppointment),
  /** Walk-in time to human today at this location (check-in → served), median seconds, or null. */
  timeToHumanSeconds: z.number().int().nullable(),
});
export const StaffTicketResponse = z.object({ ticket: StaffTicket });
export const HandOnBody = z.object({
  toAgentId: z.string().uuid({ message: 'toAgentId must be a colleague at this location' }),
  note: z.string().trim().min(1, { message: 'note: say what your colleague should know' }).max(2000),
});
export const EndVisitBody = z.object({
  outcome: z.enum(['served', 'no_show'], { message: 'outcome must be served or no_show' }),
  note: z.string().trim().max(2000).optional(),
  /** "Needs a follow-up": what is still to do. The visit stays open, owned by whoever served them, with this note. */
  followUp: z.string().trim().min(1).max(2000).optional(),
});

/** A calendar day in the location's time zone. */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day such as 2031-01-15' });

export const AvailabilityQuery = z.object({
  serviceId: z.string().uuid({ message: 'serviceId must be one of the services offered' }),
  date: Day,
});
/** The times a service can be booked on a day, and who is free for each ("anyone" takes the first). */
export const AvailabilityResponse = z.object({
  date: z.string(),
  timezone: z.string(),
  staff: z.array(PublicAgent),
  slots: z.array(z.object({ start: z.string(), end: z.string(), people: z.array(z.string()) })),
});

export const BookAppointmentBody = z.object({
  clientId: z.string().uuid({ message: 'clientId must be a UUID the page makes for this booking' }),
  serviceId: z.string().uuid({ message: 'serviceId must be one of the services offered' }),
  start: z.iso.datetime({ offset: true, message: 'start must be an ISO date-time' }),
  /** A named person, or null for anyone. */
  agentId: z.string().uuid({ message: 'agentId must be a person at this location, or null for anyone' }).nullable().default(null),
  name: z.string().trim().min(1, { message: 'name: tell us your name' }).max(80),
  contact: z.string().trim().min(1, { message: 'contact: an email or phone number, for your reminder' }).max(120),
});

export const AppointmentStatus = z.enum(['booked', 'started', 'cancelled']);
/** An appointment as the customer sees it through their link. */
export const Appointment = z.object({
  /** The secret of the reschedule and cancel link (`/book/:slug?appointment=…`); it expires a day after the time. */
  token: z.string(),
  status: AppointmentStatus,
  service: z.string(),
  location: z.object({ slug: z.string(), name: z.string(), address: z.string(), timezone: z.string() }),
  start: z.string(),
  end: z.string(),
  person: PublicAgent,
  anyPerson: z.boolean(),
  name: z.string(),
  /** One sentence: "Returns with Amina at Westlands, Thursday 15 January, 15:00". */
  text: z.string(),
});
export type Appointment = z.infer<typeof Appointment>;
export const AppointmentResponse = z.object({ appointment: Appointment });
export const RescheduleBody = z.object({
  start: z.iso.datetime({ offset: true, message: 'start must be an ISO date-time' }),
  agentId: z.string().uuid({ message: 'agentId must be a person at this location, or null for anyone' }).nullable().default(null),
});
/** Staff book a store appointment for the customer of a chat or call: the visit keeps that conversation's story. */
export const StaffBookBody = z.object({
  locationId: z.string().uuid({ message: 'locationId must be a location' }),
  serviceId: z.string().uuid({ message: 'serviceId must be one of the services offered' }),
  start: z.iso.datetime({ offset: true, message: 'start must be an ISO date-time' }),
  agentId: z.string().uuid({ message: 'agentId must be a person at this location, or null for anyone' }).nullable().default(null),
});

/** The workspace's stores, as the widget offers them to a customer who would rather see someone in person. */
export const VisitorLocationsResponse = z.object({
  locations: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      address: z.string(),
      timezone: z.string(),
      services: z.array(StoreService),
    }),
  ),
});
/** "See someone in the store at 3 pm": the customer books a visit on the conversation they are waiting in. */
export const VisitorStoreVisitBody = StaffBookBody.extend({
  conversationId: z.string().uuid({ message: 'conversationId must be a conversation' }),
  contact: z.string().trim().min(1).max(120).optional(),
});
