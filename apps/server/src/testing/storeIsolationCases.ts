import { randomUUID } from 'node:crypto';
import type { Victim } from './victim.ts';

/** The store's front door (testing/isolationCases.ts): open to anyone walking in, and telling them nothing private. */
export const STORE_DOOR_CASES = {
  'GET /api/v1/store/locations/:slug': {
    open: {
      why: "the kiosk shows anyone at the door the store's services and wait",
      status: 200,
      params: (v: Victim) => ({ slug: v.store.slug }),
    },
  },
  'POST /api/v1/store/locations/:slug/check-ins': {
    open: {
      why: 'anyone walking in checks in, no account; a new walk-in is a customer of their own',
      status: 201,
      params: (v: Victim) => ({ slug: v.store.slug }),
      body: (v: Victim) => ({ clientId: randomUUID(), name: 'Eve', serviceId: v.ids.serviceId }),
    },
  },
};
