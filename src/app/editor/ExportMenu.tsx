import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportKinds, useJourneyExport, type ExportKind } from './useJourneyExport';
import { ExportIcon } from '../icons';

/** Export the journey file, the compiled machine, or a picture of the canvas (useJourneyExport does it). */
export function ExportMenu() {
  const { t } = useTranslation();
  const exporter = useJourneyExport();
  const { error } = exporter;
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  const run = async (what: ExportKind) => {
    setOpen(false);
    await exporter.run(what);
  };

  return (
    <div className="menu-button" ref={menu}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <ExportIcon /> {t('editor.export')}
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
          {exportKinds.map((what) => (
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
