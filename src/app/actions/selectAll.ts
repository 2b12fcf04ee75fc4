import { mod, register } from './types';

export const selectAllAction = register({
  name: 'selectAll',
  label: 'selectAll',
  shortcut: 'Mod+A',
  keyTest: (event) => mod(event) && !event.shiftKey && event.key.toLowerCase() === 'a',
  perform: ({ journey }) => ({ selection: { nodes: journey.nodes.map((node) => node.id), edges: journey.edges.map((edge) => edge.id) }, history: false }),
});
