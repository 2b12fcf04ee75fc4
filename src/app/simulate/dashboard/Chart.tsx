// One chart, drawn by ECharts once its chunk has loaded (echartsRenderer.ts, a dynamic import). The
// chart is a picture for sighted users (role img with a name); the numbers behind it are in the data
// table next to it, so nothing depends on the drawing. Once drawn, it can be downloaded as a PNG. A chart
// that needs more room than its box (`minWidth`: a long journey's flow) is drawn that wide in a box that
// scrolls sideways, by keyboard too.
import { useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { downloadDataUrl } from '../../persist/files';
import { chartPngName, FileBaseContext } from './chartFiles';
import type * as Renderer from './echartsRenderer';
import { DownloadIcon } from '../../icons';

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

// Charts are drawn in turns of about a frame (16 ms, or one chart), yielding to the page between turns: drawn all in
// one task once ECharts had loaded, a dashboard's dozen charts held the page still for a quarter of a
// second. The first turn starts once every chart that asked at the same moment has asked.
const TURN_MS = 16;
const waiting: (() => void)[] = [];
let turnPlanned = false;

function drawTurn() {
  turnPlanned = false;
  const started = performance.now();
  while (waiting.length > 0) {
    if (performance.now() - started >= TURN_MS) {
      turnPlanned = true;
      setTimeout(drawTurn, 0);
      return;
    }
    waiting.shift()!();
  }
}

function drawInTurn(draw: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    waiting.push(() => {
      try {
        draw();
        resolve();
      } catch (error) {
        reject(error);
      }
    });
    if (turnPlanned) return;
    turnPlanned = true;
    queueMicrotask(drawTurn);
  });
}

export function Chart({ option, title, height = 280, minWidth }: { option: EChartsCoreOption; title: string; height?: number; minWidth?: number | null }) {
  const { t } = useTranslation();
  // ECharts' own words (its toolbox, "no data") come from the built-in locale the catalog names.
  const chartLocale = t('dashboard.chartLocale');
  const element = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>('loading');
  const handle = useRef<Renderer.ChartHandle | null>(null);
  const fileBase = useContext(FileBaseContext);
  const [pngFailed, setPngFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    loadRenderer()
      .then(({ renderChart }) =>
        drawInTurn(() => {
          if (cancelled || !element.current) return;
          handle.current = renderChart(element.current, option, chartLocale);
          setPhase('ready');
        }),
      )
      .catch(() => {
        if (!cancelled) setPhase('failed');
      });
    return () => {
      cancelled = true;
      handle.current?.dispose();
      handle.current = null;
    };
  }, [option, chartLocale]);

  const downloadPng = () => {
    if (!handle.current) return;
    try {
      downloadDataUrl(chartPngName(fileBase, title), handle.current.toPng());
      setPngFailed(false);
    } catch {
      setPngFailed(true);
    }
  };

  return (
    <div className="dashboard-chart">
      {minWidth ? (
        <div className="dashboard-chart__scroll" role="region" aria-label={t('dashboard.chartScroll', { title })} tabIndex={0}>
          <div ref={element} className="dashboard-chart__canvas" role="img" aria-label={t('dashboard.chartLabel', { title })} data-phase={phase} style={{ height, minWidth }} />
        </div>
      ) : (
        <div ref={element} className="dashboard-chart__canvas" role="img" aria-label={t('dashboard.chartLabel', { title })} data-phase={phase} style={{ height }} />
      )}
      {phase === 'loading' && <p className="dashboard-chart__note">{t('dashboard.chartLoading')}</p>}
      {phase === 'failed' && (
        <p className="dashboard-chart__note" role="status">
          {t('dashboard.chartFailed')}
        </p>
      )}
      <button type="button" className="dashboard-chart__png" aria-label={t('report.png.download', { title })} title={t('report.png.download', { title })} disabled={phase !== 'ready'} onClick={downloadPng}>
        <DownloadIcon /> PNG
      </button>
      {pngFailed && (
        <p className="dashboard-chart__note" role="alert">
          {t('report.png.failed')}
        </p>
      )}
    </div>
  );
}
