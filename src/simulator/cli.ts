import { parseArgs } from 'node:util';
import { startSimulator } from './server.js';
import type { SimulatorHandle, SimulatorMode } from './types.js';

const MODES: readonly SimulatorMode[] = ['legacy-2023', 'signed-2024', 'deprecated-2026'];

/**
 * Starts the simulator from command-line arguments (`--port N --host H --mode M --max-signature-age S`)
 * for `trendlens simulator`; the caller decides when to close it.
 */
export async function runSimulatorCli(argv: string[]): Promise<SimulatorHandle> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      mode: { type: 'string', default: 'signed-2024' },
      'max-signature-age': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  if (!MODES.includes(values.mode as SimulatorMode)) throw new Error(`--mode must be one of ${MODES.join(', ')}`);
  const maxAge = values['max-signature-age'];
  if (maxAge !== undefined && !/^[0-9]+$/.test(maxAge)) throw new Error('--max-signature-age must be whole seconds');
  return startSimulator({
    port,
    host: values.host,
    mode: values.mode as SimulatorMode,
    ...(maxAge !== undefined ? { maxSignatureAgeSeconds: Number(maxAge) } : {}),
  });
}
