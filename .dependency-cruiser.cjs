// The layering of DESIGN.md, checked on the import graph by `npm run layering` (part of `npm test`).
// tests/architecture/layering.test.ts shows each rule failing on a deliberate violation.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-package',
      comment:
        'core/ is plain TypeScript: it speaks through its ports and imports no SDK and no Node module. ' +
        'Only small pure libraries named here are allowed (zod for validation, csv-parse for CSV).',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        dependencyTypes: [
          'npm',
          'npm-dev',
          'npm-optional',
          'npm-peer',
          'npm-no-pkg',
          'npm-unknown',
          'core',
          'unknown',
        ],
        pathNot: ['node_modules/(zod|csv-parse)/'],
      },
    },
    {
      name: 'core-imports-no-edge',
      comment: 'core/ must not import bot/ or functions/: the edges depend on core, never the reverse.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(bot|functions)/' },
    },
    {
      name: 'nothing-imports-functions',
      comment: 'Nothing imports functions/: it is the outermost layer (entry points and composition root).',
      severity: 'error',
      from: { path: '^(core|bot)/' },
      to: { path: '^functions/' },
    },
    {
      name: 'deployed-code-imports-no-dev-tool',
      comment:
        'functions/dev/ (local host, jobs CLI, demo data) is never deployed: deployed code must not import it.',
      severity: 'error',
      from: { path: '^(core|bot|functions)/', pathNot: '^functions/dev/' },
      to: { path: '^functions/dev/' },
    },
    {
      name: 'core-feature-through-its-entry',
      comment:
        'A core/ feature uses another feature only through its public entry (core/<feature>/index.ts), ' +
        'so that what a feature keeps to itself can change without touching the others.',
      severity: 'error',
      from: { path: '^core/([^/]+)/' },
      to: { path: '^core/[^/]+/', pathNot: ['^core/$1/', '^core/[^/]+/index\\.ts$'] },
    },
    {
      name: 'edges-use-core-through-its-entries',
      comment:
        'bot/ and functions/ use a core/ feature only through its public entry (core/<feature>/index.ts).',
      severity: 'error',
      from: { path: '^(bot|functions)/' },
      to: { path: '^core/[^/]+/', pathNot: '^core/[^/]+/index\\.ts$' },
    },
    {
      name: 'shared-depends-on-no-feature',
      comment: 'core/shared/ holds what every feature may use; it depends on no feature.',
      severity: 'error',
      from: { path: '^core/shared/' },
      to: { path: '^core/', pathNot: '^core/shared/' },
    },
    {
      name: 'no-cycle',
      comment:
        'No module reaches itself again through imports that run: a cycle through feature entries leaves ' +
        'one side half-loaded. Type-only imports are erased and may go both ways.',
      severity: 'error',
      from: { path: '^(core|bot|functions)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|build|coverage|\\.local)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
