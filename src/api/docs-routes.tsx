import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { PROBLEM_TYPES } from '../http/problem-types.js';
import { ReferencePage } from '../../views/api/ReferencePage.js';
import { entityTag, noneMatch } from './logic.js';
import { referenceModel } from './reference.js';
import { openApiDocument } from './routes.js';
import { API_SCOPES } from './scopes.js';

// The API's description for the people who build the link: the OpenAPI 3.1 document and the same
// as a page. Both public (they hold no data), both generated from the routes' own zod schemas.
// Mounted at /api (src/app.ts), next to the API itself.

export const apiDocsRoutes = new Hono<AppEnv>();

/** Generated once per process: the routes do not change while it runs. */
let cached: { origin: string; text: string; document: Record<string, unknown>; tag: string } | undefined;
function documentFor(origin: string) {
  if (cached?.origin !== origin) {
    const document = openApiDocument(origin) as unknown as Record<string, unknown>;
    const text = JSON.stringify(document);
    cached = { origin, text, document, tag: `W/${entityTag(text)}` };
  }
  return cached;
}

apiDocsRoutes.get('/openapi.json', (c) => {
  const doc = documentFor(c.get('deps').config.publicOrigin);
  const headers = { ETag: doc.tag, 'Cache-Control': 'no-cache' };
  if (noneMatch(c.req.header('If-None-Match'), doc.tag)) return c.body(null, 304, headers);
  return c.body(doc.text, 200, { 'Content-Type': 'application/json', ...headers });
});

apiDocsRoutes.get('/reference', (c) => {
  const origin = c.get('deps').config.publicOrigin;
  const words = c.get('t').api.reference;
  const model = referenceModel(documentFor(origin).document, { listOf: words.listOf, nullable: words.nullable, oneOf: words.oneOf });
  return render(c, () => <ReferencePage ui={ui(c)} model={model} documentUrl={`${origin}/api/openapi.json`} scopes={API_SCOPES} problems={PROBLEM_TYPES} />);
});
