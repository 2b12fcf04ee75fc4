import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/useEditorStore';
import { encodeShareLink } from '../persist/shareLink';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { ShareIcon } from '../icons';

export interface SharedLink {
  url: string;
  copied: boolean;
  warning?: string;
}

/** Makes a link that carries the whole journey in its fragment (nothing is uploaded) and copies it. */
export function useShareLink(): { result: SharedLink | null; share(): Promise<void>; close(): void } {
  const lang = useLang();
  const store = useEditorStore();
  const [result, setResult] = useState<SharedLink | null>(null);

  const share = async () => {
    const journey = store.getState().journey;
    if (!journey) return;
    const link = encodeShareLink(journey, window.location.href);
    let copied = false;
    try {
      await navigator.clipboard.writeText(link.url);
      copied = true;
    } catch {
      // No clipboard permission (e.g. an insecure origin): the link is shown to copy by hand.
    }
    setResult({ url: link.url, copied, ...(link.warning ? { warning: say(link.warning, lang) } : {}) });
  };
  return { result, share, close: () => setResult(null) };
}

/** The shared link, whether it was copied, and a warning when it is long. */
export function ShareResult({ result, onClose }: { result: SharedLink; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <div className="menu-button__menu share-result" role="dialog" aria-label={t('editor.share')}>
      <p role="status">{result.copied ? t('editor.shareCopied') : t('editor.shareCopyByHand')}</p>
      {result.warning && <p className="share-result__warning">{result.warning}</p>}
      <label>
        <span className="visually-hidden">{t('editor.shareLink')}</span>
        <input readOnly value={result.url} onFocus={(event) => event.target.select()} />
      </label>
      <button type="button" onClick={onClose}>
        {t('editor.close')}
      </button>
    </div>
  );
}

/** Copies a link that carries the whole journey in its fragment (nothing is uploaded). */
export function ShareButton() {
  const { t } = useTranslation();
  const { result, share, close } = useShareLink();
  return (
    <div className="menu-button">
      <button type="button" onClick={() => void share()}>
        <ShareIcon /> {t('editor.share')}
      </button>
      {result && <ShareResult result={result} onClose={close} />}
    </div>
  );
}
