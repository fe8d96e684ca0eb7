/**
 * Publishes build/functions.zip to the Flex Consumption Function App (teamsapp.yml, deploy):
 *
 *   npx tsx scripts/publishFunctionApp.ts -g <resource group> -n <app> --subscription <id> --src build/functions.zip
 *
 * 1. Checks the Azure CLI: `config-zip` reaches Flex Consumption's one-deploy endpoint only from
 *    Azure CLI 2.60.0 on; an older one fails with a misleading zipdeploy error, so stop first.
 * 2. Runs `az functionapp deployment source config-zip`. Right after the first provision the
 *    app's identity may not hold its new storage role yet (role assignments take minutes to reach
 *    every replica), and the publish is refused with 403 / AuthorizationPermissionMismatch; those
 *    failures are retried every 30 s for up to 10 minutes. Any other failure stops at once.
 */
import { spawnSync } from 'node:child_process';

export const MIN_AZURE_CLI = '2.60.0';

/** The version `az version -o json` reports for the CLI itself, e.g. "2.67.0". */
export function azureCliVersion(azVersionJson: string): string | undefined {
  try {
    const parsed = JSON.parse(azVersionJson) as Record<string, unknown>;
    const version = parsed['azure-cli'];
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/** True when dotted `version` is `minimum` or later (missing parts count as 0). */
export function isAtLeast(version: string, minimum: string): boolean {
  const parts = (v: string) => v.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

/** A refusal that a role assignment still on its way explains, so waiting may fix it. */
export function isRolePropagationFailure(output: string): boolean {
  return /AuthorizationPermissionMismatch|AuthorizationFailure|does not have authorization|\b403\b|Forbidden/i.test(
    output,
  );
}

export interface PublishOptions {
  run: (args: string[]) => { status: number; output: string };
  sleep: (ms: number) => Promise<void>;
  log: (line: string) => void;
  attempts?: number;
  delayMs?: number;
}

/** Checks the CLI, then publishes; resolves to the exit code the step should end with. */
export async function publish(configZipArgs: string[], options: PublishOptions): Promise<number> {
  const { run, sleep, log, attempts = 20, delayMs = 30_000 } = options;
  const version = azureCliVersion(run(['version', '--output', 'json']).output);
  if (!version) {
    log('The Azure CLI (az) was not found: install it (https://aka.ms/azure-cli) and run `az login`.');
    return 1;
  }
  if (!isAtLeast(version, MIN_AZURE_CLI)) {
    log(
      `Azure CLI ${version} is too old to publish to Flex Consumption: ${MIN_AZURE_CLI} or later is needed (az upgrade).`,
    );
    return 1;
  }
  for (let attempt = 1; ; attempt++) {
    const result = run(['functionapp', 'deployment', 'source', 'config-zip', ...configZipArgs]);
    if (result.status === 0) return 0;
    if (!isRolePropagationFailure(result.output) || attempt >= attempts) {
      log(result.output.trim());
      return result.status || 1;
    }
    log(
      `Publish refused (attempt ${attempt} of ${attempts}): the app's new storage role may not have reached Azure Storage yet; retrying in ${delayMs / 1000} s.`,
    );
    await sleep(delayMs);
  }
}

function runAz(args: string[]): { status: number; output: string } {
  // az is az.cmd on Windows, which only a shell runs.
  const result = spawnSync('az', args, { encoding: 'utf8', shell: process.platform === 'win32' });
  process.stdout.write(args[0] === 'version' ? '' : (result.stdout ?? ''));
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}\n${result.stderr ?? ''}` };
}

if (require.main === module) {
  void publish(process.argv.slice(2), {
    run: runAz,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    log: (line) => console.error(line),
  }).then((code) => {
    process.exitCode = code;
  });
}
