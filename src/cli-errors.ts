import { AccountError } from './accounts/index.js';
import { ConfigError } from './config.js';
import { OperatorError } from './operator/index.js';
import { UnusableSettingError } from './unusable-setting.js';

/**
 * Exit codes (README.md § CLI): 2 when the command as typed cannot run (a missing, malformed or unknown
 * flag, command or value), 1 when it could but the state of things refuses it (the e-mail is taken,
 * the account does not exist, the port is in use).
 */
export type ExitCode = 1 | 2;

/** A failure the user can fix, printed without a stack; `usage` adds the usage text on stderr. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly code: string;
  readonly usage: boolean;

  constructor(message: string, opts: { exitCode?: ExitCode; code?: string; usage?: boolean } = {}) {
    super(message);
    this.exitCode = opts.exitCode ?? 1;
    this.code = opts.code ?? (this.exitCode === 2 ? 'usage_error' : 'refused');
    this.usage = opts.usage ?? false;
  }
}

/** How a failed command ends: the line on stderr, the object on stdout under --json, the exit code. */
export interface CliFailure {
  code: string;
  message: string;
  exitCode: ExitCode;
  usage?: boolean;
}

/** Where the listening port and host came from, so a start-up failure names the setting to change. */
export interface ListenSettings {
  env: Record<string, string | undefined>;
  /** --port and --host as given on the command line. */
  port?: string | undefined;
  host?: string | undefined;
  /** `simulator` takes its port and host only from the flags. */
  flagsOnly: boolean;
}

const ACCOUNT_EXIT: Record<AccountError['code'], ExitCode> = {
  invalid_email: 2,
  unknown_plan: 2,
  email_taken: 1,
  account_not_found: 1,
  invite_invalid: 1,
};

/** The failures a CLI command can explain; null for a bug, which keeps its stack. */
export function describeFailure(error: unknown, listen: ListenSettings): CliFailure | null {
  if (error instanceof CliError) return { code: error.code, message: error.message, exitCode: error.exitCode, usage: error.usage };
  if (error instanceof AccountError) return { code: error.code, message: error.message, exitCode: ACCOUNT_EXIT[error.code] };
  if (error instanceof OperatorError) return { code: error.exitCode === 2 ? 'usage_error' : 'refused', message: error.message, exitCode: error.exitCode === 2 ? 2 : 1 };
  if (error instanceof ConfigError) return { code: 'invalid_configuration', message: error.message, exitCode: 2 };
  if (error instanceof UnusableSettingError) return { code: error.code, message: error.message, exitCode: 1 };
  return startupFailure(error as SystemError | undefined, listen);
}

type SystemError = NodeJS.ErrnoException & { port?: number; address?: string };

/** The flag or variable that chose `port`. */
function portSetting(port: string, listen: ListenSettings): string {
  if (listen.flagsOnly || listen.port === port) return '--port';
  // The metrics port is the only other one a server listens on.
  if (listen.env.METRICS_PORT === port) return 'METRICS_PORT';
  return listen.port !== undefined ? '--port' : 'PORT';
}

/** Why a host name could not be listened on, by getaddrinfo's code. */
function lookupFailure(code: string | undefined): string {
  if (code === 'ENOTFOUND') return 'no such host name';
  if (code === 'EAI_AGAIN') return 'its name could not be looked up just now (EAI_AGAIN: is DNS reachable?)';
  return `its name could not be looked up (${code ?? 'unknown error'})`;
}

/** Words for the start-up failures an operator can fix, naming the flag or variable to change. */
function startupFailure(error: SystemError | undefined, listen: ListenSettings): CliFailure | null {
  const { env } = listen;
  const hostSetting = listen.host !== undefined || listen.flagsOnly ? '--host' : 'HOST';
  // As config.ts reads HOST: trimmed. The simulator does not read it.
  const host = (listen.flagsOnly ? listen.host : (listen.host ?? env.HOST))?.trim();
  if (error?.syscall === 'listen') {
    const port = String(error.port ?? listen.port ?? env.PORT ?? 8080);
    switch (error.code) {
      case 'EADDRINUSE':
        return { code: 'port_in_use', message: `port ${port} is already in use; stop what holds it or choose another port with ${portSetting(port, listen)}`, exitCode: 1 };
      case 'EACCES':
        return { code: 'port_not_allowed', message: `not allowed to listen on port ${port}; choose a port above 1023 with ${portSetting(port, listen)}`, exitCode: 1 };
      case 'EADDRNOTAVAIL':
        return {
          code: 'host_not_available',
          message: `cannot listen on ${error.address ?? host}: no network interface of this machine has that address; choose another with ${hostSetting}`,
          exitCode: 1,
        };
      case 'EINVAL':
        return {
          code: 'host_not_available',
          message: `cannot listen on ${error.address ?? host}: the system refuses that address as written (a link-local IPv6 address needs its interface, e.g. fe80::1%eth0); choose another with ${hostSetting}`,
          exitCode: 1,
        };
      case 'EAFNOSUPPORT':
        return {
          code: 'host_not_available',
          message: `cannot listen on ${error.address ?? host}: this machine does not support that kind of address (IPv6 may be switched off); choose another with ${hostSetting}`,
          exitCode: 1,
        };
    }
  }
  // Fastify resolves HOST before it listens, so a name that resolves to nothing fails in getaddrinfo.
  if (error?.syscall === 'getaddrinfo' && host !== undefined && (error as { hostname?: string }).hostname === host) {
    return { code: 'host_not_available', message: `cannot listen on ${host}: ${lookupFailure(error.code)}; choose another with ${hostSetting}`, exitCode: 1 };
  }
  return null;
}
