import { describe, expect, it } from 'vitest';
import { runSimulatorCli } from '../../src/simulator/index.js';

describe('runSimulatorCli', () => {
  it('starts on the given mode and reports it on the control surface', async () => {
    const sim = await runSimulatorCli(['--port', '0', '--mode', 'legacy-2023']);
    try {
      expect(sim.baseUrl).toBe(`${sim.url}/creative_radar_api/v1/`);
      const state = (await (await fetch(`${sim.url}/__simulator`)).json()) as { mode: string };
      expect(state.mode).toBe('legacy-2023');
    } finally {
      await sim.close();
    }
  });

  it('rejects an unknown mode', async () => {
    await expect(runSimulatorCli(['--mode', 'nope'])).rejects.toThrow(/--mode/);
  });
});
