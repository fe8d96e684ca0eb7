// The jobs CLI: `npm run job -- <command> [arguments] [options]`. Commands are in commands.ts.
import '../local/quietTestMode';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../../../core/people';
import { ConfigError } from '../../config';
import { commands, findCommand } from './commands';
import { UsageError, type JobCommand, type JobContext } from './job';
import type { JobRuntime } from './jobRuntime';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

const OPTIONS = `Options:
  --tenant ID      the tenant the command works on
  --at INSTANT     act as of this ISO 8601 instant with a zone, e.g. 2026-03-01T09:00:00Z (default: now)
  --dry-run        work everything out and report it, but write nothing (commands that write)
  --json           print the result as JSON
  --help, -h       this help; with a command, the command's`;

const WHERE = `Data: the Cosmos DB account of COSMOS_ENDPOINT when set; otherwise the local data of npm start
(<LOCAL_DATA_DIR>/data.json): through the running app's server when it runs, else on its own.`;

function generalUsage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: npm run job -- <command> [arguments] [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    OPTIONS,
    '',
    WHERE,
  ].join('\n');
}

function commandUsage(command: JobCommand): string {
  return `Usage: npm run job -- ${command.usage}\n\n${command.summary}.`;
}

/** The command line, parsed: the command, its positional arguments and the common options. */
export interface ParsedArguments {
  command?: string;
  args: string[];
  tenantId?: string;
  at?: Date;
  dryRun: boolean;
  json: boolean;
  help: boolean;
}

const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/i;

/** The instant an `--at` value names, or a {@link UsageError}: a real date and time, with a zone. */
export function parseInstant(value: string): Date {
  const match = ISO_INSTANT.exec(value);
  const problem = () =>
    new UsageError(
      `--at "${value}" is not an ISO 8601 instant with a zone, such as 2026-03-01T09:00:00Z or 2026-03-01T10:00+01:00.`,
    );
  if (!match) throw problem();
  const [, date = '', hour, minute, second = '0', zone, zoneHour = '0', zoneMinute = '0'] = match;
  if (
    !isCalendarDate(date) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59 ||
    (zone?.toUpperCase() !== 'Z' && (Number(zoneHour) > 23 || Number(zoneMinute) > 59))
  ) {
    throw problem();
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw problem();
  return instant;
}

const OPTION_SPEC = {
  tenant: { type: 'string' },
  at: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What `parseArgs` says when it refuses a command line, in the CLI's own words. */
function usageErrorOf(error: unknown): UsageError {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1] ?? 'an option';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`Unknown option ${option}.`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(message ?? '')
      ? new UsageError(`${option} takes no value.`)
      : new UsageError(`${option} needs a value.`);
  }
  return new UsageError(message ?? 'The command line could not be read.');
}

function readCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: OPTION_SPEC,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw usageErrorOf(error);
  }
}

/** Parses the command line with `node:util` `parseArgs`; throws {@link UsageError} for anything it does not know. */
export function parseArguments(argv: readonly string[]): ParsedArguments {
  const { values, positionals, tokens } = readCommandLine(argv);
  for (const name of ['tenant', 'at'] as const) {
    if (tokens.filter((token) => token.kind === 'option' && token.name === name).length > 1) {
      throw new UsageError(`--${name} is given twice.`);
    }
  }
  const parsed: ParsedArguments = {
    args: [],
    dryRun: values['dry-run'] ?? false,
    json: values.json ?? false,
    help: values.help ?? false,
  };
  if (values.tenant !== undefined) {
    const tenant = values.tenant.trim();
    if (!tenant) throw new UsageError('--tenant needs a tenant id.');
    parsed.tenantId = tenant;
  }
  if (values.at !== undefined) parsed.at = parseInstant(values.at.trim());
  [parsed.command, ...parsed.args] = positionals;
  return parsed;
}

