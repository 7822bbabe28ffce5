/** The Creative Center stand-in: a real HTTP server with deterministic data and switchable faults. */
export type {
  FaultRule,
  SimulatorFault,
  SimulatorHandle,
  SimulatorMode,
  SimulatorOptions,
  SimulatorStats,
} from './types.js';
export { startSimulator } from './server.js';
export { RATE_LIMIT_CODE } from './faults.js';
export { runSimulatorCli } from './cli.js';
