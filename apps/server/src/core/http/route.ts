import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AgentActor, AgentSession, Services, VisitorActor } from '../context.ts';
import { Invalid } from '../errors.ts';
import { refuseUnstorableText } from './storableText.ts';

type Auth = 'none' | 'agent' | 'visitor';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends Auth> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  auth: A;
  params?: P;
  query?: Q;
  body?: B;
  /** Response schemas by status, for the OpenAPI document. */
  responses: Record<number, z.ZodType | null>;
  handler: (
    ctx: {
      services: Services;
      params: z.infer<P>;
      query: z.infer<Q>;
      body: z.infer<B>;
      request: FastifyRequest;
      reply: FastifyReply;
    } & (A extends 'agent'
      ? { actor: AgentActor; session: AgentSession }
      : A extends 'visitor'
        ? { actor: VisitorActor }
        : object),
  ) => Promise<unknown>;
}

type AnySpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType, Auth>;
const registries = new WeakMap<FastifyInstance, AnySpec[]>();

/** Every route declared on `app` through route(), in declaration order: what the OpenAPI document and the edge tests walk. */
export function declaredRoutes(
  app: FastifyInstance,
): ReadonlyArray<Readonly<Pick<AnySpec, 'method' | 'url' | 'auth' | 'params' | 'query' | 'body'>>> {
  return registries.get(app) ?? [];
}

/** Parses a request part with its zod schema; a failure is a 400 that says what is wrong and where. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  throw new Invalid(readable(result.error.issues[0]!, issues[0]!), { issues });
}

/**
 * The message people read: the place, then what is wrong — unless the sentence already names its field
 * ("body must not be empty", never "body.body: body must not be empty"). `details.issues` keep the exact path.
 */
function readable(issue: z.core.$ZodIssue, placed: { path: string; message: string }): string {
  const field = issue.path.at(-1);
  const named = typeof field === 'string' && placed.message.startsWith(`${field} `);
  return named ? placed.message : `${placed.path}: ${placed.message}`;
}

/**
 * Declares one REST route: validated at the edge with zod, authenticated, then handed to a command.
 * The same declaration feeds /api/v1/openapi.json.
 */
export function route<
  P extends z.ZodType = z.ZodObject,
  Q extends z.ZodType = z.ZodObject,
  B extends z.ZodType = z.ZodObject,
  A extends Auth = 'none',
>(app: FastifyInstance, services: Services, spec: RouteSpec<P, Q, B, A>): void {
  const registry = registries.get(app) ?? [];
  registries.set(app, registry);
  registry.push(spec as unknown as AnySpec);
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (request, reply) => {
      const auth =
        spec.auth === 'agent'
          ? await services.authenticate.agent(services, request)
          : spec.auth === 'visitor'
            ? { actor: await services.authenticate.visitor(services, request) }
            : {};
      // Text that cannot be stored is refused here, in every part, whether or not the route reads that part.
      refuseUnstorableText(request.params, 'params');
      refuseUnstorableText(request.query, 'query');
      refuseUnstorableText(request.body, 'body');
      const params = spec.params ? parse(spec.params, request.params, 'params') : {};
      const query = spec.query ? parse(spec.query, request.query, 'query') : {};
      const body = spec.body ? parse(spec.body, request.body, 'body') : {};
      const result = await spec.handler({ services, params, query, body, request, reply, ...auth } as never);
      if (result === undefined) return reply.code(reply.statusCode === 200 ? 204 : reply.statusCode).send();
      return result;
    },
  });
}

const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

function schemaOf(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(app: FastifyInstance, publicUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registries.get(app) ?? []) {
    if (!spec.url.startsWith('/api/v1')) continue;
    const path = spec.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      if (!schema) continue;
      const json = schemaOf(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(json.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(spec.responses)) {
      responses[status] = schema
        ? { description: 'OK', content: { 'application/json': { schema: schemaOf(schema, 'output') } } }
        : { description: 'No content' };
    }
    responses['4XX'] = {
      description: 'A problem with the request',
      content: { 'application/json': { schema: schemaOf(ErrorResponse, 'output') } },
    };
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = {
      summary: spec.summary,
      tags: [spec.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } } }
        : {}),
      responses,
      security: spec.auth === 'agent' ? [{ session: [] }] : spec.auth === 'visitor' ? [{ visitorToken: [] }] : [],
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Warmline API',
      version: '1',
      description: 'Customer service that gets every customer to a named human, fast.',
    },
    servers: [{ url: publicUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'wl_session', description: 'Writes also need the X-CSRF-Token header.' },
        visitorToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The signed visitor token from POST /api/v1/widget/session.',
        },
      },
    },
    paths,
  };
}
