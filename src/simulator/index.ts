/** The upstream stand-in (legacy Creative Center and TikTok One): a real HTTP server with deterministic data and switchable faults. */
export type {
  FaultRule,
  LongPeriod,
  SimulatorEra,
  SimulatorFault,
  SimulatorHandle,
  SimulatorMode,
  SimulatorOptions,
  SimulatorStats,
} from './types.js';
export { startSimulator } from './server.js';
export { RATE_LIMIT_CODE } from './faults.js';
export { eraOptions, runSimulatorCli, simulatorSummary } from './cli.js';
export { INVALID_LOGIN_CODE, SIMULATED_SESSION_COOKIE, SIMULATED_SESSION_ID } from './tiktok-one/protocol.js';
export { US_BLINKING_HASHTAG, US_STABLE_HASHTAGS } from './vocab.js';
