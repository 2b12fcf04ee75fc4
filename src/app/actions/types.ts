import type { JourneyDocument } from '../../core/journey';
import type { Fragment } from '../../core/editor';
import type { EditorSnapshot, Selection } from '../store/editorStore';

/**
 * What an action hands back: a new document and/or selection and clipboard, and whether the change
 * enters undo history — or a step through history itself. null: nothing to do.
 */
export type ActionResult =
  | { journey?: JourneyDocument; selection?: Selection; clipboard?: Fragment | null; history: boolean }
  | { step: 'undo' | 'redo' };

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * One editor action, Excalidraw-style: keyboard shortcuts, toolbar buttons, menus and tests all call
 * the same `perform`, a function of the editor's snapshot.
 */
export interface EditorAction<Value = void> {
  name: string;
  /** Key of its label under `actions` in the i18n files. */
  label: string;
  /** The shortcut as shown to people, e.g. "Mod+Z" (Mod is Ctrl, or ⌘ on a Mac). */
  shortcut?: string;
  keyTest?(event: KeyLike): boolean;
  enabled?(snapshot: EditorSnapshot, history: { canUndo: boolean; canRedo: boolean }): boolean;
  perform(snapshot: EditorSnapshot, value: Value): ActionResult | null | Promise<ActionResult | null>;
}

export const mod = (event: KeyLike) => (event.ctrlKey || event.metaKey) && !event.altKey;

export function register<Value = void>(action: EditorAction<Value>): EditorAction<Value> {
  return action;
}

/** An action's shortcut as shown to people, with "Mod" spelled for this platform (e.g. "Ctrl+Z"). */
export const shortcutLabel = (action: EditorAction<never>, mod: string): string => action.shortcut?.replace('Mod', mod) ?? '';
