import { addNodeAfter, emptyJourney } from '../../src/core/editor/commands';
import { checkJourney } from '../../src/core/journey/validate';
import { stageAt } from '../../src/core/journey/lanes';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';

/**
 * Where a step added by keyboard lands (issue 17): an entry in the first lane, following nothing; a
 * goal or exit in the latest lane the journey uses (or the followed step's, if later); anything else
 * beside the step it follows.
 */

// validJourney: start, waitBuy, remind and giveUp in Decision; the goal "bought" and exit "done" in Usage.
const journey = (): JourneyDocument => checkJourney(validJourney()).document!;

const added = (document: JourneyDocument, anchor: string | null, kind: string) => {
  const result = addNodeAfter(document, anchor, kind);
  const node = result.journey.nodes.find((candidate) => candidate.id === result.nodeId)!;
  // The node's position must agree with its lane, or the canvas would show it elsewhere.
  expect(stageAt(node.position.y + 30)).toBe(node.stage);
  return { node, edges: result.journey.edges.filter((edge) => edge.target === result.nodeId) };
};

describe('the lane of a step added by keyboard', () => {
  it.each(['goal', 'exit'])('puts a %s after an early step in the latest lane the journey uses, connected', (kind) => {
    const document = journey();
    const open = { ...document, edges: document.edges.filter((edge) => edge.id !== 'remind-next') };
    const { node, edges } = added(open, 'remind', kind);
    expect(node.stage).toBe('usage');
    expect(edges).toEqual([expect.objectContaining({ source: 'remind', sourcePort: 'next' })]);
  });

  it('puts a goal after a step in a later lane than the rest in that step’s lane', () => {
    const document = journey();
    const moved = { ...document, nodes: document.nodes.map((node) => (node.id === 'remind' ? { ...node, stage: 'loyalty' as const, position: { x: 0, y: 820 } } : node)) };
    expect(added(moved, 'remind', 'goal').node.stage).toBe('loyalty');
  });

  it('puts an entry in the first lane and connects it to nothing, whatever is selected', () => {
    for (const anchor of [null, 'remind', 'done']) {
      const { node, edges } = added(journey(), anchor, 'entry');
      expect(node.stage).toBe('awareness');
      expect(edges).toEqual([]);
    }
    expect(added(emptyJourney('j', 'J'), null, 'entry').node.stage).toBe('awareness');
  });

  it('keeps other steps in the lane of the step they follow', () => {
    for (const kind of ['message', 'wait', 'branch', 'tag']) expect(added(journey(), 'waitBuy', kind).node.stage).toBe('decision');
    expect(added(journey(), 'bought', 'message').node.stage).toBe('usage');
  });
});
