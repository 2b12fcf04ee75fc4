import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorScreen } from '../../src/app/editor/EditorScreen';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';

/**
 * Stores a journey in a memory repository and opens it in the editor screen, as a user would from the
 * list; `extra` adds services (e.g. a fake simulation runner).
 */
export async function openEditor(input: unknown, extra: Partial<AppServices> = {}) {
  const document = checkJourney(input).document as JourneyDocument;
  const services: AppServices = { repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null, ...extra };
  await services.repository.save(document, { expectedRevision: null, writer: 'setup' });
  const user = userEvent.setup();
  render(
    <ServicesContext.Provider value={services}>
      <EditorScreen journeyId={document.id} onBack={() => {}} />
    </ServicesContext.Provider>,
  );
  await screen.findByRole('toolbar', { name: 'Journey tools' });
  return { user, services, id: document.id };
}
