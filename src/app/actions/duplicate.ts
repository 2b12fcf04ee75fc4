import { copyFragment, pasteFragment } from '../../core/editor';
import { mod, register } from './types';

export const duplicateAction = register({
  name: 'duplicate',
  label: 'duplicate',
  shortcut: 'Mod+D',
  keyTest: (event) => mod(event) && !event.shiftKey && event.key.toLowerCase() === 'd',
  enabled: ({ selection }) => selection.nodes.length > 0,
  perform({ journey, selection }) {
    if (selection.nodes.length === 0) return null;
    const pasted = pasteFragment(journey, copyFragment(journey, selection.nodes));
    return { journey: pasted.journey, selection: { nodes: pasted.nodeIds, edges: pasted.edgeIds }, history: true };
  },
});
