import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store/useEditor';
import { useEditorStore } from '../store/useEditorStore';
import { editorFor } from '../store/journeyEditor';
import { mod } from '../actions/types';

/** Widest the field grows to, in characters; a longer name scrolls inside it and shows whole in its tooltip. */
const MAX_WIDTH_CHARS = 48;
const MIN_WIDTH_CHARS = 16;

const isHistoryKey = (event: KeyboardEvent) => mod(event) && ['z', 'y'].includes(event.key.toLowerCase());

/**
 * The journey's name, edited in place: what is typed is a draft until Enter or leaving the field
 * commits it as one undoable rename. The browser's own undo history of the field is never used: after
 * the journey's undo changed the name under it, that history would type old input back in (a name came
 * out doubled). Ctrl/⌘+Z in the field instead drops the uncommitted draft, and does nothing else.
 */
export function JourneyNameField() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const name = useEditor((state) => state.journey?.name ?? '');
  // While the field has focus it holds what is typed; otherwise it shows the journey's name.
  const [draftName, setDraftName] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const value = draftName ?? name;

  // The Edit menu's and the context menu's Undo/Redo arrive as `beforeinput`, not as keys.
  useEffect(() => {
    const field = input.current;
    if (!field) return;
    const onBeforeInput = (event: InputEvent) => {
      if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return;
      event.preventDefault();
      if (event.inputType === 'historyUndo') setDraftName((draft) => (draft === null ? null : store.getState().journey?.name ?? ''));
    };
    field.addEventListener('beforeinput', onBeforeInput);
    return () => field.removeEventListener('beforeinput', onBeforeInput);
  }, [store]);

  const commit = () => {
    const journey = store.getState().journey;
    const trimmed = (draftName ?? '').trim();
    setDraftName(null);
    if (journey && trimmed && trimmed !== journey.name) editorFor(store).rename(trimmed);
  };

  return (
    <label className="toolbar__name">
      <span className="visually-hidden">{t('editor.journeyName')}</span>
      <input
        ref={input}
        value={value}
        title={name}
        maxLength={200}
        size={Math.min(MAX_WIDTH_CHARS, Math.max(MIN_WIDTH_CHARS, value.length + 1))}
        onFocus={() => setDraftName(name)}
        onChange={(event) => setDraftName(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (isHistoryKey(event)) {
            event.preventDefault();
            if (!event.shiftKey && event.key.toLowerCase() === 'z') setDraftName(name);
          }
          if (event.key === 'Enter') event.currentTarget.blur();
          if (event.key === 'Escape') {
            setDraftName(name);
            event.currentTarget.blur();
          }
        }}
      />
      <svg className="toolbar__name-pencil" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L8 18l-4 1 1-4z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
      </svg>
    </label>
  );
}
