import { useStore } from 'zustand';
import type { SimulationState } from './simulationStore';
import { useSimulationStore } from './useSimulationStore';

/** Reads from the simulation store; the component re-renders only when the selected slice changes. */
export function useSimulation<T>(selector: (state: SimulationState) => T): T {
  return useStore(useSimulationStore(), selector);
}
