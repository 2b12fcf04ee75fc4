import { mod, register } from './types';

export const redoAction = register({
  name: 'redo',
  label: 'redo',
  shortcut: 'Shift+Mod+Z',
  keyTest: (event) => mod(event) && ((event.shiftKey && event.key.toLowerCase() === 'z') || event.key.toLowerCase() === 'y'),
  enabled: (_snapshot, history) => history.canRedo,
  perform: () => ({ step: 'redo' }),
});
