import { type Api, ApiError, type StoreAvailability, type StoreLocation } from './api.ts';
import { cleanMessage } from './text.ts';

const SEND_FIRST = 'Please send us your question first.';

/** What went wrong with a booking: `taken` when someone else just booked that time (a 409). */
export interface StoreVisitProblem {
  taken: boolean;
  message: string;
}

const calm = (err: unknown, fallback: string) => (err instanceof ApiError ? cleanMessage(err.message) : fallback);

/**
 * "See someone in a store" for the conversation the customer is waiting in: the workspace's stores (asked once a
 * session), a day's free times, and the booking, which the server then tells the chat about.
 */
export class StoreVisits {
  private stores: Promise<StoreLocation[]> | null = null;

  constructor(
    private readonly api: Api,
    private readonly token: () => string | null,
    private readonly conversationId: () => string | null,
    /** The host site signed the customer in with their email: the reminder has somewhere to go. */
    readonly knowsContact = false,
  ) {}

  /** The stores a visit can be booked at; none when there are none or they could not be read (asked again then). */
  locations(): Promise<StoreLocation[]> {
    const token = this.token();
    if (!token) return Promise.resolve([]);
    this.stores ??= this.api.storeLocations(token).then(
      (res) => res.locations.filter((l) => l.services.length > 0),
      () => {
        this.stores = null;
        return [];
      },
    );
    return this.stores;
  }

  /** A day's free times at a store for a service; or a calm error to show. */
  async availability(store: StoreLocation, serviceId: string, date: string): Promise<StoreAvailability | { error: string }> {
    try {
      return await this.api.availability(store.slug, serviceId, date);
    } catch (err) {
      return { error: calm(err, 'We couldn’t load the times. Please try again.') };
    }
  }

  /** Book the visit on this conversation; null when booked (the chat hears the sentence from the server). */
  async book(input: {
    locationId: string;
    serviceId: string;
    start: string;
    agentId: string | null;
    contact: string;
  }): Promise<StoreVisitProblem | null> {
    const token = this.token();
    const conversationId = this.conversationId();
    if (!token || !conversationId) return { taken: false, message: SEND_FIRST };
    const { contact, ...visit } = input;
    try {
      await this.api.bookStoreVisit(token, { conversationId, ...visit, ...(contact.trim() ? { contact: contact.trim() } : {}) });
      return null;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && (err.details as { full?: boolean } | null)?.full)
        return { taken: true, message: 'That time was just taken by someone else. Here are the times still free.' };
      return { taken: false, message: calm(err, 'Something went wrong. Please try again.') };
    }
  }
}
