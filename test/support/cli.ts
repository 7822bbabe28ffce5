import { runCli } from '../../src/cli.js';

/** A CLI invocation run in this process, its output captured: exit code, stdout, stderr, and stdout as JSON. */
export async function captureCli(env: Record<string, string>, ...argv: string[]) {
  let out = '';
  let err = '';
  const stdout = { write: (c: string) => ((out += c), true) } as unknown as NodeJS.WritableStream;
  const stderr = { write: (c: string) => ((err += c), true) } as unknown as NodeJS.WritableStream;
  const code = await runCli(argv, env, { stdout, stderr });
  return { code, out, err, json: () => JSON.parse(out) as Record<string, any> };
}
