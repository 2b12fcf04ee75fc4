import { deleteElements } from '../../core/editor';
import { noSelection } from '../store/editorStore';
import { register } from './types';

export const deleteSelectionAction = register({
  name: 'deleteSelection',
  label: 'delete',
  shortcut: 'Delete',
  keyTest: (event) => (event.key === 'Delete' || event.key === 'Backspace') && !event.ctrlKey && !event.metaKey,
  enabled: ({ selection }) => selection.nodes.length + selection.edges.length > 0,
  perform: ({ journey, selection }) =>
    selection.nodes.length + selection.edges.length === 0
      ? null
      : { journey: deleteElements(journey, selection.nodes, selection.edges), selection: noSelection, history: true },
});
