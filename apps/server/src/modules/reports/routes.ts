import { ReportDrillQuery, ReportDrillResponse, ReportParams, ReportQuery, ReportResponse } from '@warmline/shared';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../core/context.ts';
import { route } from '../../core/http/route.ts';
import { drillDown } from './drillDown.ts';
import { reportCsv, reportCsvName } from './reportCsv.ts';
import { buildReport, planReport } from './reports.ts';

const SEE =
  'Supervisors and admins see the whole workspace; agents see what they may see of conversations (restricted teams only when in them).';

export function reportRoutes(app: FastifyInstance, services: Services) {
  route(app, services, {
    method: 'GET',
    url: '/api/v1/reports/:figure',
    tag: 'reports',
    summary: `One figure over calendar dates read in a time zone, by channel, team or agent, in total and per day, with the period before when asked. ${SEE}`,
    auth: 'agent',
    params: ReportParams,
    query: ReportQuery,
    responses: { 200: ReportResponse },
    handler: async ({ actor, params, query }) =>
      buildReport(services, actor, await planReport(services, actor, params.figure, query)),
  });
  route(app, services, {
    method: 'GET',
    url: '/api/v1/reports/:figure.csv',
    tag: 'reports',
    summary: `A figure's table as CSV: header row,<measures…>, one line per row, then total. ${SEE}`,
    auth: 'agent',
    params: ReportParams,
    query: ReportQuery,
    responses: { 200: null },
    handler: async ({ actor, params, query, reply }) => {
      const report = await buildReport(services, actor, await planReport(services, actor, params.figure, query));
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${reportCsvName(report)}"`)
        .header('cache-control', 'no-store');
      return reportCsv(report);
    },
  });
  route(app, services, {
    method: 'GET',
    url: '/api/v1/reports/:figure/conversations',
    tag: 'reports',
    summary: `The conversations behind one cell of a figure (row: a row's key, none for the total; measure: one of its measures), oldest first. ${SEE}`,
    auth: 'agent',
    params: ReportParams,
    query: ReportDrillQuery,
    responses: { 200: ReportDrillResponse },
    handler: async ({ actor, params, query }) => drillDown(services, actor, params.figure, query),
  });
}
