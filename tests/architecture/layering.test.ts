import path from 'node:path';
import { spawnSync } from 'node:child_process';

// The layering rule of DESIGN.md is an ESLint rule (eslint.config.mjs), so `npm test` fails on a
// violation. These tests show the rule catches each kind of violation and allows what is allowed.
const root = path.resolve(__dirname, '..', '..');

/** Lints `code` as if it were `file`, with the project's ESLint CLI and config. */
async function problems(file: string, code: string): Promise<string[]> {
  const eslint = path.join(root, 'node_modules', '.bin', 'eslint');
  const run = spawnSync(eslint, ['--stdin', '--stdin-filename', file, '--format', 'json'], {
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

describe('layering rule', () => {
  it.each([
    ["import { TurnContext } from 'botbuilder';", /core\/ is plain TypeScript/],
    ["import { CosmosClient } from '@azure/cosmos';", /core\/ is plain TypeScript/],
    ["import { Application } from '@microsoft/teams-ai';", /core\/ is plain TypeScript/],
    ["import { loadConfig } from '../functions/config';", /Nothing imports functions/],
    ["import { createMomentsBot } from '../bot/app';", /core\/ must not import bot/],
    ['export const zone = process.env.TZ;', /core\/ never reads process/],
  ])('refuses in core/: %s', async (code, message) => {
    expect((await problems('core/example.ts', `${code}\nexport {};\n`)).join('\n')).toMatch(message);
  });

  it('refuses bot/ importing functions/', async () => {
    expect(
      (
        await problems(
          'bot/example.ts',
          "import { loadConfig } from '../functions/config';\nexport { loadConfig };\n",
        )
      ).join('\n'),
    ).toMatch(/Nothing imports functions/);
  });

  it('allows core/ importing core/, and bot/ importing core/ and SDKs', async () => {
    expect(
      await problems('core/example.ts', "import type { Logger } from './logger';\nexport type L = Logger;\n"),
    ).toEqual([]);
    expect(
      await problems(
        'bot/example.ts',
        "import type { TurnContext } from 'botbuilder';\nimport type { Logger } from '../core/logger';\nexport type T = [TurnContext, Logger];\n",
      ),
    ).toEqual([]);
  });
});
