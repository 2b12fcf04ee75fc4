// SMART goals per journey, kept in memory for as long as the app is open (not in IndexedDB, not on the
// journey document: persisting them on the journey would need a journey schema migration). Closing and
// reopening the dashboard keeps them; a reload does not.
import { useCallback, useSyncExternalStore } from 'react';
import type { GoalSpec } from '../../../core/sim/decide';

const NONE: readonly GoalSpec[] = [];
const goalsByJourney = new Map<string, readonly GoalSpec[]>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getGoals(journeyId: string): readonly GoalSpec[] {
  return goalsByJourney.get(journeyId) ?? NONE;
}

export function setGoals(journeyId: string, goals: readonly GoalSpec[]): void {
  goalsByJourney.set(journeyId, goals);
  for (const listener of listeners) listener();
}

/** Forgets every journey's goals (tests). */
export function clearGoals(): void {
  goalsByJourney.clear();
  for (const listener of listeners) listener();
}

export function useJourneyGoals(journeyId: string): [readonly GoalSpec[], (goals: readonly GoalSpec[]) => void] {
  const goals = useSyncExternalStore(subscribe, () => getGoals(journeyId));
  const update = useCallback((next: readonly GoalSpec[]) => setGoals(journeyId, next), [journeyId]);
  return [goals, update];
}
