import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/useEditorStore';
import { encodeShareLink } from '../persist/shareLink';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';

/** Copies a link that carries the whole journey in its fragment (nothing is uploaded). */
export function ShareButton() {
  const lang = useLang();
  const { t } = useTranslation();
  const store = useEditorStore();
  const [result, setResult] = useState<{ url: string; copied: boolean; warning?: string } | null>(null);

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

  return (
    <div className="menu-button">
      <button type="button" onClick={() => void share()}>
        🔗 {t('editor.share')}
      </button>
      {result && (
        <div className="menu-button__menu share-result" role="dialog" aria-label={t('editor.share')}>
          <p role="status">{result.copied ? t('editor.shareCopied') : t('editor.shareCopyByHand')}</p>
          {result.warning && <p className="share-result__warning">{result.warning}</p>}
          <label>
            <span className="visually-hidden">{t('editor.shareLink')}</span>
            <input readOnly value={result.url} onFocus={(event) => event.target.select()} />
          </label>
          <button type="button" onClick={() => setResult(null)}>
            {t('editor.close')}
          </button>
        </div>
      )}
    </div>
  );
}
