import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

// The layering of DESIGN.md is checked in `npm test` twice over: the import graph by
// dependency-cruiser (.dependency-cruiser.cjs, `npm run layering`) and core/'s ban on `process` by
// ESLint (eslint.config.mjs). These tests show each rule refusing a deliberate violation and
// allowing what is allowed.
const root = path.resolve(__dirname, '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** Lints `code` as if it were `file`, with the project's ESLint CLI and config. */
function lintProblems(file: string, code: string): string[] {
  const run = spawnSync(bin('eslint'), ['--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  if (!run.stdout) throw new Error(`eslint printed nothing: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as Array<{
    messages: Array<{ ruleId: string | null; message: string }>;
  }>;
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

/**
 * Cruises a small tree of `files` (path → source) laid out like the project, with the project's
 * dependency-cruiser config and packages, and returns the names of the rules it broke.
 */
function cruiseViolations(files: Record<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'moments-layering-'));
  try {
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.copyFileSync(path.join(root, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
    for (const [file, code] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), code);
    }
    const folders = ['core', 'bot', 'functions'].filter((f) => fs.existsSync(path.join(dir, f)));
    const run = spawnSync(
      bin('depcruise'),
      [...folders, '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
      { cwd: dir, encoding: 'utf8' },
    );
    if (!run.stdout) throw new Error(`depcruise printed nothing: ${run.stderr}`);
    const result = JSON.parse(run.stdout) as { summary: { violations: Array<{ rule: { name: string } }> } };
    return [...new Set(result.summary.violations.map((v) => v.rule.name))].sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const clean = {
  'core/shared/index.ts': "export * from './text';\n",
  'core/shared/text.ts': 'export const trim = (s: string) => s.trim();\n',
  'core/kudos/index.ts': "export * from './give';\n",
  'core/kudos/give.ts':
    "import { z } from 'zod';\nimport { trim } from '../shared';\nexport const give = (s: string) => z.string().parse(trim(s));\n",
  'bot/kudos/handlers.ts':
    "import type { TurnContext } from 'botbuilder';\nimport { give } from '../../core/kudos';\nexport const on = (c: TurnContext) => give(String(c.activity.text));\n",
  'bot/teams/cards.ts': 'export const card = (text: string) => ({ type: "TextBlock", text });\n',
  'functions/messages.ts': "import { on } from '../bot/kudos/handlers';\nexport const handler = on;\n",
  'functions/dev/start.ts': "import { handler } from '../messages';\nexport const start = handler;\n",
};

describe('layering rules (dependency-cruiser)', () => {
  it('allow the layout as it is meant to be used', () => {
    expect(cruiseViolations(clean)).toEqual([]);
  });

  it('the project itself keeps every rule', () => {
    const run = spawnSync(
      bin('depcruise'),
      ['core', 'bot', 'functions', '--config', '.dependency-cruiser.cjs'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.stdout + run.stderr).toMatch(/no dependency violations found/);
    expect(run.status).toBe(0);
  });

  it.each([
    [
      'core-imports-no-package',
      'core/kudos/give.ts',
      "import { TurnContext } from 'botbuilder';\nexport const t = TurnContext;\n",
    ],
    [
      'core-imports-no-package',
      'core/kudos/give.ts',
      "import { CosmosClient } from '@azure/cosmos';\nexport const c = CosmosClient;\n",
    ],
    [
      'core-imports-no-package',
      'core/kudos/give.ts',
      "import { createHash } from 'node:crypto';\nexport const h = createHash;\n",
    ],
    [
      'core-imports-no-edge',
      'core/kudos/give.ts',
      "import { card } from '../../bot/teams/cards';\nexport const c = card;\n",
    ],
    [
      'nothing-imports-functions',
      'bot/kudos/extra.ts',
      "import { handler } from '../../functions/messages';\nexport const h = handler;\n",
    ],
    [
      'deployed-code-imports-no-dev-tool',
      'functions/timer.ts',
      "import { start } from './dev/start';\nexport const s = start;\n",
    ],
    [
      'core-feature-through-its-entry',
      'core/notes/note.ts',
      "import { give } from '../kudos/give';\nexport const g = give;\n",
    ],
    [
      'edges-use-core-through-its-entries',
      'bot/notes/handlers.ts',
      "import { give } from '../../core/kudos/give';\nexport const g = give;\n",
    ],
    [
      'shared-depends-on-no-feature',
      'core/shared/extra.ts',
      "import { give } from '../kudos';\nexport const g = give;\n",
    ],
  ])('%s refuses %s importing what it must not', (rule, file, code) => {
    expect(cruiseViolations({ ...clean, [file]: code })).toEqual([rule]);
  });

  it('no-cycle refuses modules that import each other, and allows type-only imports both ways', () => {
    const cycle = {
      'core/notes/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'core/notes/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    };
    expect(cruiseViolations({ ...clean, ...cycle })).toEqual(['no-cycle']);
    const typesOnly = {
      'core/notes/a.ts': "import type { B } from './b';\nexport type A = { b?: B };\n",
      'core/notes/b.ts': "import type { A } from './a';\nexport type B = { a?: A };\n",
    };
    expect(cruiseViolations({ ...clean, ...typesOnly })).toEqual([]);
  });
});

describe('core/ never reads process (ESLint)', () => {
  it.each(['export const zone = process.env.TZ;', 'export const argv = process.argv;'])(
    'refuses %s',
    (code) => {
      expect(lintProblems('core/shared/example.ts', `${code}\n`).join('\n')).toMatch(
        /core\/ never reads process/,
      );
    },
  );

  it('allows it outside core/', () => {
    expect(lintProblems('functions/example.ts', 'export const zone = process.env.TZ;\n')).toEqual([]);
  });
});
