import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AriaLabelConfig } from '@xyflow/react';

const DIRECTION_KEYS: Record<string, 'up' | 'down' | 'left' | 'right'> = { up: 'up', down: 'down', left: 'left', right: 'right' };

/** React Flow's own screen-reader texts (controls, minimap, keyboard moves) in the current language. */
export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t } = useTranslation();
  return useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'controls.ariaLabel': t('canvas.aria.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.aria.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.aria.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.aria.fitView'),
      'controls.interactive.ariaLabel': t('canvas.aria.interactive'),
      'minimap.ariaLabel': t('canvas.aria.minimap'),
      'handle.ariaLabel': t('canvas.aria.handle'),
      'node.a11yDescription.default': t('canvas.aria.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('canvas.aria.nodeDescriptionKeyboard'),
      'edge.a11yDescription.default': t('canvas.aria.edgeDescription'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => {
        const key = DIRECTION_KEYS[direction];
        return t('canvas.aria.nodeMoved', { direction: key ? t(`canvas.aria.direction.${key}`) : direction, x: Math.round(x), y: Math.round(y) });
      },
    }),
    [t],
  );
}
