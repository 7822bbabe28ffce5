/**
 * A well-formed setting whose target cannot be used as it stands: the server it names is out of reach,
 * the database does not exist, was migrated by a newer release or is served by another process. The
 * CLI says the message in one line and exits 1 (README.md § CLI): the state of things refuses, not the
 * syntax.
 */
export class UnusableSettingError extends Error {
  constructor(
    /** The variable to look at, e.g. `DATABASE_URL`. */
    readonly variable: string,
    /** The `--json` error code, e.g. `database_unreachable`. */
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
