import { useTranslation } from 'react-i18next';
import type { JourneyDocument } from '../../core/journey';
import { downloadText, exportJourneyJson, journeyFileName } from '../persist/files';
import { persistMessages } from '../persist/persistMessages';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { CloseIcon } from '../icons';

/**
 * Unsaved edits from before a reload that lost to another tab's save (persist/unsavedCopy.ts): the
 * stored version is open, and this says so and gives the user their version back — restored as one
 * undoable change, or downloaded as a journey file — or lets them dismiss it.
 */
export function SetAsideNotice({ document, onRestore, onDismiss }: { document: JourneyDocument; onRestore(): void; onDismiss(): void }) {
  const lang = useLang();
  const { t } = useTranslation();
  return (
    <div className="save-banner save-banner--set-aside" role="alert">
      <p>{say(persistMessages.unsavedCopySetAside, lang)}</p>
      <button type="button" onClick={onRestore}>
        {t('editor.restoreSetAside')}
      </button>
      <button type="button" onClick={() => downloadText(journeyFileName(document), exportJourneyJson(document))}>
        {t('editor.downloadSetAside')}
      </button>
      <button type="button" aria-label={t('editor.close')} onClick={onDismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}
