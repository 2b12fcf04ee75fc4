import { copyFragment } from '../../core/editor';
import { mod, register } from './types';

export const copyAction = register({
  name: 'copy',
  label: 'copy',
  shortcut: 'Mod+C',
  keyTest: (event) => mod(event) && !event.shiftKey && event.key.toLowerCase() === 'c',
  enabled: ({ selection }) => selection.nodes.length > 0,
  perform: ({ journey, selection }) =>
    selection.nodes.length === 0 ? null : { clipboard: copyFragment(journey, selection.nodes), history: false },
});
