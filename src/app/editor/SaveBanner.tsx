import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../store/useAutosave';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';

/** Tells the user when saving failed or another tab changed the journey, and what they can do. */
export function SaveBanner({
  status,
  onRetry,
  onLoadTheirs,
  onKeepMine,
  details = null,
}: {
  status: SaveStatus;
  onRetry(): void;
  onLoadTheirs(): void;
  onKeepMine(): void;
  /** More about the situation under the message (on a workspace: what the server's version changed). */
  details?: ReactNode;
}) {
  const lang = useLang();
  const { t } = useTranslation();
  if (status.state !== 'failed' && status.state !== 'conflict' && status.state !== 'changedElsewhere') return null;
  return (
    <div className={`save-banner save-banner--${status.state}`} role="alert">
      <p>{say(status.message, lang)}</p>
      {details}
      {status.state === 'failed' && (
        <button type="button" onClick={onRetry}>
          {t('editor.retrySave')}
        </button>
      )}
      {status.state !== 'failed' && (
        <>
          <button type="button" onClick={onLoadTheirs}>
            {t('editor.loadTheirs')}
          </button>
          <button type="button" onClick={onKeepMine}>
            {t('editor.keepMine')}
          </button>
        </>
      )}
    </div>
  );
}
