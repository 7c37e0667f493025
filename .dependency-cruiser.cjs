/**
 * Import rules of the server and the portals, checked by `npm run check:boundaries` (part of `npm test`).
 * The layers and their allowed arrows are drawn in docs/architecture.md; DOMAIN_ORDER below is the one
 * place that says which domain sits above which.
 */

/** Bottom first: a domain may import the public entry (index.ts) of a domain listed before it, never after. */
const DOMAIN_ORDER = [
  'geo', 'accounts', 'admin', 'catalog', 'messaging', 'workers', 'booking', 'payments', 'promotions', 'reviews',
  'tracking', 'calls', 'complaints', 'quality', 'dispatch', 'support', 'safety', 'claims', 'requests',
];

const above = (i) => DOMAIN_ORDER.slice(i + 1);

const layering = DOMAIN_ORDER.map((name, i) => ({
  name: `domain-${name}-looks-down`,
  comment: `${name} may import only domains below it (${DOMAIN_ORDER.slice(0, i).join(', ') || 'none'}); reacting to a higher one is the workflow layer's job`,
  severity: 'error',
  from: { path: `^src/domains/${name}/` },
  to: { path: above(i).length ? `^src/domains/(${above(i).join('|')})/` : '^$' },
})).filter((rule) => rule.to.path !== '^$');

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No file imports itself through others, inside a domain or across the layers',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-type-cycles',
      comment: 'Type-only imports must not run in a circle either: a reader follows them the same way',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layering,
    {
      name: 'domains-enter-by-index',
      comment: 'Another domain is used through its public entry (index.ts) only, never its inner files',
      severity: 'error',
      from: { path: '^src/domains/([^/]+)/' },
      to: { path: '^src/domains/[^/]+/', pathNot: ['^src/domains/$1/', '^src/domains/[^/]+/index\\.ts$'] },
    },
    {
      name: 'domains-never-import-workflows',
      comment: 'Workflows sit above the domains; a domain offers a port (see booking/order-steps.ts) instead',
      severity: 'error',
      from: { path: '^src/domains/' },
      to: { path: '^src/(workflows/|app\\.ts$|main\\.ts$|seed/)' },
    },
    {
      name: 'workflows-enter-domains-by-index',
      severity: 'error',
      from: { path: '^src/workflows/' },
      to: { path: '^src/domains/[^/]+/', pathNot: '^src/domains/[^/]+/index\\.ts$' },
    },
    {
      name: 'workflows-below-composition',
      severity: 'error',
      from: { path: '^src/workflows/' },
      to: { path: '^src/(app\\.ts$|main\\.ts$|seed/)' },
    },
    {
      name: 'platform-knows-no-domain',
      comment: 'platform/ and db/ are cross-cutting: they import no domain, workflow or composition file',
      severity: 'error',
      from: { path: '^src/(platform|db)/' },
      to: { path: '^src/(domains/|workflows/|app\\.ts$|main\\.ts$|seed/)' },
    },
    {
      name: 'web-imports-shared-types-only',
      comment: 'The portals take server types from src/shared-types.ts only (never server code)',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/shared-types\\.ts$' },
    },
    {
      name: 'shared-types-are-types',
      comment: 'src/shared-types.ts re-exports types only, so the portals bundle no server code',
      severity: 'error',
      from: { path: '^src/shared-types\\.ts$' },
      to: { dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/|\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
