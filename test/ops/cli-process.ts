import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..', '..');

/**
 * `trendlens` as a real process (tsx's loader inside it, so no build is needed), with its output
 * collected. Not the `tsx` command: that runs the CLI in a child of its own and relays signals to it,
 * and when the child does not confirm a signal within 30 ms (a loaded machine) it kills it and exits
 * 143, so a graceful SIGTERM looked like a crash. Here a signal reaches the CLI's own process.
 */
export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves once stdout or stderr matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export function spawnCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'cli.ts'), ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
    wake();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
    wake();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; stdout: ${out}; stderr: ${err}`)), timeoutMs);
        const check = () => {
          const match = (out + err).match(pattern);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          } else if (child.exitCode !== null) {
            clearTimeout(timer);
            reject(new Error(`exited (${child.exitCode}) before ${pattern}; stdout: ${out}; stderr: ${err}`));
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}

/** Runs a CLI command to completion. */
export async function runCliProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const p = spawnCli(args, env);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}
