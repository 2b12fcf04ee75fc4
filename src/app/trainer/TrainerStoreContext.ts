import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { TrainerState, TrainerStore } from './trainerStore';

/** The trainer store of the open trainer workspace; null in the plain editor. */
export const TrainerStoreContext = createContext<TrainerStore | null>(null);

/** Reads the trainer store; only inside trainer mode, which provides it. */
export function useTrainer<T>(select: (state: TrainerState) => T): T {
  const store = useContext(TrainerStoreContext);
  if (!store) throw new Error('useTrainer: no TrainerStoreContext provider above this component');
  return useStore(store, select);
}

/** The trainer store itself, for actions; null outside trainer mode. */
export function useTrainerStore(): TrainerStore | null {
  return useContext(TrainerStoreContext);
}
