import { addNode, addNodeAfter, emptyJourney } from '../../src/core/editor/commands';
import { laneRowY } from '../../src/core/journey/lanes';
import { defaultRegistry } from '../../src/core/journey/registry';
import { validate } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { inEnglish } from '../support/messages.ts';

/**
 * A step just added from the palette (dropped on the canvas) or by keyboard (added after the
 * selection) must be valid at once (issue 17: a new wait started with the error "Not set yet").
 * Warnings about its unconnected ports are fine: it has only just been placed.
 */

const errorsOf = (journey: JourneyDocument, nodeId: string) =>
  validate(journey)
    .filter((problem) => problem.severity === 'error' && problem.location.nodeId === nodeId)
    .map((problem) => `${problem.code}: ${inEnglish(problem.message)}`);

const kinds = defaultRegistry.kinds.map((kind) => kind.kind);

describe('a freshly added step', () => {
  it.each(kinds)('of kind %s, added by keyboard to an empty journey, has no error', (kind) => {
    const added = addNodeAfter(emptyJourney('j', 'J'), null, kind);
    expect(errorsOf(added.journey, added.nodeId)).toEqual([]);
  });

  it.each(kinds)('of kind %s, dropped from the palette after an entry, has no error', (kind) => {
    const start = addNode(emptyJourney('j', 'J'), { kind: 'entry', position: { x: 160, y: laneRowY('awareness') } });
    const added = addNodeAfter(start.journey, start.nodeId, kind);
    const dropped = addNode(start.journey, { kind, position: { x: 420, y: laneRowY('decision') } });
    expect(errorsOf(added.journey, added.nodeId)).toEqual([]);
    expect(errorsOf(dropped.journey, dropped.nodeId)).toEqual([]);
  });

  it('waits a day, or three for an event (a purchase), rather than starting unset', () => {
    const params = (kind: string) => addNodeAfter(emptyJourney('j', 'J'), null, kind).journey.nodes[0]!.params;
    expect(params('wait')).toEqual({ duration: 'P1D' });
    expect(params('waitForEvent')).toMatchObject({ event: 'purchase', timeout: 'P3D' });
  });

  it('keeps what a file that leaves params out means: the schema defaults are unchanged', () => {
    // The new-step values apply to steps added in the editor only; a file's missing params read as before.
    expect(defaultRegistry.get('wait')!.params.parse({})).toEqual({ duration: null });
    expect(defaultRegistry.get('waitForEvent')!.params.parse({})).toMatchObject({ timeout: 'P1D' });
  });
});
