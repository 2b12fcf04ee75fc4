import { addNodeAfter } from '../../core/editor';
import { register } from './types';

/** Adds a step of a kind after the selected node, connected to it (the palette's keyboard path). */
export const addStepAction = register<string>({
  name: 'addStep',
  label: 'addStep',
  perform({ journey, selection }, kind) {
    const anchor = selection.nodes.length === 1 ? selection.nodes[0]! : (journey.nodes.at(-1)?.id ?? null);
    const added = addNodeAfter(journey, anchor, kind);
    return { journey: added.journey, selection: { nodes: [added.nodeId], edges: [] }, history: true };
  },
});
