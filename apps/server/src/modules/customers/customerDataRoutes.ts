import { Readable } from 'node:stream';
import { ExportQuery, ImportReport } from '@warmline/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../core/context.ts';
import { Invalid } from '../../core/errors.ts';
import { route } from '../../core/http/route.ts';
import { ConversationsExport, CustomersExport, type ExportFile, exportConversations, exportCustomers } from './customerExport.ts';
import { IMPORT_MAX_BYTES, importCustomers } from './customerImport.ts';

/** Customers in and out in bulk: CSV import, and CSV or JSON exports of customers and conversations. */
export function customerDataRoutes(app: FastifyInstance, services: Services) {
  // The file arrives as bytes: the import decides whether they are UTF-8, and says so if not.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  route(app, services, {
    method: 'POST',
    url: '/api/v1/imports/customers',
    tag: 'customers',
    summary:
      'Import customers from a CSV file sent as text/csv, up to 50 MB (supervisors and admins). Columns, any order: name, email, ' +
      'phone, external_id, owner_email, organization, role, attr:<key>. Rows matching a proven contact point are merged into that ' +
      'customer; bad rows are reported and skipped; a bad file (not UTF-8, unknown columns) imports nothing.',
    auth: 'agent',
    responses: { 200: ImportReport },
    handler: async ({ actor, request }) => {
      if (!Buffer.isBuffer(request.body)) throw new Invalid('Send the file as the request body with content-type: text/csv.');
      return importCustomers(services, actor, request.body);
    },
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/exports/customers',
    tag: 'customers',
    summary:
      'Download every live customer as CSV or JSON (supervisors and admins); erased customers appear without personal data',
    auth: 'agent',
    query: ExportQuery,
    responses: { 200: CustomersExport },
    handler: async ({ actor, query, reply }) => download(reply, await exportCustomers(services, actor, query.format)),
  });

  route(app, services, {
    method: 'GET',
    url: '/api/v1/exports/conversations',
    tag: 'customers',
    summary: 'Download every conversation with its clocks and message count as CSV or JSON (supervisors and admins)',
    auth: 'agent',
    query: ExportQuery,
    responses: { 200: ConversationsExport },
    handler: async ({ actor, query, reply }) => download(reply, await exportConversations(services, actor, query.format)),
  });
}

/** Streams an export as an attachment; personal data is never cached on the way. */
function download(reply: FastifyReply, file: ExportFile): Readable {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store');
  return Readable.from(file.chunks);
}
