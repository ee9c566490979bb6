import { z } from 'zod';
import { Channel, ConversationStatus, Emotion, PublicAgent } from './domain.ts';

/**
 * One customer, one story: the people behind conversations, how we recognise them, who they belong
 * with, and everything that happened with them.
 */

const Id = z.string().min(1).max(64);

export const IdentityKind = z.enum(['email', 'phone', 'visitor', 'external']);
export type IdentityKind = z.infer<typeof IdentityKind>;

/** A contact point that resolves to one customer. `verified` means proven, not merely typed. */
export const Identity = z.object({
  id: z.string(),
  kind: IdentityKind,
  value: z.string(),
  verified: z.boolean(),
  createdAt: z.string(),
});
export type Identity = z.infer<typeof Identity>;

export const MemberRole = z.enum(['decision_maker', 'buyer', 'user', 'beneficiary', 'other']);
export type MemberRole = z.infer<typeof MemberRole>;

export const OrganizationKind = z.enum(['business', 'household']);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const AttributeType = z.enum(['text', 'number', 'date', 'boolean', 'choice']);
export type AttributeType = z.infer<typeof AttributeType>;

/** A typed custom attribute a workspace keeps on its customers. */
export const AttributeDefinition = z.object({
  key: z.string(),
  label: z.string(),
  type: AttributeType,
  /** For `choice`: the allowed values. */
  choices: z.array(z.string()),
});
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;
export const AttributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type AttributeValue = z.infer<typeof AttributeValue>;

/** A customer as lists and search show them. */
export const CustomerSummary = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** True when at least one of their identities is proven (signed-in website user, import, an agent). */
  verified: z.boolean(),
  erased: z.boolean(),
  createdAt: z.string(),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const Membership = z.object({
  organization: z.object({ id: z.string(), name: z.string(), kind: OrganizationKind }),
  role: MemberRole,
});
export type Membership = z.infer<typeof Membership>;

