import { addNode, addNodeAfter, applyPositions, connect, copyFragment, deleteElements, emptyJourney, moveNodes, nudgeNodes, pasteFragment, updateNode, freePort } from '../../src/core/editor/commands';
import { layoutJourney } from '../../src/core/editor/layout';
import { laneTop, stageAt, LANE_HEIGHT } from '../../src/core/journey/lanes';
import { checkJourney, validate } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { instantiateTemplate, templates } from '../../src/core/templates/index';
import { validJourney } from '../fixtures/journeys';

const parsed = (input: unknown): JourneyDocument => {
  const { document } = checkJourney(input);
  if (!document) throw new Error('fixture did not parse');
  return document;
};

describe('editor commands', () => {
  it('add a node with its kind’s defaults, a fresh id and the stage of the lane it lands in', () => {
    const journey = emptyJourney('j', 'J');
    const first = addNode(journey, { kind: 'message', position: { x: 10, y: laneTop('decision') + 50 } });
    expect(first.nodeId).toBe('message1');
    expect(first.journey.nodes[0]).toMatchObject({ kind: 'message', stage: 'decision', params: { channel: 'sms', content: '' } });
    const second = addNode(first.journey, { kind: 'message', position: { x: 10, y: 0 } });
    expect(second.nodeId).toBe('message2');
    expect(journey.nodes).toEqual([]);
  });

  it('add after the selected node, connected from its first free port', () => {
    const journey = parsed(validJourney());
    const added = addNodeAfter(journey, 'remind', 'wait');
    // remind's only port already leads to giveUp: the new node is added but not connected.
    expect(added.journey.edges).toHaveLength(journey.edges.length);
    const fresh = addNodeAfter(added.journey, added.nodeId, 'exit');
    expect(fresh.journey.edges.at(-1)).toMatchObject({ source: added.nodeId, sourcePort: 'next', target: fresh.nodeId });
    expect(freePort(fresh.journey, 'waitBuy')).toBeNull();
  });

  it('connect replaces an earlier edge from the same port', () => {
    const journey = parsed(validJourney());
    const rewired = connect(journey, { source: 'remind', sourcePort: 'next', target: 'done' });
    expect(rewired.edges.filter((edge) => edge.source === 'remind')).toEqual([expect.objectContaining({ target: 'done' })]);
    expect(validate(rewired).filter((problem) => problem.code === 'port-multiple-edges')).toEqual([]);
  });

  it('delete removes nodes with every edge touching them', () => {
    const journey = parsed(validJourney());
    const after = deleteElements(journey, ['waitBuy'], []);
    expect(after.nodes.map((node) => node.id)).not.toContain('waitBuy');
    expect(after.edges.some((edge) => edge.source === 'waitBuy' || edge.target === 'waitBuy')).toBe(false);
    expect(deleteElements(journey, [], ['start-next']).edges).toHaveLength(journey.edges.length - 1);
  });

  it('moving a node into another lane changes its stage', () => {
    const journey = parsed(validJourney());
    const moved = moveNodes(journey, [{ id: 'remind', position: { x: 300, y: laneTop('loyalty') + 20 } }]);
    expect(moved.nodes.find((node) => node.id === 'remind')).toMatchObject({ stage: 'loyalty', position: { x: 300, y: laneTop('loyalty') + 20 } });
    expect(stageAt(-50)).toBe('awareness');
    expect(stageAt(LANE_HEIGHT * 99)).toBe('loyalty');
    expect(nudgeNodes(journey, ['remind'], 5, 0).nodes.find((node) => node.id === 'remind')!.position.x).toBe(5);
  });

  it('changing a node’s stage moves it into that lane', () => {
    const journey = parsed(validJourney());
    const changed = updateNode(journey, 'remind', { stage: 'usage', label: 'Push', params: { channel: 'push', content: 'hi' } });
    const node = changed.nodes.find((candidate) => candidate.id === 'remind')!;
    expect(node).toMatchObject({ stage: 'usage', label: 'Push', params: { content: 'hi' } });
    expect(stageAt(node.position.y)).toBe('usage');
  });

  it('copy keeps only the edges inside the selection; paste gives fresh ids and remaps them', () => {
    const journey = parsed(validJourney());
    const fragment = copyFragment(journey, ['waitBuy', 'bought', 'done']);
    expect(fragment.edges.map((edge) => edge.id).sort()).toEqual(['bought-next', 'waitBuy-happened']);
    const pasted = pasteFragment(journey, fragment);
    expect(pasted.nodeIds).toEqual(['waitBuy1', 'bought1', 'done1']);
    const newEdges = pasted.journey.edges.filter((edge) => pasted.edgeIds.includes(edge.id));
    expect(newEdges.map((edge) => [edge.source, edge.sourcePort, edge.target])).toEqual(
      expect.arrayContaining([
        ['waitBuy1', 'happened', 'bought1'],
        ['bought1', 'next', 'done1'],
      ]),
    );
    const ids = [...pasted.journey.nodes.map((node) => node.id), ...pasted.journey.edges.map((edge) => edge.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(validate(pasted.journey).filter((problem) => problem.code === 'duplicate-id')).toEqual([]);
  });

  it('auto-layout keeps every node in its lane, left to right along the edges, without overlaps (even a crowded lane)', async () => {
    const crowded = emptyJourney('crowded', 'Crowded');
    let fan = addNode(crowded, { kind: 'split', position: { x: 0, y: 450 }, params: { variants: [20, 20, 20, 20, 20].map((weight, index) => ({ label: `v${index}`, weight, holdout: false })) } }).journey;
    for (let index = 0; index < 5; index++) {
      const added = addNode(fan, { kind: 'exit', position: { x: 300, y: 450 } });
      fan = connect(added.journey, { source: 'split1', sourcePort: `variant-${index + 1}`, target: added.nodeId });
    }
    for (const journey of [...templates.map((template) => parsed(instantiateTemplate(template, 'en'))), fan]) {
      const laid = applyPositions(journey, await layoutJourney(journey));
      for (const node of laid.nodes) expect(stageAt(node.position.y + 30)).toBe(node.stage);
      for (const edge of laid.edges) {
        const source = laid.nodes.find((node) => node.id === edge.source)!;
        const target = laid.nodes.find((node) => node.id === edge.target)!;
        if (target.stage === source.stage) expect(target.position.x).toBeGreaterThan(source.position.x - 1);
      }
      for (const a of laid.nodes)
        for (const b of laid.nodes)
          if (a !== b && a.stage === b.stage) expect(Math.abs(a.position.x - b.position.x) >= 220 || Math.abs(a.position.y - b.position.y) >= 90).toBe(true);
    }
  });
});

describe('ports that follow their items', () => {
  const withBranch = () => {
    const journey = parsed(validJourney());
    const cases = [
      { label: 'vip', condition: { tag: 'vip', present: true } },
      { label: 'new', condition: { tag: 'new', present: true } },
    ];
    const added = addNode(journey, { kind: 'branch', position: { x: 0, y: 450 }, params: { cases } });
    let next = connect(added.journey, { source: added.nodeId, sourcePort: 'case-1', target: 'done' });
    next = connect(next, { source: added.nodeId, sourcePort: 'case-2', target: 'giveUp' });
    next = connect(next, { source: added.nodeId, sourcePort: 'else', target: 'remind' });
    return { journey: next, id: added.nodeId, cases };
  };
  const outgoing = (journey: JourneyDocument, id: string) =>
    Object.fromEntries(journey.edges.filter((edge) => edge.source === id).map((edge) => [edge.sourcePort, edge.target]));

  it('removing the first case keeps the second case’s edge on it, renumbered', () => {
    const { journey, id, cases } = withBranch();
    const after = updateNode(journey, id, { params: { cases: [cases[1]] } });
    expect(outgoing(after, id)).toEqual({ 'case-1': 'giveUp', else: 'remind' });
  });

  it('adding a case keeps every edge where it was', () => {
    const { journey, id, cases } = withBranch();
    const after = updateNode(journey, id, { params: { cases: [...cases, { label: '', condition: { all: [] } }] } });
    expect(outgoing(after, id)).toEqual({ 'case-1': 'done', 'case-2': 'giveUp', else: 'remind' });
  });

  it('removing a split variant drops its edge', () => {
    const journey = parsed(validJourney());
    const variants = [
      { label: 'A', weight: 50, holdout: false },
      { label: 'B', weight: 50, holdout: false },
    ];
    const added = addNode(journey, { kind: 'split', position: { x: 0, y: 450 }, params: { variants } });
    let next = connect(added.journey, { source: added.nodeId, sourcePort: 'variant-1', target: 'done' });
    next = connect(next, { source: added.nodeId, sourcePort: 'variant-2', target: 'giveUp' });
    const edited = updateNode(next, added.nodeId, { params: { variants: [{ ...variants[0]!, weight: 60 }, { ...variants[1]!, weight: 40 }] } });
    expect(outgoing(edited, added.nodeId)).toEqual({ 'variant-1': 'done', 'variant-2': 'giveUp' });
    const kept = updateNode(next, added.nodeId, { params: { variants: [variants[1]!] } });
    expect(outgoing(kept, added.nodeId)).toEqual({ 'variant-1': 'giveUp' });
  });
});

describe('fresh ids', () => {
  it('stay within the 64 characters the format allows, whatever the prefix', () => {
    const long = `a${'b'.repeat(63)}`;
    const journey = parsed({ ...validJourney(), nodes: [...validJourney().nodes, { id: long, kind: 'exit', stage: 'decision' }] });
    const linked = connect(journey, { source: 'remind', sourcePort: 'next', target: long });
    const copied = pasteFragment(linked, copyFragment(linked, [long])).journey;
    const wired = connect(copied, { source: long, sourcePort: 'next', target: 'done' });
    for (const id of [...wired.nodes.map((node) => node.id), ...wired.edges.map((edge) => edge.id)]) expect(id.length).toBeLessThanOrEqual(64);
    expect(checkJourney(copied).document).not.toBeNull();
  });
});
