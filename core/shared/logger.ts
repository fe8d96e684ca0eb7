/** Structured fields attached to a log line: ids that let an operator find the line again. */
export type LogFields = Record<string, unknown>;

/**
 * The logging port. Implementations write structured lines (JSON locally, Application Insights in
 * Azure); core only names what happened and the ids that matter.
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields & { error?: unknown }): void;
  /** A logger that adds `fields` (for example a correlation id) to every line. */
  child(fields: LogFields): Logger;
}

/** A logger that drops everything: for callers that have nothing to say, never for the app itself. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
