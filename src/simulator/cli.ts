import { parseArgs } from 'node:util';
import { eraOfMode, startSimulator } from './server.js';
import { SIMULATED_SESSION_COOKIE } from './tiktok-one/protocol.js';
import type { LongPeriod, SimulatorEra, SimulatorHandle, SimulatorMode, SimulatorOptions } from './types.js';

const MODES: readonly SimulatorMode[] = ['legacy-2023', 'signed-2024', 'deprecated-2026'];
const ERAS: readonly SimulatorEra[] = ['2024', '2026'];

/**
 * Simulator options from the `--era` and `--long-period` flags (both optional), or a message naming
 * the bad flag.
 */
export function eraOptions(era: string | undefined, longPeriod: string | undefined): Pick<SimulatorOptions, 'era' | 'longPeriod'> | string {
  if (era !== undefined && !ERAS.includes(era as SimulatorEra)) return `--era must be one of ${ERAS.join(', ')}, got "${era}"`;
  if (longPeriod !== undefined && longPeriod !== '90' && longPeriod !== '120') return `--long-period must be 90 or 120, got "${longPeriod}"`;
  return {
    ...(era !== undefined ? { era: era as SimulatorEra } : {}),
    ...(longPeriod !== undefined ? { longPeriod: Number(longPeriod) as LongPeriod } : {}),
  };
}

/** What `trendlens simulator` prints: the base URL of each adapter it imitates and the session cookie. */
export function simulatorSummary(sim: SimulatorHandle): { json: Record<string, unknown>; text: string } {
  const deprecated = sim.era === '2026';
  return {
    json: {
      url: sim.url,
      era: sim.era,
      long_period: sim.longPeriod,
      base_url: sim.baseUrl,
      adapters: { 'creative-center': sim.baseUrl, 'tiktok-one': sim.tiktokOne.baseUrl, 'tiktok-one-us': sim.tiktokOne.usBaseUrl },
      session_cookie: SIMULATED_SESSION_COOKIE,
    },
    text: [
      `Upstream simulator (era ${sim.era}) at ${sim.url}`,
      `  creative-center  ${sim.baseUrl}${deprecated ? '  (trend lists deprecated, Top Ads live)' : ''}`,
      `  tiktok-one       ${sim.tiktokOne.baseUrl}  (long hashtag period ${sim.longPeriod})`,
      `  tiktok-one US    ${sim.tiktokOne.usBaseUrl}`,
      `Logged-in TikTok One access: UPSTREAM_COOKIES='${SIMULATED_SESSION_COOKIE}'`,
    ].join('\n'),
  };
}

/**
 * Starts the simulator from command-line arguments (`--port N --host H --era 2024|2026
 * --long-period 90|120 --mode M --max-signature-age S`); the caller decides when to close it.
 */
export async function runSimulatorCli(argv: string[]): Promise<SimulatorHandle> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      era: { type: 'string' },
      'long-period': { type: 'string' },
      mode: { type: 'string' },
      'max-signature-age': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0–65535, got ${values.port}`);
  const eras = eraOptions(values.era, values['long-period']);
  if (typeof eras === 'string') throw new Error(eras);
  const mode = values.mode as SimulatorMode | undefined;
  if (mode !== undefined && !MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}`);
  if (mode !== undefined && eras.era !== undefined && eraOfMode(mode) !== eras.era) throw new Error(`--mode ${mode} does not belong to --era ${eras.era}`);
  const maxAge = values['max-signature-age'];
  if (maxAge !== undefined && !/^[0-9]+$/.test(maxAge)) throw new Error('--max-signature-age must be whole seconds');
  return startSimulator({
    port,
    host: values.host,
    ...eras,
    ...(mode !== undefined ? { mode } : {}),
    ...(maxAge !== undefined ? { maxSignatureAgeSeconds: Number(maxAge) } : {}),
  });
}
