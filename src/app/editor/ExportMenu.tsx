import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReactFlow } from '@xyflow/react';
import { useEditorStore } from '../store/useEditorStore';
import { downloadDataUrl, downloadText, exportJourneyJson, exportMachineJson, journeyFileName, journeySlug } from '../persist/files';
import { persistMessages } from '../persist/persistMessages';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';

/** Export the journey file, the compiled machine, or a picture of the canvas. */
export function ExportMenu() {
  const lang = useLang();
  const { t } = useTranslation();
  const store = useEditorStore();
  const flow = useReactFlow();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  const run = async (what: 'journey' | 'machine' | 'png' | 'svg') => {
    setOpen(false);
    setError(null);
    const journey = store.getState().journey;
    if (!journey) return;
    if (what === 'journey') return downloadText(journeyFileName(journey), exportJourneyJson(journey));
    if (what === 'machine') {
      const machine = exportMachineJson(journey);
      if (machine.ok) downloadText(machine.fileName, machine.text);
      else setError(say(persistMessages.exportRefused, lang));
      return;
    }
    const element = document.querySelector<HTMLElement>('.journey-canvas .react-flow');
    if (!element) return;
    try {
      const background = getComputedStyle(element).backgroundColor || '#ffffff';
      // html-to-image loads with the first picture export, not with the editor.
      const { exportCanvasImage } = await import('../persist/imageExport');
      const url = await exportCanvasImage(element, what, { background, nodes: flow.getNodes() });
      downloadDataUrl(`${journeySlug(journey)}.${what}`, url);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <div className="menu-button" ref={menu}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        ⇩ {t('editor.export')}
      </button>
      {open && (
        <div
          role="menu"
          aria-label={t('editor.export')}
          className="menu-button__menu"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          {(['journey', 'machine', 'png', 'svg'] as const).map((what) => (
            <button key={what} type="button" role="menuitem" onClick={() => void run(what)}>
              {t(`editor.exportAs.${what}`)}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="menu-button__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