/** A past or current conversation as the profile lists it. */
export const ConversationSummary = z.object({
  id: z.string(),
  channel: Channel,
  status: ConversationStatus,
  /** How it ended: resolved, or still open. */
  outcome: z.enum(['open', 'resolved']),
  /** The customer's last read mood in it, if any was read. */
  mood: Emotion.nullable(),
  upset: z.boolean(),
  assignee: PublicAgent.nullable(),
  lastMessage: z.string().nullable(),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const CustomerNote = z.object({
  id: z.string(),
  body: z.string(),
  author: PublicAgent.nullable(),
  createdAt: z.string(),
});
export type CustomerNote = z.infer<typeof CustomerNote>;

/** Someone who may be the same person: never merged automatically, an agent decides. */
export const MergeSuggestion = z.object({
  customer: CustomerSummary,
  /** The contact points they share, e.g. `email: ana@example.com`. */
  reasons: z.array(z.string()),
});
export type MergeSuggestion = z.infer<typeof MergeSuggestion>;

/** Everything the profile panel beside a conversation shows. */
export const CustomerProfile = CustomerSummary.extend({
  identities: z.array(Identity),
  memberships: z.array(Membership),
  /** The relationship owner: the person who looks after this customer. */
  owner: PublicAgent.nullable(),
  /** "Customer since": the record's creation, or the first conversation or entry when older. */
  customerSince: z.string(),
  attributes: z.record(z.string(), AttributeValue),
  conversations: z.array(ConversationSummary),
  notes: z.array(CustomerNote),
  suggestions: z.array(MergeSuggestion),
  /** The merge that folded someone into this customer most recently, while it can still be undone. */
  merges: z.array(z.object({ id: z.string(), source: CustomerSummary, mergedAt: z.string(), by: PublicAgent.nullable() })),
});
export type CustomerProfile = z.infer<typeof CustomerProfile>;

export const TimelineItemKind = z.enum(['conversation', 'message', 'note', 'event', 'customer_note', 'callback']);
/** One thing that happened with a customer, on any channel. Newest first. */
export const TimelineItem = z.object({
  kind: TimelineItemKind,
  at: z.string(),
  customerId: z.string(),
  conversationId: z.string().nullable(),
  channel: Channel.nullable(),
  direction: z.enum(['in', 'out']).nullable(),
  /** For events: `assigned`, `transferred`, `callback_booked` … */
  type: z.string().nullable(),
  text: z.string(),
  author: z.object({ kind: z.enum(['customer', 'agent', 'system']), name: z.string().nullable() }).nullable(),
  mood: Emotion.nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const Organization = z.object({
  id: z.string(),
  name: z.string(),
  kind: OrganizationKind,
  owner: PublicAgent.nullable(),
  members: z.array(z.object({ customer: CustomerSummary, role: MemberRole })),
  createdAt: z.string(),
});
export type Organization = z.infer<typeof Organization>;

export const SearchHit = z.object({
  conversationId: z.string(),
  customer: CustomerSummary,
  channel: Channel,
  status: ConversationStatus,
  /** The matching text with the match marked by « and » (plain text, never HTML). */
  snippet: z.string(),
  at: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

// ── requests and responses ────────────────────────────────────────────
const Cursor = z.string().max(300).optional();
const Limit = (max: number, dflt: number) => z.coerce.number().int().min(1).max(max).default(dflt);
const Name = z.string().trim().min(1, { message: 'name must not be empty' }).max(200);
const AttributeKey = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'keys are lowercase letters, digits and _, starting with a letter' });

export const CustomerParams = z.object({ id: Id });
export const ListCustomersQuery = z.object({
  q: z.string().max(200).optional(),
  organizationId: Id.optional(),
  ownerId: Id.optional(),
  verified: z.enum(['true', 'false']).optional(),
  limit: Limit(200, 50),
  cursor: Cursor,
});
export const CustomersResponse = z.object({ customers: z.array(CustomerSummary), nextCursor: z.string().nullable() });
export const CustomerProfileResponse = z.object({ customer: CustomerProfile });

export const CreateCustomerBody = z.object({
  name: Name.optional(),
  email: z.string().trim().max(320).optional(),
  phone: z.string().trim().max(40).optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
  ownerId: Id.nullable().optional(),
  attributes: z.record(z.string(), AttributeValue).optional(),
});
export const UpdateCustomerBody = z.object({
  name: Name.nullable().optional(),
  ownerId: Id.nullable().optional(),
  attributes: z.record(z.string(), AttributeValue).optional(),
});
export const AddIdentityBody = z.object({
  kind: z.enum(['email', 'phone', 'external']),
  value: z.string().trim().min(1).max(320),
});
export const IdentityParams = z.object({ id: Id, identityId: Id });
export const CustomerNoteBody = z.object({ body: z.string().trim().min(1, { message: 'a note must not be empty' }).max(10_000) });
export const CustomerNoteResponse = z.object({ note: CustomerNote });

export const TimelineQuery = z.object({ limit: Limit(200, 50), cursor: Cursor });
export const TimelineResponse = z.object({ items: z.array(TimelineItem), nextCursor: z.string().nullable() });

export const MergeBody = z.object({ sourceId: Id });
export const MergeResponse = z.object({ mergeId: z.string(), customer: CustomerProfile });
export const MergeParams = z.object({ id: Id });

export const EraseResponse = z.object({ erased: z.literal(true), customerId: z.string() });

export const OrganizationParams = z.object({ id: Id });
export const MemberParams = z.object({ id: Id, customerId: Id });
export const ListOrganizationsQuery = z.object({ q: z.string().max(200).optional(), limit: Limit(200, 50), cursor: Cursor });
export const OrganizationsResponse = z.object({
  organizations: z.array(Organization.omit({ members: true }).extend({ memberCount: z.number().int() })),
  nextCursor: z.string().nullable(),
});
export const OrganizationResponse = z.object({ organization: Organization });
export const CreateOrganizationBody = z.object({
  name: Name,
  kind: OrganizationKind.default('business'),
  ownerId: Id.nullable().optional(),
});
export const UpdateOrganizationBody = z.object({
  name: Name.optional(),
  kind: OrganizationKind.optional(),
  ownerId: Id.nullable().optional(),
});
export const MemberBody = z.object({ role: MemberRole });

export const AttributeDefinitionsResponse = z.object({ attributes: z.array(AttributeDefinition) });
export const AttributeDefinitionBody = z
  .object({
    key: AttributeKey,
    label: z.string().trim().min(1).max(80),
    type: AttributeType,
    choices: z.array(z.string().trim().min(1).max(80)).max(100).default([]),
  })
  .refine((d) => d.type !== 'choice' || d.choices.length > 0, { message: 'a choice attribute needs at least one choice' });
export const AttributeParams = z.object({ key: AttributeKey });

export const SearchQuery = z.object({ q: z.string().max(200).default(''), limit: Limit(50, 20) });
export const SearchResponse = z.object({ customers: z.array(CustomerSummary), conversations: z.array(SearchHit) });
export type SearchResponse = z.infer<typeof SearchResponse>;

export const ImportOutcome = z.enum(['imported', 'merged', 'rejected']);
export const ImportReport = z.object({
  imported: z.number().int(),
  merged: z.number().int(),
  rejected: z.number().int(),
  /** One line per row that was merged or rejected, with why. Row numbers count the header as row 1. */
  rows: z.array(
    z.object({ row: z.number().int(), outcome: ImportOutcome, customerId: z.string().nullable(), reason: z.string() }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ExportQuery = z.object({ format: z.enum(['csv', 'json']).default('csv') });

/** The website's signed-in user, vouched for by an HMAC-SHA256 of `userId` under the workspace's identity secret. */
export const VerifiedUser = z.object({
  userId: z.string().trim().min(1, { message: 'userId must not be empty' }).max(200),
  userHash: z.string().trim().min(1, { message: 'userHash must not be empty' }).max(200),
  name: z.string().trim().max(200).optional(),
  email: z.string().trim().max(320).optional(),
});
export type VerifiedUser = z.infer<typeof VerifiedUser>;
export const IdentitySecretResponse = z.object({ secret: z.string() });
