import { assessmentShapeSchema } from '../../core/schema';
import { z } from '../../core/zod';
import { assessmentFileSchema, rubricFileSchema } from './api-schemas';
import type { Route } from './route';
import { SESSION_COOKIE } from './session-cookie';

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document, made from the route table and the very zod
 * schemas that validate requests. The assessment and rubric bodies are
 * checked by the core's validators; the document shows the core schema
 * those validators start from.
 */
export function buildOpenApi(routes: readonly Route[]): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const convert = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const json = z.toJSONSchema(schema, {
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema === assessmentFileSchema) replace(jsonSchema, { $ref: '#/$defs/Assessment' });
        if (zodSchema === rubricFileSchema) replace(jsonSchema, { $ref: '#/$defs/Rubric' });
      },
    }) as JsonSchema;
    const { $defs, $schema: _dialect, ...rest } = json;
    Object.assign(components, $defs ?? {});
    return rest;
  };
  const core = z.toJSONSchema(assessmentShapeSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }) as JsonSchema;
  const { $defs: coreDefs, $schema: _coreDialect, ...assessment } = core;
  Object.assign(components, coreDefs ?? {}, { Assessment: assessment });
  components.Rubric = (assessment.properties as Record<string, JsonSchema>).rubric ?? {};

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      'x-access': typeof route.access === 'string' ? route.access : [...route.access],
      security: route.access === 'public' ? [] : [{ session: [] }],
      parameters: [
        ...parametersOf(route.params, 'path', convert),
        ...parametersOf(route.query, 'query', convert),
      ],
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: convert(route.body, 'input') } },
            },
          }),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, doc]) => [
          status,
          {
            description: doc.description,
            ...(doc.schema === undefined && status !== '200'
              ? {}
              : {
                  content: {
                    [doc.contentType ?? 'application/json']: {
                      schema: doc.schema === undefined ? {} : convert(doc.schema, 'output'),
                    },
                  },
                }),
          },
        ]),
      ),
    };
  }
  const text = JSON.stringify({
    openapi: '3.1.0',
    info: {
      title: 'Moatscore team server',
      version: '1',
      description:
        'Every error is JSON `{ "message": … }`. Sign in with POST /api/session; the session is an HttpOnly cookie.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
    },
  });
  return JSON.parse(text.replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

/** zod hands `override` the schema object to edit in place; this swaps its whole content. */
function replace(target: JsonSchema, value: JsonSchema): void {
  for (const key of Object.keys(target)) Reflect.deleteProperty(target, key);
  Object.assign(target, value);
}

function parametersOf(
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  convert: (schema: z.ZodType, io: 'input' | 'output') => JsonSchema,
): unknown[] {
  if (schema === undefined) return [];
  const json = convert(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}
