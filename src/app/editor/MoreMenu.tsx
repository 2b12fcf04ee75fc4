import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { exportKinds, useJourneyExport } from './useJourneyExport';
import { ShareResult, useShareLink } from './ShareButton';

/**
 * The toolbar's secondary actions (auto-layout, export, share link) in one "More" menu, for narrow
 * windows where the toolbar would otherwise wrap. A menu button: arrow keys, Home and End move between
 * items, Escape closes it and returns focus to the button.
 */
export function MoreMenu({ onAutoLayout, autoLayoutTitle }: { onAutoLayout(): void; autoLayoutTitle: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const exports = useJourneyExport();
  const shared = useShareLink();

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const choose = (act: () => void) => {
    setOpen(false);
    button.current?.focus();
    act();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => items[(next + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') focusAt(index + 1);
    else if (event.key === 'ArrowUp') focusAt(index - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      if (event.key === 'Escape') button.current?.focus();
      if (event.key === 'Tab') return;
    } else return;
    event.preventDefault();
  };

  return (
    <div
      className="menu-button"
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        ⋯ {t('editor.more')}
      </button>
      {open && (
        <div ref={menu} role="menu" aria-label={t('editor.moreActions')} className="menu-button__menu" onKeyDown={onMenuKeyDown}>
          <button type="button" role="menuitem" tabIndex={-1} title={autoLayoutTitle} onClick={() => choose(onAutoLayout)}>
            {t('actions.autoLayout')}
          </button>
          {exportKinds.map((what) => (
            <button key={what} type="button" role="menuitem" tabIndex={-1} onClick={() => choose(() => void exports.run(what))}>
              {t('editor.export')}: {t(`editor.exportAs.${what}`)}
            </button>
          ))}
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(() => void shared.share())}>
            {t('editor.share')}
          </button>
        </div>
      )}
      {shared.result && <ShareResult result={shared.result} onClose={shared.close} />}
      {exports.error && (
        <p className="menu-button__error" role="alert">
          {exports.error}
        </p>
      )}
    </div>
  );
}
