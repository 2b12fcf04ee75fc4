import { mod, register } from './types';

export const undoAction = register({
  name: 'undo',
  label: 'undo',
  shortcut: 'Mod+Z',
  keyTest: (event) => mod(event) && !event.shiftKey && event.key.toLowerCase() === 'z',
  enabled: (_snapshot, history) => history.canUndo,
  perform: () => ({ step: 'undo' }),
});
