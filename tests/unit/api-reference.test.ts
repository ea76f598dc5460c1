import { describe, expect, it } from 'vitest';
import { referenceModel, typeOf } from '../../src/api/reference.js';

const words = { listOf: 'list of', nullable: 'or null', oneOf: 'one of' };

describe('the reference page’s model of an OpenAPI document', () => {
  it('writes types in words, with links to the schemas they name', () => {
    expect(typeOf({ type: 'string' }, words)).toEqual([{ text: 'string' }]);
    expect(typeOf({ type: ['integer', 'null'] }, words)).toEqual([{ text: 'integer' }, { text: ' or null' }]);
    expect(typeOf({ type: 'string', format: 'date-time' }, words)).toEqual([{ text: 'string (date-time)' }]);
    expect(typeOf({ type: 'array', items: { $ref: '#/components/schemas/Score' } }, words)).toEqual([{ text: 'list of ' }, { ref: 'Score' }]);
    expect(typeOf({ enum: ['a', 'b'] }, words)).toEqual([{ text: 'one of: a, b' }]);
    expect(typeOf({ anyOf: [{ $ref: '#/components/schemas/X' }, { type: 'null' }] }, words)).toEqual([{ ref: 'X' }, { text: ' or null' }]);
  });

  it('lists operations with their full path, scopes, parameters, body and answers, and schemas with their (nested) fields', () => {
    const model = referenceModel(
      {
        info: { title: 'T', version: '1' },
        servers: [{ url: 'https://balans.ocmw.be/api' }],
        components: {
          securitySchemes: { c: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/api/oauth/token' } } } },
          schemas: {
            Household: {
              type: 'object',
              description: 'A household.',
              required: ['id'],
              properties: { id: { type: 'integer' }, team: { type: 'object', properties: { name: { type: 'string', description: 'Team name.' } } } },
            },
          },
        },
        paths: {
          '/v1/households/{householdId}': {
            get: {
              summary: 'A household',
              description: 'D',
              security: [{ c: ['households:read'] }],
              parameters: [{ name: 'householdId', in: 'path', required: true, schema: { type: 'string', description: 'The id.' } }],
              responses: {
                200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Household' } } } },
                304: { description: 'Not modified' },
              },
            },
          },
        },
      },
      words,
    );
    expect(model.tokenUrl).toBe('/api/oauth/token');
    expect(model.operations).toEqual([
      {
        id: 'get-api-v1-households-householdId',
        method: 'GET',
        path: '/api/v1/households/{householdId}',
        summary: 'A household',
        description: 'D',
        scopes: ['households:read'],
        parameters: [{ name: 'householdId', in: 'path', type: [{ text: 'string' }], required: true, description: 'The id.' }],
        body: null,
        responses: [
          { status: '200', description: 'OK', mediaType: 'application/json', type: [{ ref: 'Household' }] },
          { status: '304', description: 'Not modified', mediaType: null, type: [] },
        ],
      },
    ]);
    expect(model.schemas).toEqual([
      {
        name: 'Household',
        description: 'A household.',
        fields: [
          { name: 'id', type: [{ text: 'integer' }], required: true, description: '' },
          { name: 'team', type: [{ text: 'object' }], required: false, description: '' },
          { name: 'team.name', type: [{ text: 'string' }], required: false, description: 'Team name.' },
        ],
      },
    ]);
  });
});
