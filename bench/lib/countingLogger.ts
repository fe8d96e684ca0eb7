import type { Logger } from '../../core/shared';

/** Counts warnings and errors (a benchmark must not print the app's log lines on stdout). */
export function countingLogger(counts = { warn: 0, error: 0 }): Logger & { counts: typeof counts } {
  const logger: Logger & { counts: typeof counts } = {
    counts,
    debug: () => undefined,
    info: () => undefined,
    warn: () => {
      counts.warn++;
    },
    error: () => {
      counts.error++;
    },
    child: () => logger,
  };
  return logger;
}
