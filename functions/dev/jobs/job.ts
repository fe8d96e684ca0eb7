import type { JobRuntime } from './jobRuntime';

/** A mistake in how the CLI was called: the CLI prints it with the usage and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What a command gets from the CLI: the common options, where to print, and the runtime. */
export interface JobContext {
  /** `--tenant`, if given. Use {@link JobContext.requireTenant} when the command needs one. */
  tenantId?: string;
  /** `--at`, or now: the instant the command acts as of. */
  at: Date;
  /** `--dry-run` (only passed to commands that declare `dryRun: true`). */
  dryRun: boolean;
  /** `--json`: print one JSON document on stdout instead of text. */
  json: boolean;
  /** The directory relative paths in the arguments are resolved against. */
  cwd: string;
  /** The tenant of `--tenant`, or a {@link UsageError} saying the command needs it. */
  requireTenant(): string;
  /**
   * The runtime (Cosmos DB and the stores) to work on, opened on the first call, after the
   * command has checked its arguments; the CLI closes it when the command ends.
   */
  open(): Promise<JobRuntime>;
  /** Prints a line (or lines) of the result on stdout. */
  print(text: string): void;
  /** Prints a note on stderr (progress, warnings), never part of the result. */
  note(text: string): void;
}

/** A command of the jobs CLI: one file per command, listed in commands.ts. */
export interface JobCommand {
  /** What is typed after `npm run job --`, e.g. `import-people`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The command's own usage, e.g. `import-people FILE --tenant ID [--dry-run] [--json]`, and details. */
  usage: string;
  /** True when the command honours `--dry-run`; otherwise the CLI refuses the option. */
  dryRun?: boolean;
  /**
   * Runs the command with its positional arguments. Resolves with the exit code (default 0);
   * throws {@link UsageError} for a wrong call (exit 2) and any other error for a failure (exit 1).
   */
  run(ctx: JobContext, args: string[]): Promise<number | void>;
}
