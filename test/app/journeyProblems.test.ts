import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { loadForEditing } from '../../src/app/persist/unsavedCopy';
import { journeyProblems } from '../../src/app/store/journeyProblems';
import { checkJourney, validate } from '../../src/core/journey';
import { node, validJourney } from '../fixtures/journeys';

// A journey with a warning (a step nothing leads to), so its problems are not an empty list.
function journeyWithAProblem() {
  const journey = validJourney();
  return checkJourney({ ...journey, nodes: [...journey.nodes, node('stray', 'wait', { duration: 'P1D' })] }).document!;
}

describe('a journey opened from storage', () => {
  it('is analysed once: the editor draws the problems the load found', async () => {
    const repository = createMemoryRepository();
    const document = journeyWithAProblem();
    await repository.save(document, { expectedRevision: null, writer: 'tab' });
    const loaded = await repository.load(document.id);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.problems.length).toBeGreaterThan(0);
    // The same list, not a second analysis of the same document…
    expect(journeyProblems(loaded.stored.document)).toBe(loaded.problems);
    // …and what analysing it again would say.
    expect(validate(loaded.stored.document)).toEqual(loaded.problems);
    const opened = await loadForEditing(repository, document.id, null);
    expect(opened.ok && journeyProblems(opened.document)).toEqual(loaded.problems);
  });

  it('is analysed afresh once edited: another document object', async () => {
    const document = journeyWithAProblem();
    const edited = { ...document, nodes: document.nodes.filter((step) => step.id !== 'stray') };
    expect(journeyProblems(edited)).toEqual(validate(edited));
    expect(journeyProblems(edited).some((problem) => problem.location.nodeId === 'stray')).toBe(false);
    expect(journeyProblems(document).some((problem) => problem.location.nodeId === 'stray')).toBe(true);
  });
});
