import { useState } from 'react';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { CohortsScreen } from '../../src/app/cohorts/CohortsScreen';

/** Services backed by a fresh memory repository, as the cohort screen tests start from. */
export const newServices = (): AppServices => ({ repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null });

/** The cohorts screen with the navigation a user has: opening a cohort shows it, starting at `start`. */
export function CohortsHarness({ services, start = null }: { services: AppServices; start?: string | null }) {
  const [cohortId, setCohortId] = useState<string | null>(start);
  return (
    <ServicesContext.Provider value={services}>
      <CohortsScreen cohortId={cohortId} onOpen={setCohortId} onHome={() => {}} />
    </ServicesContext.Provider>
  );
}
