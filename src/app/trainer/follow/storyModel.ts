// The story of a sampled user needs the run's model (compiled journey, cohort generator, seed): rebuilt
// here on the main thread from exactly what was recorded, which already passed the recording's checks in
// the worker; the brands of those checks do not cross postMessage, so the journey and the cohort pass
// their gates once more here and the journey is compiled (tens of milliseconds for a template, none of
// the fast engine's planning), once per recording — the input object is the recording's identity.
import { checkCohort } from '../../../core/cohort';
import { checkJourney } from '../../../core/journey';
import { modelFor, SimulationError } from '../../../core/sim/engine';
import type { Model } from '../../../core/sim/engine';
import type { PlaybackInput } from '../playback/playbackStore';

const models = new WeakMap<PlaybackInput, Model | null>();

/** The model of a recording's first replication, or null when its input no longer checks. */
export function storyModelOf(input: PlaybackInput): Model | null {
  if (models.has(input)) return models.get(input)!;
  const cohort = checkCohort(input.cohort).spec;
  const journey = cohort && checkJourney(input.journey).valid;
  let model: Model | null = null;
  try {
    model = journey && cohort ? modelFor({ journey, cohort, seed: input.seed, users: input.users }, 0) : null;
  } catch (error) {
    if (!(error instanceof SimulationError)) throw error;
  }
  models.set(input, model);
  return model;
}

/** How far apart sampled users are (the sample is 0, stride, 2·stride, …). */
export const strideOf = (users: readonly number[]): number => (users.length > 1 ? users[1]! - users[0]! : 1);
