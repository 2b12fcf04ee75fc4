// Trainer panels under test: a real playback store whose recordings run at once in this thread (the
// worker's own job), on the churn win-back template and the e-commerce preset, and a trainer store.
import type { ReactNode } from 'react';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { getPreset } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { runRecordingJob } from '../../src/app/trainer/playback/recordingJob';
import { deliverRecording, type RecordingRunner } from '../../src/app/trainer/playback/recordingProtocol';
import { createPlaybackStore, type PlaybackStore } from '../../src/app/trainer/playback/playbackStore';
import { PlaybackStoreContext } from '../../src/app/trainer/playback/PlaybackContext';
import { createTrainerStore, type TrainerStore } from '../../src/app/trainer/trainerStore';
import { TrainerStoreContext } from '../../src/app/trainer/TrainerStoreContext';

export const winBackJourney = () => checkJourney(instantiateTemplate(getTemplate('churn-win-back')!, 'en')).document as JourneyDocument;

const syncRunner: RecordingRunner = (request, callbacks) => {
  runRecordingJob(request, (message) => deliverRecording(message, callbacks));
  return { cancel: () => {} };
};

/** A playback store over the win-back journey: 2,000 users, every 4th sampled; nothing recorded yet. */
export function playbackStore(journey: JourneyDocument = winBackJourney()): PlaybackStore {
  // Frames never come: the tests seek instead of playing.
  const clock = { request: () => 0, cancel: () => {} };
  return createPlaybackStore(syncRunner, { journey: () => journey, defaults: () => ({ users: 2_000, seed: 7, cohort: getPreset('ecommerce')!.spec }), sampleSize: 500, clock });
}

export function TrainerProviders({ playback, trainer, children }: { playback: PlaybackStore; trainer: TrainerStore; children: ReactNode }) {
  return (
    <TrainerStoreContext.Provider value={trainer}>
      <PlaybackStoreContext.Provider value={playback}>{children}</PlaybackStoreContext.Provider>
    </TrainerStoreContext.Provider>
  );
}

export { createTrainerStore };
