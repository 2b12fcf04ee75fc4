import { copyFragment, deleteElements } from '../../core/editor';
import { noSelection } from '../store/editorStore';
import { mod, register } from './types';

export const cutAction = register({
  name: 'cut',
  label: 'cut',
  shortcut: 'Mod+X',
  keyTest: (event) => mod(event) && !event.shiftKey && event.key.toLowerCase() === 'x',
  enabled: ({ selection }) => selection.nodes.length > 0,
  perform: ({ journey, selection }) =>
    selection.nodes.length === 0
      ? null
      : {
          clipboard: copyFragment(journey, selection.nodes),
          journey: deleteElements(journey, selection.nodes, selection.edges),
          selection: noSelection,
          history: true,
        },
});
