/**
 * Builds appPackage/build/appPackage.<env>.zip from appPackage/ and env/.env.<env>.
 *
 *   npx tsx scripts/packageApp.ts --env local
 *
 * Values in the process environment override the env file. Exits non-zero, naming the problem,
 * when the env file is missing, a placeholder has no value, or the manifest/icons are invalid.
 */
import { relative } from 'node:path';
import { ManifestValidationError, writeAppPackage } from './appPackage';

function parseEnvArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--env' || arg === '-e') return argv[i + 1];
    if (arg.startsWith('--env=')) return arg.slice('--env='.length);
  }
  return undefined;
}

async function main(): Promise<number> {
  const env = parseEnvArg(process.argv.slice(2));
  if (!env) {
    console.error('Usage: tsx scripts/packageApp.ts --env <name>   (reads env/.env.<name>)');
    return 2;
  }
  try {
    const out = await writeAppPackage(env);
    console.log(`App package for "${env}" written to ${relative(process.cwd(), out)}`);
    return 0;
  } catch (e) {
    if (e instanceof ManifestValidationError) {
      console.error(`Not packaged: the filled manifest for "${env}" has ${e.errors.length} problem(s):`);
      for (const err of e.errors) console.error(`  - ${err}`);
    } else {
      console.error(`Not packaged: ${e instanceof Error ? e.message : String(e)}`);
    }
    return 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
