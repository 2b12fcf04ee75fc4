import { pasteFragment } from '../../core/editor';
import { mod, register } from './types';

export const pasteAction = register({
  name: 'paste',
  label: 'paste',
  shortcut: 'Mod+V',
  keyTest: (event) => mod(event) && !event.shiftKey && event.key.toLowerCase() === 'v',
  enabled: ({ clipboard }) => (clipboard?.nodes.length ?? 0) > 0,
  perform({ journey, clipboard }) {
    if (!clipboard || clipboard.nodes.length === 0) return null;
    const pasted = pasteFragment(journey, clipboard);
    // Pasting again pastes further along, not on top of the previous copy.
    const shifted = { ...clipboard, nodes: clipboard.nodes.map((node) => ({ ...node, position: { x: node.position.x + 40, y: node.position.y + 40 } })) };
    return { journey: pasted.journey, selection: { nodes: pasted.nodeIds, edges: pasted.edgeIds }, clipboard: shifted, history: true };
  },
});
