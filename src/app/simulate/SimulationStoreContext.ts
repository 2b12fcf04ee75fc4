import { createContext } from 'react';
import type { SimulationStore } from './simulationStore';

/** The open journey's simulation store, provided by the editor screen (absent around a bare canvas). */
export const SimulationStoreContext = createContext<SimulationStore | null>(null);
