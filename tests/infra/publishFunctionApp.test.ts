/**
 * scripts/publishFunctionApp.ts, the deploy step that publishes to Flex Consumption: it refuses
 * an Azure CLI too old for Flex and retries only the refusals a propagating role assignment
 * explains. `az` is scripted here; nothing reaches Azure.
 */
import { MIN_AZURE_CLI, isAtLeast, publish } from '../../scripts/publishFunctionApp';

const args = ['-g', 'rg-moments', '-n', 'func-moments', '--src', 'build/functions.zip'];
const denied =
  'ERROR: (AuthorizationPermissionMismatch) This request is not authorized to perform this operation using this permission. Status: 403';

/** A scripted `az`: `version` answers with `cliVersion`; each config-zip takes the next answer. */
function scriptedAz(cliVersion: string | undefined, publishAnswers: { status: number; output: string }[]) {
  const calls: string[][] = [];
  const run = (argv: string[]) => {
    calls.push(argv);
    if (argv[0] === 'version') {
      return cliVersion === undefined
        ? { status: 1, output: 'az: command not found' }
        : { status: 0, output: JSON.stringify({ 'azure-cli': cliVersion, extensions: {} }) };
    }
    return publishAnswers.shift() ?? { status: 0, output: '' };
  };
  const lines: string[] = [];
  const waits: number[] = [];
  const options = {
    run,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
    log: (line: string) => lines.push(line),
    attempts: 4,
    delayMs: 30_000,
  };
  return { options, calls, lines, waits };
}

describe('publishFunctionApp', () => {
  test('compares dotted versions', () => {
    expect(isAtLeast('2.60.0', '2.60.0')).toBe(true);
    expect(isAtLeast('2.67.1', '2.60.0')).toBe(true);
    expect(isAtLeast('3.0', '2.60.0')).toBe(true);
    expect(isAtLeast('2.59.9', '2.60.0')).toBe(false);
    expect(isAtLeast('2.9.0', '2.60.0')).toBe(false);
  });

  test('an Azure CLI older than Flex needs stops before publishing, naming both versions', async () => {
    const az = scriptedAz('2.55.0', []);
    expect(await publish(args, az.options)).toBe(1);
    expect(az.calls).toEqual([['version', '--output', 'json']]);
    expect(az.lines.join('\n')).toContain(
      `Azure CLI 2.55.0 is too old to publish to Flex Consumption: ${MIN_AZURE_CLI}`,
    );
  });

  test('no Azure CLI at all says how to get one', async () => {
    const az = scriptedAz(undefined, []);
    expect(await publish(args, az.options)).toBe(1);
    expect(az.lines.join('\n')).toMatch(/Azure CLI \(az\) was not found.*aka\.ms\/azure-cli/);
  });

  test('passes the arguments to config-zip and succeeds on the first accepted attempt', async () => {
    const az = scriptedAz('2.67.0', [{ status: 0, output: '{"status": 4}' }]);
    expect(await publish(args, az.options)).toBe(0);
    expect(az.calls[1]).toEqual(['functionapp', 'deployment', 'source', 'config-zip', ...args]);
    expect(az.waits).toEqual([]);
  });

  test('a 403 while the new role assignment propagates is retried after a wait, then succeeds', async () => {
    const az = scriptedAz('2.67.0', [
      { status: 1, output: denied },
      { status: 1, output: denied },
      { status: 0, output: '' },
    ]);
    expect(await publish(args, az.options)).toBe(0);
    expect(az.waits).toEqual([30_000, 30_000]);
    expect(az.lines[0]).toMatch(/attempt 1 of 4.*storage role/);
  });

  test('gives up after the last attempt with the error az printed and its exit code', async () => {
    const az = scriptedAz(
      '2.67.0',
      Array.from({ length: 4 }, () => ({ status: 3, output: denied })),
    );
    expect(await publish(args, az.options)).toBe(3);
    expect(az.calls.filter((c) => c[0] === 'functionapp')).toHaveLength(4);
    expect(az.lines.at(-1)).toBe(denied);
  });

  test('any other failure stops at once, without waiting', async () => {
    const notFound =
      "ERROR: (ResourceNotFound) The Resource 'Microsoft.Web/sites/func-moments' was not found.";
    const az = scriptedAz('2.67.0', [{ status: 1, output: notFound }]);
    expect(await publish(args, az.options)).toBe(1);
    expect(az.waits).toEqual([]);
    expect(az.lines).toEqual([notFound]);
  });
});
