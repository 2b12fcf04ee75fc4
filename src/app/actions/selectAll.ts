import { everything } from '../store/editorStore';
import { mod, register } from './types';

export const selectAllAction = register({
  name: 'selectAll',
  label: 'selectAll',
  shortcut: 'Mod+A',
  keyTest: (event) => mod(event) && !event.shiftKey && event.key.toLowerCase() === 'a',
  perform: ({ journey }) => ({ selection: everything(journey), history: false }),
});
