import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/useEditorStore';
import { runAction } from '../actions';
import { deleteSelectionAction } from '../actions/deleteSelection';
import { duplicateAction } from '../actions/duplicate';
import { copyAction } from '../actions/copy';
import { cutAction } from '../actions/cut';
import { shortcutLabel, type EditorAction } from '../actions/types';

export interface ContextMenuTarget {
  kind: 'node' | 'edge';
  id: string;
  x: number;
  y: number;
}

/** Right-click menu on a node or edge: the same actions as the keyboard, reachable by arrow keys. */
export function CanvasContextMenu({ target, onClose }: { target: ContextMenuTarget; onClose(): void }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const menu = useRef<HTMLDivElement>(null);
  const items: EditorAction[] = target.kind === 'node' ? [copyAction, cutAction, duplicateAction, deleteSelectionAction] : [deleteSelectionAction];

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [onClose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') buttons[(index + 1) % buttons.length]?.focus();
    else if (event.key === 'ArrowUp') buttons[(index - 1 + buttons.length) % buttons.length]?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div ref={menu} role="menu" aria-label={t('actions.menu')} className="context-menu" style={{ left: target.x, top: target.y }} onKeyDown={onKeyDown}>
      {items.map((action) => (
        <button
          key={action.name}
          type="button"
          role="menuitem"
          className="context-menu__item"
          onClick={() => {
            void runAction(store, action, undefined);
            onClose();
          }}
        >
          <span>{t(`actions.${action.label}` as 'actions.copy')}</span>
          {action.shortcut && <kbd>{shortcutLabel(action, t('actions.mod'))}</kbd>}
        </button>
      ))}
    </div>
  );
}
