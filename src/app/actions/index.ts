import type { EditorAction, KeyLike } from './types';
import { undoAction } from './undo';
import { redoAction } from './redo';
import { copyAction } from './copy';
import { cutAction } from './cut';
import { pasteAction } from './paste';
import { duplicateAction } from './duplicate';
import { deleteSelectionAction } from './deleteSelection';
import { selectAllAction } from './selectAll';
import { autoLayoutAction } from './autoLayout';

/** Actions that have a keyboard shortcut, in the order shortcuts are tried and listed. */
export const shortcutActions: readonly EditorAction[] = [
  undoAction,
  redoAction,
  copyAction,
  cutAction,
  pasteAction,
  duplicateAction,
  deleteSelectionAction,
  selectAllAction,
  autoLayoutAction,
];

export function actionForKey(event: KeyLike): EditorAction | undefined {
  return shortcutActions.find((action) => action.keyTest?.(event));
}

export { runAction } from './runAction';
