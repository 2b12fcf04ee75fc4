// The dashboard of the last simulation run: a modal dialog over the editor, opened from the Simulate
// panel's results. KPI cards, incremental figures first (each with its 95 % interval where the report has one and its formula on
// hover or focus), the funnel by stage and by goal, the stage population over time, the operations load
// and the segment breakdown, each chart with a data table behind it, and CSV exports. Everything comes
// from the SimulationReport the panel already holds; the charts' library loads only when this opens.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { JourneyDocument } from '../../../core/journey';
import type { SimulationReport } from '../../../core/sim/engine';
import { formatCount } from '../format';
import { cohortLabel } from '../cohortLabel';
import { DashboardSection } from './sections';
import { CumulativeSection } from './CumulativeSection';
import { FunnelSection, GoalFunnelSection } from './FunnelSections';
import { FlowSection } from './FlowSection';
import { HourlySection, type QuietHours } from './HourlySection';
import { KpiCards } from './KpiCards';
import { kpisOf } from './kpis';
import { OperationsSection } from './OperationsSection';
import { SegmentsSection } from './SegmentsSection';
import { ScenariosSection } from './ScenariosSection';
import { SmartGoalsSection } from './GoalsSection';
import { SensitivitySection } from './SensitivitySection';
import { StagesSection } from './StagesSection';
import { VariantsSection } from './VariantsSection';
import { ControlGroupSection } from './ControlGroupSection';
import { daysCsv, downloadText, nodesCsv } from './dashboardData';
import { FileBaseContext, fileSlug } from './chartFiles';
import { PrintableReport } from './PrintableReport';
import { ErrorBoundary } from '../../ErrorBoundary';
import './dashboard.css';
import { useLang } from '../../i18n/useLang';
import { CloseIcon, DownloadIcon, PrintIcon } from '../../icons';

/** One part of the dashboard that fails to draw shows a message; the other parts and the editor stay usable. */
function Guard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <ErrorBoundary area={t('errorBoundary.areas.dashboard')}>{children}</ErrorBoundary>;
}

export interface DashboardProps {
  report: SimulationReport;
  currency: string;
  presetId: string;
  /** What the run's cohort is called (the preset's or saved cohort's name); the preset's name or the report's cohort id when left out. */
  cohortName?: string;
  stale: boolean;
  onClose(): void;
  /** The journey's quiet hours (shaded on the sends-by-hour chart); null or left out for none. */
  quietHours?: QuietHours;
  /** The journey as simulated: the printed report draws it and lists its settings and offers. */
  journey?: JourneyDocument;
}

export function Dashboard({ report, currency, presetId, cohortName, stale, onClose, quietHours, journey }: DashboardProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const headingId = useId();
  const dialog = useRef<HTMLElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeButton.current?.focus();
  }, []);

  // "Print report" puts the report in the page (print.css shows only it and the charts), then prints
  // once the journey picture is decoded, so it is not missing from the page.
  const [printedAt, setPrintedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (!printedAt) return;
    let cancelled = false;
    const picture = dialog.current?.querySelector<HTMLImageElement>('.print-report img');
    const decoded = typeof picture?.decode === 'function' ? picture.decode().catch(() => undefined) : Promise.resolve();
    void decoded.then(() => {
      if (!cancelled) window.print();
    });
    return () => {
      cancelled = true;
    };
  }, [printedAt]);

  const kpis = kpisOf(report, { t, currency, lang });
  const cohort = cohortName ?? cohortLabel(presetId, null, report.cohort.id, lang);
  const count = (value: number) => formatCount(value, lang);


  // Escape closes (and goes no further: the Simulate panel behind must stay open); Tab stays inside.
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter((element) => !element.hasAttribute('disabled'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  // Files are named after the journey (letters and digits of any script, the rest as hyphens).
  const fileBase = fileSlug(report.journey.name) || report.journey.id || 'journey';

  return createPortal(
    <div className="dashboard-backdrop" lang={lang}>
      <section ref={dialog} className="dashboard" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={onKeyDown}>
        <header className="dashboard__header">
          <div>
            <h2 id={headingId}>{t('dashboard.title', { name: report.journey.name })}</h2>
            <p className="dashboard__summary">
              {t('simulate.summary', { users: count(report.users), seed: report.seed, cohort: cohort, days: count(report.horizonDays) })}
            </p>
            {stale && (
              <p className="dashboard__stale" role="status">
                {t('simulate.stale')}
              </p>
            )}
          </div>
          <div className="dashboard__actions">
            <button type="button" className="dashboard__print" onClick={() => setPrintedAt(new Date())}>
              <PrintIcon /> {t('report.print')}
            </button>
            <button ref={closeButton} type="button" className="dashboard__close" aria-label={t('dashboard.close')} title={t('dashboard.close')} onClick={onClose}>
              <CloseIcon />
            </button>
          </div>
        </header>

        {printedAt && <Guard><PrintableReport report={report} journey={journey} kpis={kpis} currency={currency} cohortName={cohort} stale={stale} printedAt={printedAt} /></Guard>}

        <FileBaseContext.Provider value={fileBase}>

        <Guard>
          <KpiCards kpis={kpis.filter((kpi) => kpi.group === 'incremental')} label={t('dashboard.kpiGroups.incremental')} />
          <KpiCards kpis={kpis.filter((kpi) => kpi.group === 'attributed')} label={t('dashboard.kpiGroups.attributed')} note={t('dashboard.attributedNote')} />
        </Guard>

        <div className="dashboard__grid">
          <Guard><FunnelSection report={report} /></Guard>
          <Guard><GoalFunnelSection report={report} /></Guard>
          <Guard><StagesSection report={report} /></Guard>
          <Guard><OperationsSection report={report} /></Guard>
          <Guard><CumulativeSection report={report} currency={currency} /></Guard>
          <Guard><HourlySection report={report} quietHours={quietHours} /></Guard>
        </div>

        <Guard><FlowSection /></Guard>
        <Guard><VariantsSection report={report} currency={currency} /></Guard>
        {report.controlGroup && <Guard><ControlGroupSection control={report.controlGroup} currency={currency} /></Guard>}
        <Guard><SmartGoalsSection report={report} currency={currency} /></Guard>
        <Guard><SensitivitySection report={report} currency={currency} /></Guard>

        <Guard><SegmentsSection report={report} currency={currency} presetId={presetId} /></Guard>

        <Guard><ScenariosSection /></Guard>

        <DashboardSection title={t('dashboard.exports.title')} wide>
          <div className="dashboard__exports">
            <button type="button" onClick={() => downloadText(nodesCsv(report, currency), `${fileBase}-nodes.csv`)}>
              <DownloadIcon /> {t('dashboard.exports.nodes')}
            </button>
            <button type="button" onClick={() => downloadText(daysCsv(report, currency), `${fileBase}-days.csv`)}>
              <DownloadIcon /> {t('dashboard.exports.days')}
            </button>
          </div>
        </DashboardSection>
        </FileBaseContext.Provider>
      </section>
    </div>,
    document.body,
  );
}
