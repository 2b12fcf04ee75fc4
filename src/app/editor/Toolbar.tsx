import { useTranslation } from 'react-i18next';
import { useFitJourney } from '../canvas/fitJourney';
import { useEditor } from '../store/useEditor';
import { useEditorStore } from '../store/useEditorStore';
import type { Autosave } from '../store/useAutosave';
import { runAction } from '../actions';
import { undoAction } from '../actions/undo';
import { redoAction } from '../actions/redo';
import { autoLayoutAction } from '../actions/autoLayout';
import { shortcutLabel } from '../actions/types';
import { ExportMenu } from './ExportMenu';
import { ShareButton } from './ShareButton';
import { JourneyNameField } from './JourneyNameField';
import { MoreMenu } from './MoreMenu';
import { useNarrowToolbar } from './useNarrowToolbar';
import { SimulateButton } from '../simulate/SimulateButton';
import { AutoLayoutIcon, RedoIcon, UndoIcon } from '../icons';
import { useServices } from '../services';

const statusKey = {
  saved: 'editor.status.saved',
  saving: 'editor.status.saving',
  unsaved: 'editor.status.unsaved',
  failed: 'editor.status.failed',
  conflict: 'editor.status.conflict',
  changedElsewhere: 'editor.status.changedElsewhere',
} as const;

/** The editor's top bar: back, the journey's name, history, layout, files and links, trainer mode, save status. */
export function Toolbar({ autosave, onBack, mode = 'editor', onSwitchMode }: { autosave: Autosave; onBack(): void; mode?: 'editor' | 'trainer'; onSwitchMode?: () => void }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const canUndo = useEditor((state) => state.past.length > 0);
  const canRedo = useEditor((state) => state.future.length > 0);
  const fitJourney = useFitJourney();
  const mod = t('actions.mod');
  const narrow = useNarrowToolbar();
  const { workspace } = useServices();
  const autoLayout = () => void runAction(store, autoLayoutAction, undefined).then((done) => done && fitJourney({ duration: 300 }));
  const autoLayoutTitle = `${t('actions.autoLayout')} (${shortcutLabel(autoLayoutAction, mod)})`;

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <button type="button" onClick={onBack}>
        ← {t('editor.back')}
      </button>
      <JourneyNameField />
      <span className="toolbar__group">
        <button type="button" disabled={!canUndo} onClick={() => void runAction(store, undoAction, undefined)} title={`${t('actions.undo')} (${shortcutLabel(undoAction, mod)})`}>
          <UndoIcon /> {t('actions.undo')}
        </button>
        <button type="button" disabled={!canRedo} onClick={() => void runAction(store, redoAction, undefined)} title={`${t('actions.redo')} (${shortcutLabel(redoAction, mod)})`}>
          <RedoIcon /> {t('actions.redo')}
        </button>
      </span>
      <span className="toolbar__group">
        {narrow ? (
          <MoreMenu onAutoLayout={autoLayout} autoLayoutTitle={autoLayoutTitle} />
        ) : (
          <>
            <button type="button" onClick={autoLayout} title={autoLayoutTitle}>
              <AutoLayoutIcon /> {t('actions.autoLayout')}
            </button>
            <ExportMenu />
            <ShareButton />
          </>
        )}
      </span>
      <span className="toolbar__group">
        <SimulateButton />
        {onSwitchMode && (
          <button type="button" aria-pressed={mode === 'trainer'} onClick={onSwitchMode}>
            {mode === 'trainer' ? t('trainer.leave') : t('trainer.enter')}
          </button>
        )}
      </span>
      <span className={`toolbar__status toolbar__status--${autosave.status.state}`} role="status" aria-live="polite">
        {/* On a team workspace a refused save is someone else's version on the server, not another tab's. */}
        {t(workspace && autosave.status.state === 'conflict' ? 'workspace.status.conflict' : statusKey[autosave.status.state])}
      </span>
    </div>
  );
}
