import { AttributeValue, MemberRole } from '@warmline/shared';
import { z } from 'zod';
import type { AgentActor, Services } from '../../core/context.ts';
import { isoOrNull } from '../../core/db/rows.ts';
import { Forbidden } from '../../core/errors.ts';
import { csvRow } from './domain/csv.ts';
import { attributeDefinitions } from './repository/attributes.ts';
import { customerExport, type ExportedConversationRow, type ExportedCustomerRow } from './repository/customerExport.ts';

/** One customer in a JSON export. An erased customer keeps only their id, dates and `erased: true`. */
export const ExportedCustomer = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  externalId: z.string().nullable(),
  verified: z.boolean(),
  erased: z.boolean(),
  ownerEmail: z.string().nullable(),
  organizations: z.array(z.object({ name: z.string(), role: MemberRole })),
  attributes: z.record(z.string(), AttributeValue),
  createdAt: z.string(),
});
export type ExportedCustomer = z.infer<typeof ExportedCustomer>;

/** One conversation in a JSON export: who, where, and its clocks. */
export const ExportedConversation = z.object({
  id: z.string(),
  customerId: z.string(),
  channel: z.string(),
  status: z.string(),
  team: z.string().nullable(),
  assignee: z.object({ email: z.string(), name: z.string() }).nullable(),
  startedAt: z.string(),
  humanConnectedAt: z.string().nullable(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  messageCount: z.number().int(),
});
export type ExportedConversation = z.infer<typeof ExportedConversation>;

export const CustomersExport = z.object({ customers: z.array(ExportedCustomer) });
export const ConversationsExport = z.object({ conversations: z.array(ExportedConversation) });

export type ExportFormat = 'csv' | 'json';

/** A file being written: its name and type, and its text in chunks, read from the database a page at a time. */
export interface ExportFile {
  filename: string;
  contentType: string;
  chunks: AsyncIterable<string>;
}

const PAGE = 1_000;

/** The workspace's live customers as CSV (cells neutralised for spreadsheets) or JSON. Supervisors and admins. */
export async function exportCustomers(services: Services, actor: AgentActor, format: ExportFormat): Promise<ExportFile> {
  mayExport(actor);
  const { workspaceId } = actor;
  const attributeKeys = (await attributeDefinitions.list(services.db, workspaceId)).map((d) => d.key);
  return exportFile(services, format, {
    name: 'customers',
    ids: () => customerExport.customerIds(services.db, workspaceId),
    page: (ids) => customerExport.customers(services.db, workspaceId, ids),
    record: presentCustomer,
    csvHeader: [
      'id',
      'name',
      'email',
      'phone',
      'external_id',
      'verified',
      'erased',
      'owner_email',
      'organizations',
      'created_at',
      ...attributeKeys.map((k) => `attr:${k}`),
    ],
    csvValues: (c) => [
      c.id,
      c.name,
      c.email,
      c.phone,
      c.externalId,
      c.verified,
      c.erased,
      c.ownerEmail,
      c.organizations.map((o) => `${o.name} (${o.role})`).join('; '),
      c.createdAt,
      ...attributeKeys.map((k) => c.attributes[k] ?? null),
    ],
  });
}

/** Every conversation of the workspace with its clocks and message count, as CSV or JSON. Supervisors and admins. */
export async function exportConversations(services: Services, actor: AgentActor, format: ExportFormat): Promise<ExportFile> {
  mayExport(actor);
  const { workspaceId } = actor;
  return exportFile(services, format, {
    name: 'conversations',
    ids: () => customerExport.conversationIds(services.db, workspaceId),
    page: (ids) => customerExport.conversations(services.db, workspaceId, ids),
    record: presentConversation,
    csvHeader: [
      'id',
      'customer_id',
      'channel',
      'status',
      'team',
      'assignee_email',
      'assignee_name',
      'started_at',
      'human_connected_at',
      'first_response_at',
      'resolved_at',
      'message_count',
    ],
    csvValues: (c) => [
      c.id,
      c.customerId,
      c.channel,
      c.status,
      c.team,
      c.assignee?.email,
      c.assignee?.name,
      c.startedAt,
      c.humanConnectedAt,
      c.firstResponseAt,
      c.resolvedAt,
      c.messageCount,
    ],
  });
}

function mayExport(actor: AgentActor): void {
  if (actor.role === 'agent') throw new Forbidden('Exports are for supervisors and admins.');
}

function presentCustomer(row: ExportedCustomerRow): ExportedCustomer {
  const erased = row.erasedAt !== null;
  return {
    id: row.id,
    name: erased ? null : row.name,
    email: erased ? null : row.email,
    phone: erased ? null : row.phone,
    externalId: erased ? null : row.externalId,
    verified: row.verified,
    erased,
    ownerEmail: row.ownerEmail,
    organizations: erased ? [] : row.organizations,
    attributes: erased ? {} : row.attributes,
    createdAt: row.createdAt.toISOString(),
  };
}

function presentConversation(row: ExportedConversationRow): ExportedConversation {
  return {
    id: row.id,
    customerId: row.customerId,
    channel: row.channel,
    status: row.status,
    team: row.team,
    assignee: row.assigneeEmail ? { email: row.assigneeEmail, name: row.assigneeName ?? '' } : null,
    startedAt: row.startedAt.toISOString(),
    humanConnectedAt: isoOrNull(row.humanConnectedAt),
    firstResponseAt: isoOrNull(row.firstResponseAt),
    resolvedAt: isoOrNull(row.resolvedAt),
    messageCount: row.messageCount,
  };
}

type Cell = string | number | boolean | null | undefined;

function exportFile<Row, Out>(
  services: Services,
  format: ExportFormat,
  spec: {
    name: string;
    ids: () => Promise<string[]>;
    page: (ids: string[]) => Promise<Row[]>;
    record: (row: Row) => Out;
    csvHeader: string[];
    csvValues: (record: Out) => Cell[];
  },
): ExportFile {
  const day = services.now().toISOString().slice(0, 10);
  async function* chunks(): AsyncGenerator<string> {
    const ids = await spec.ids();
    yield format === 'csv' ? csvRow(spec.csvHeader) : `{"${spec.name}":[`;
    let separator = '';
    for (let i = 0; i < ids.length; i += PAGE) {
      const records = (await spec.page(ids.slice(i, i + PAGE))).map(spec.record);
      if (records.length === 0) continue;
      if (format === 'csv') yield records.map((r) => csvRow(spec.csvValues(r))).join('');
      else yield separator + records.map((r) => JSON.stringify(r)).join(',');
      separator = ',';
    }
    if (format === 'json') yield ']}\n';
  }
  return {
    filename: `${spec.name}-${day}.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    chunks: chunks(),
  };
}
