// The API's reference page is the OpenAPI document (routes.ts, generated from the zod schemas)
// rendered on the server: this turns the document into what the page lists. Pure: no db, no
// request; nothing here is written twice by hand, so the page cannot drift from the document.

type Json = Record<string, unknown>;

/** A type as the page writes it: plain words, with links to the schemas it names. */
export type TypePart = { text: string } | { ref: string };

export interface ReferenceField {
  name: string;
  type: TypePart[];
  required: boolean;
  description: string;
}

export interface ReferenceOperation {
  /** The anchor of the operation on the page. */
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  scopes: string[];
  parameters: (ReferenceField & { in: string })[];
  body: { mediaType: string; type: TypePart[] } | null;
  responses: { status: string; description: string; mediaType: string | null; type: TypePart[] }[];
}

export interface ReferenceSchema {
  name: string;
  description: string;
  fields: ReferenceField[];
}

export interface ReferenceModel {
  title: string;
  version: string;
  description: string;
  server: string;
  tokenUrl: string;
  operations: ReferenceOperation[];
  schemas: ReferenceSchema[];
}

export interface TypeWords {
  /** "list of", followed by the item's type. */
  listOf: string;
  nullable: string;
  oneOf: string;
}

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** The type of a schema in words: "string", "integer or null", "list of Score", "one of: a, b". */
export function typeOf(schema: Json, words: TypeWords): TypePart[] {
  if (typeof schema.$ref === 'string') return [{ ref: refName(schema.$ref) }];
  if (Array.isArray(schema.enum)) return [{ text: `${words.oneOf}: ${schema.enum.map(String).join(', ')}` }];
  if ('const' in schema) return [{ text: JSON.stringify(schema.const) }];
  const anyOf = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(anyOf)) {
    const nonNull = anyOf.map(obj).filter((s) => s.type !== 'null');
    const parts = nonNull.flatMap((s, i) => [...(i ? [{ text: ' | ' }] : []), ...typeOf(s, words)]);
    return nonNull.length < anyOf.length ? [...parts, { text: ` ${words.nullable}` }] : parts;
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [str(schema.type) || 'object'];
  const nullable = types.includes('null');
  const main = types.filter((t) => t !== 'null')[0] ?? 'null';
  let parts: TypePart[];
  if (main === 'array') {
    parts = [{ text: `${words.listOf} ` }, ...typeOf(obj(schema.items), words)];
  } else {
    const format = str(schema.format);
    parts = [{ text: format && format !== 'binary' ? `${main} (${format})` : main }];
  }
  return nullable ? [...parts, { text: ` ${words.nullable}` }] : parts;
}

/** An object's fields; inline objects inside are listed as dotted names (team.id, subjects[].key). */
export function fieldsOf(schema: Json, words: TypeWords, prefix = ''): ReferenceField[] {
  const properties = obj(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).flatMap(([name, value]) => {
    const s = obj(value);
    const full = prefix + name;
    const nestedObject = s.type === 'object' && s.properties ? s : null;
    const items = s.type === 'array' ? obj(s.items) : null;
    const nestedItems = items && items.type === 'object' && items.properties ? items : null;
    const field = { name: full, type: typeOf(s, words), required: required.has(name), description: str(s.description) };
    if (nestedObject) return [field, ...fieldsOf(nestedObject, words, `${full}.`)];
    if (nestedItems) return [field, ...fieldsOf(nestedItems, words, `${full}[].`)];
    return [field];
  });
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function referenceModel(document: Json, words: TypeWords): ReferenceModel {
  const info = obj(document.info);
  const server = str(obj((document.servers as unknown[] | undefined)?.[0]).url);
  const basePath = server.replace(/^https?:\/\/[^/]+/, '');
  const schemes = obj(obj(document.components).securitySchemes);
  const flows = Object.values(schemes).map((s) => obj(obj(obj(s).flows).clientCredentials));
  const operations: ReferenceOperation[] = [];
  for (const [path, item] of Object.entries(obj(document.paths))) {
    for (const method of METHODS) {
      const op = obj(obj(item)[method]);
      if (!Object.keys(op).length) continue;
      const security = Array.isArray(op.security) ? (op.security as Json[]) : [];
      const content = obj(obj(op.requestBody).content);
      const bodyType = Object.keys(content)[0];
      operations.push({
        id: `${method}-${(basePath + path).replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
        method: method.toUpperCase(),
        path: basePath + path,
        summary: str(op.summary),
        description: str(op.description),
        scopes: security.flatMap((s) => Object.values(s).flatMap((v) => (Array.isArray(v) ? v.map(String) : []))),
        parameters: (Array.isArray(op.parameters) ? (op.parameters as Json[]) : []).map((p) => ({
          name: str(p.name),
          in: str(p.in),
          type: typeOf(obj(p.schema), words),
          required: p.required === true,
          description: str(p.description) || str(obj(p.schema).description),
        })),
        body: bodyType ? { mediaType: bodyType, type: typeOf(obj(obj(content[bodyType]).schema), words) } : null,
        responses: Object.entries(obj(op.responses)).map(([status, r]) => {
          const rc = obj(obj(r).content);
          const mediaType = Object.keys(rc)[0] ?? null;
          return { status, description: str(obj(r).description), mediaType, type: mediaType ? typeOf(obj(obj(rc[mediaType]).schema), words) : [] };
        }),
      });
    }
  }
  const schemas = Object.entries(obj(obj(document.components).schemas)).map(([name, s]) => ({
    name,
    description: str(obj(s).description),
    fields: fieldsOf(obj(s), words),
  }));
  return {
    title: str(info.title),
    version: str(info.version),
    description: str(info.description),
    server,
    tokenUrl: str(flows[0]?.tokenUrl),
    operations,
    schemas: schemas.sort((a, b) => a.name.localeCompare(b.name)),
  };
}
