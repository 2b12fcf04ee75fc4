// The last sweep and tornado made on a run, kept beside that run so that closing the dashboard does not
// lose them: opened again on the same run, the Sensitivity section shows them again. Keyed by the
// simulation store's run object, which a new run replaces — the new run starts with none, and the old
// run's results go when nothing holds the old run any more (a WeakMap keeps nothing alive). Kept in
// memory only: a run restored after a reload is a new object and starts with none.
import type { SweepResult, TornadoResult } from './useSensitivity';

export interface KeptSensitivity {
  sweep: SweepResult | null;
  tornado: TornadoResult | null;
}

const kept = new WeakMap<object, KeptSensitivity>();

/** What was kept for the run, or null (no run, or nothing run on it yet). */
export const keptSensitivity = (run: object | null): KeptSensitivity | null => (run ? (kept.get(run) ?? null) : null);

export function keepSensitivity(run: object, results: KeptSensitivity): void {
  kept.set(run, results);
}
