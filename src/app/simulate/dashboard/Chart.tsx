// One chart, drawn by ECharts once its chunk has loaded (echartsRenderer.ts, a dynamic import). The
// chart is a picture for sighted users (role img with a name); the numbers behind it are in the data
// table next to it, so nothing depends on the drawing.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../../../core/i18n';
import type * as Renderer from './echartsRenderer';

type Phase = 'loading' | 'ready' | 'failed';

// One import for every chart on the page (a failed load is tried again by the next chart).
let renderer: Promise<typeof Renderer> | null = null;
function loadRenderer() {
  renderer ??= import('./echartsRenderer').catch((error: unknown) => {
    renderer = null;
    throw error;
  });
  return renderer;
}

export function Chart({ option, title, lang, height = 280 }: { option: EChartsCoreOption; title: string; lang: Lang; height?: number }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>('loading');

  useEffect(() => {
    let cancelled = false;
    let handle: { dispose(): void } | null = null;
    loadRenderer()
      .then(({ renderChart }) => {
        if (cancelled || !element.current) return;
        handle = renderChart(element.current, option, lang === 'zh-CN' ? 'ZH' : 'EN');
        setPhase('ready');
      })
      .catch(() => {
        if (!cancelled) setPhase('failed');
      });
    return () => {
      cancelled = true;
      handle?.dispose();
    };
  }, [option, lang]);

  return (
    <div className="dashboard-chart">
      <div ref={element} className="dashboard-chart__canvas" role="img" aria-label={t('dashboard.chartLabel', { title })} data-phase={phase} style={{ height }} />
      {phase === 'loading' && <p className="dashboard-chart__note">{t('dashboard.chartLoading')}</p>}
      {phase === 'failed' && (
        <p className="dashboard-chart__note" role="status">
          {t('dashboard.chartFailed')}
        </p>
      )}
    </div>
  );
}