/** Where the CLI reads and writes; a test may pass its own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  projectRoot?: string;
}

/** Runs one command line; resolves with the exit code (0 done, 1 failed, 2 wrong call). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ParsedArguments;
  let command: JobCommand | undefined;
  try {
    parsed = parseArguments(argv);
    if (parsed.command === 'help' && !parsed.help) {
      parsed = { ...parsed, help: true, command: parsed.args[0], args: parsed.args.slice(1) };
    }
    command = parsed.command === undefined ? undefined : findCommand(parsed.command);
    if (parsed.help) {
      if (parsed.command !== undefined && !command)
        throw new UsageError(`Unknown command ${parsed.command}.`);
      io.stdout(command ? commandUsage(command) : generalUsage());
      return 0;
    }
    if (parsed.command === undefined) throw new UsageError('Which command?');
    if (!command) throw new UsageError(`Unknown command ${parsed.command}.`);
    if (parsed.dryRun && !command.dryRun) {
      throw new UsageError(`${command.name} has no dry run: it does not take --dry-run.`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // A bad option can stop the parse before the command is known: show its usage all the same.
    command ??= argv.map((arg) => findCommand(arg)).find((found) => found !== undefined);
    io.stderr(`${error.message}\n\n${command ? commandUsage(command) : generalUsage()}`);
    return 2;
  }

  if (!command) return 2; // unreachable: every path without a command returned above
  const job = command;
  const at = parsed.at ?? new Date();
  let opened: Promise<JobRuntime> | undefined;
  const ctx: JobContext = {
    tenantId: parsed.tenantId,
    at,
    dryRun: parsed.dryRun,
    json: parsed.json,
    cwd: io.cwd,
    requireTenant() {
      if (parsed.tenantId === undefined) throw new UsageError(`${job.name} needs --tenant ID.`);
      return parsed.tenantId;
    },
    open() {
      // Loaded here, not at the top: the runtime pulls in the SDKs and the bot, which takes seconds,
      // and --help or a wrong call should answer at once.
      opened ??= import('./jobRuntime').then(({ openJobRuntime }) =>
        openJobRuntime({
          projectRoot: io.projectRoot ?? PROJECT_ROOT,
          env: io.env,
          // With --at the job acts as of that instant throughout; otherwise real time.
          now: parsed.at ? () => at : undefined,
          note: (text) => io.stderr(text),
        }),
      );
      return opened;
    },
    print: (text) => io.stdout(text),
    note: (text) => io.stderr(text),
  };
  let code = 0;
  try {
    code = (await job.run(ctx, parsed.args)) ?? 0;
  } catch (error) {
    code = reportFailure(error, job, io);
  }
  if (opened) {
    try {
      await (await opened).close();
    } catch (error) {
      // opened rejected (already reported above) or closing failed: the latter is news.
      if (code === 0) code = reportFailure(error, job, io);
    }
  }
  return code;
}

function reportFailure(error: unknown, command: JobCommand, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`${error.message}\n\n${commandUsage(command)}`);
    return 2;
  }
  const message =
    error instanceof ConfigError
      ? error.message
      : `${command.name} failed: ${error instanceof Error ? error.message : String(error)}`;
  io.stderr(message);
  if (io.env.LOG_LEVEL === 'debug' && error instanceof Error && error.stack) io.stderr(error.stack);
  return 1;
}

async function flush(stream: NodeJS.WriteStream): Promise<void> {
  await new Promise<void>((resolve) => stream.write('', () => resolve()));
}

if (require.main === module) {
  const write = (stream: NodeJS.WriteStream) => (text: string) => stream.write(`${text}\n`);
  runCli(process.argv.slice(2), {
    stdout: write(process.stdout),
    stderr: write(process.stderr),
    env: process.env,
    // npm runs scripts in the package directory; INIT_CWD is where `npm run job` was typed.
    cwd: process.env.INIT_CWD ?? process.cwd(),
  })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      return 1;
    })
    .then(async (code) => {
      await flush(process.stdout);
      await flush(process.stderr);
      // Exit explicitly: an SDK keep-alive socket must not keep a finished job waiting.
      process.exit(code);
    });
}
