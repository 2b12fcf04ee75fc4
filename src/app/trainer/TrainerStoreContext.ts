import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createTrainerStore, type TrainerState, type TrainerStore } from './trainerStore';

/** The trainer store of the open trainer workspace; null in the plain editor. */
export const TrainerStoreContext = createContext<TrainerStore | null>(null);

// Outside trainer mode nothing is focused and nobody presents; nothing ever changes this one.
const outsideStore = createTrainerStore();

/** Reads the trainer store (outside trainer mode, a store that stays as created). */
export function useTrainer<T>(select: (state: TrainerState) => T): T {
  return useStore(useContext(TrainerStoreContext) ?? outsideStore, select);
}

/** The trainer store itself, for actions; null outside trainer mode. */
export function useTrainerStore(): TrainerStore | null {
  return useContext(TrainerStoreContext);
}
