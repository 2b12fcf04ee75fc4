// Saved cohorts, saved scenarios and imported lessons on the team server, behind the same interfaces as
// IndexedDB's (cohortRepository.ts, scenarioRepository.ts, repository.ts's LessonStore), so everyone in
// the workspace sees them and an approver can approve with a scenario from the page. Populations
// (customer-level data) never go to the server — they stay in this browser's `local` storage, and a
// cohort removed takes its population there with it.
import { newestFirst, type LessonStore } from './repository';
import type { CohortRecord, CohortRepository } from './cohortRepository';
import type { PopulationRepository } from './populationRepository';
import { isScenarioRecord, newestScenarioFirst, type ScenarioRecord, type ScenarioRepository } from './scenarioRepository';
import { createHttpDocuments, type ServerDocument } from './httpDocuments';
import type { WorkspaceClient } from '../workspace/client';

const cohortRecord = ({ id, document, updatedAt }: ServerDocument): CohortRecord => ({ id, spec: document, updatedAt });

export function createHttpCohorts(client: WorkspaceClient, populations: PopulationRepository, now?: () => number): CohortRepository {
  const documents = createHttpDocuments(client, 'cohorts', now);
  return {
    list: async () => (await documents.list()).map(cohortRecord).sort(newestFirst),
    get: async (id) => {
      const stored = await documents.get(id);
      return stored && cohortRecord(stored);
    },
    put: async (spec) => cohortRecord(await documents.put(spec)),
    async remove(id) {
      await documents.remove(id);
      await populations.remove(id);
    },
  };
}

/** The stored scenario, when it is one (a document of another shape is left out, as IndexedDB's are). */
const scenarioOf = (stored: ServerDocument | undefined): ScenarioRecord | undefined => (stored && isScenarioRecord(stored.document) ? stored.document : undefined);

export function createHttpScenarios(client: WorkspaceClient, now?: () => number): ScenarioRepository {
  const documents = createHttpDocuments(client, 'scenarios', now);
  return {
    list: async () =>
      (await documents.list())
        .map(scenarioOf)
        .filter((record): record is ScenarioRecord => record !== undefined)
        .sort(newestScenarioFirst),
    get: async (id) => scenarioOf(await documents.get(id)),
    async put(record) {
      await documents.put(record);
    },
    async rename(id, name) {
      const record = scenarioOf(await documents.get(id));
      if (!record) return false;
      const renamed: ScenarioRecord = { ...record, name };
      await documents.put(renamed);
      return true;
    },
    remove: (id) => documents.remove(id),
  };
}

export function createHttpLessons(client: WorkspaceClient, now?: () => number): LessonStore {
  const documents = createHttpDocuments(client, 'lessons', now);
  return {
    // The server lists newest first; the library shows imports in the order they came, as in settings.
    list: async () => (await documents.list()).reverse().map((stored) => stored.document),
    async put(lesson) {
      await documents.put(lesson);
    },
    remove: (id) => documents.remove(id),
  };
}
