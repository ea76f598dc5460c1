/**
 * Import-graph rules checked by `npm run check:cycles` (part of `npm test`).
 * Decision record: docs/decisions/014-import-cycles-and-duplication-checks.md
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No two modules may import each other, directly or through others (dynamic imports and type-only imports count too): ' +
        'move the shared piece down into a small module both can import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'views-without-queries',
      severity: 'error',
      comment:
        "Views import only types and pure helpers (docs/one-way.md): the types a view needs live in the feature's model.ts, " +
        'never in queries.ts, so no query code can reach a view.',
      from: { path: '^views/' },
      to: { path: '^src/[^/]+/queries\\.ts$' },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: 'Every import must resolve (a `.js` specifier to its .ts/.tsx file): an import the checker cannot follow is an edge it cannot check for cycles.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
