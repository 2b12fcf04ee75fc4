// The dashboard's Sensitivity section: how a figure of the forecast moves when one assumption moves.
// A sweep runs one assumption over a range of its current value; a tornado moves every assumption to
// 80 % and 120 % and ranks them by how far the figure swings. Every point is an ordinary simulation
// through the app's runner (the page's worker pool, never this thread), all at once, on the last run's
// journey, cohort, seed and users (capped for speed) — the same users at every point.
import { useCallback, useContext, useId, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { checkCohort } from '../../../core/cohort';
import type { SimulationReport } from '../../../core/sim/engine';
import { assumptionsFor, DEFAULT_FIGURE, figures, figureUnits, type FigureName } from '../../../core/sim/analysis';
import { ServicesContext } from '../../services';
import { formatCount, formatMoney, formatPercent } from '../format';
import { SimulationStoreContext } from '../SimulationStoreContext';
import type { SimulationStore } from '../simulationStore';
import { workerRunner } from '../workerRunner';
import { Chart } from './Chart';
import { readableAxisLabel, scrollLegend, TableScroll } from './sections';
import { SENSITIVITY_MAX_USERS, sweepFactors, TORNADO_SPREAD, useSensitivity, type SensitivityInputs } from './useSensitivity';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

const figureNames = Object.keys(figures) as FigureName[];
const noStore = () => () => {};
const baseOption = { animation: false, aria: { enabled: false }, textStyle: { fontFamily: 'inherit' } };

/** The last run's inputs from the open journey's simulation store (none outside the editor). */
function useLastRun(store: SimulationStore | null) {
  return useSyncExternalStore(store?.subscribe ?? noStore, () => store?.getState().run ?? null);
}

export function SensitivitySection({ report, currency }: { report: SimulationReport; currency: string }) {
  const store = useContext(SimulationStoreContext);
  const services = useContext(ServicesContext);
  const run = useLastRun(store);
  const inputs = useMemo<SensitivityInputs | null>(() => {
    if (!run || !Number.isFinite(run.users) || !Number.isFinite(run.seed)) return null;
    const cohort = checkCohort(run.cohort).spec;
    if (!cohort) return null;
    return { journey: run.journey, cohort, seed: run.seed, users: Math.min(run.users, SENSITIVITY_MAX_USERS) };
  }, [run]);
  if (!inputs || !run) return null;
  return <SensitivityPanel inputs={inputs} run={run} runner={services?.simulationRunner ?? workerRunner} report={report} currency={currency} />;
}

function SensitivityPanel({ inputs, run, runner, report, currency }: { inputs: SensitivityInputs; run: object; runner: NonNullable<Parameters<typeof useSensitivity>[0]>; report: SimulationReport; currency: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  const headingId = useId();
  const assumptions = useMemo(() => assumptionsFor(inputs.journey), [inputs.journey]);
  const { state, runSweep, runTornado, cancel } = useSensitivity(runner, inputs, lang, run);
  const [assumptionId, setAssumptionId] = useState(assumptions[0]?.id ?? '');
  const [from, setFrom] = useState('50');
  const [to, setTo] = useState('150');
  const [count, setCount] = useState('5');
  // Incremental ROI unless another figure is picked: what the journey adds, as a percentage.
  const [figure, setFigure] = useState<FigureName>(DEFAULT_FIGURE);

  const fromValue = Number(from);
  const toValue = Number(to);
  const countValue = Number(count);
  const valid = from.trim() !== '' && to.trim() !== '' && fromValue > 0 && toValue > fromValue && toValue <= 1000 && Number.isInteger(countValue) && countValue >= 2 && countValue <= 21;
  const assumption = assumptions.find((candidate) => candidate.id === assumptionId) ?? assumptions[0];
  const running = state.phase === 'running';

  const unit = figureUnits[figure];
  // ROI (a ratio, 0.25 = 25 %) and rates as percentages, on the axes as in the tables.
  // Stable per unit and language, so the charts redraw only when what they show changes.
  const format = useCallback(
    (value: number) => {
      if (!Number.isFinite(value)) return '—';
      if (unit === 'percent') return formatPercent(value, lang);
      if (unit === 'count') return formatCount(value, lang);
      return formatMoney(value, currency, lang);
    },
    [unit, lang, currency],
  );
  const factorText = useCallback((factor: number) => formatPercent(factor, lang), [lang]);
  const figureName = t(`sensitivity.figures.${figure}`);
  const value = (of: SimulationReport) => figures[figure](of);

  return (
    <section className="dashboard-section dashboard-section--wide sensitivity" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('sensitivity.title')}</h3>
      <p className="sensitivity__intro">{t('sensitivity.intro')}</p>
      <p className="sensitivity__intro">
        {t('sensitivity.usersNote', { users: formatCount(inputs.users, lang), max: formatCount(SENSITIVITY_MAX_USERS, lang), seed: inputs.seed })}
        {inputs.users < report.users && ` ${t('sensitivity.capped', { users: formatCount(report.users, lang) })}`}
      </p>

      <div className="sensitivity__controls">
        <label>
          {t('sensitivity.figure')}{' '}
          <select value={figure} onChange={(event) => setFigure(event.target.value as FigureName)}>
            {figureNames.map((name) => (
              <option key={name} value={name}>
                {t(`sensitivity.figures.${name}`)}
              </option>
            ))}
          </select>
        </label>
        {(figure === 'attributedRevenue' || figure === 'attributedRoi') && <p className="dashboard-section__note">{t('sensitivity.attributedNote')}</p>}
      </div>

      <fieldset className="sensitivity__group" disabled={running}>
        <legend>{t('sensitivity.sweep.title')}</legend>
        <label>
          {t('sensitivity.sweep.assumption')}{' '}
          <select value={assumption?.id ?? ''} onChange={(event) => setAssumptionId(event.target.value)}>
            {assumptions.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {say(candidate.name, lang)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('sensitivity.sweep.from')}{' '}
          <input type="number" min={1} step={5} value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>{' '}
        <label>
          {t('sensitivity.sweep.to')}{' '}
          <input type="number" min={1} step={5} value={to} onChange={(event) => setTo(event.target.value)} />
        </label>{' '}
        <label>
          {t('sensitivity.sweep.points')}{' '}
          <input type="number" min={2} max={21} step={1} value={count} onChange={(event) => setCount(event.target.value)} />
        </label>{' '}
        <button type="button" disabled={!valid || !assumption} onClick={() => assumption && void runSweep(assumption, sweepFactors(fromValue / 100, toValue / 100, countValue))}>
          {t('sensitivity.sweep.run')}
        </button>
        {!valid && (
          <p className="dashboard-section__note" role="alert">
            {t('sensitivity.sweep.invalid')}
          </p>
        )}
      </fieldset>

      <fieldset className="sensitivity__group" disabled={running}>
        <legend>{t('sensitivity.tornado.title')}</legend>
        <p className="dashboard-section__note">{t('sensitivity.tornado.help', { figure: figureName, low: factorText(1 - TORNADO_SPREAD), high: factorText(1 + TORNADO_SPREAD) })}</p>
        <button type="button" onClick={() => void runTornado(assumptions)}>
          {t('sensitivity.tornado.run')}
        </button>
      </fieldset>

      {running && (
        <div className="sensitivity__progress">
          <progress
            aria-label={t('sensitivity.progress')}
            max={state.progress.total}
            value={state.progress.done}
            aria-valuetext={t('sensitivity.progressText', { done: Math.floor(state.progress.done), total: state.progress.total })}
          />{' '}
          <span>{t('sensitivity.progressText', { done: Math.min(state.progress.total, Math.floor(state.progress.done) + 1), total: state.progress.total })}</span>{' '}
          <button type="button" onClick={cancel}>
            {t('sensitivity.cancel')}
          </button>
        </div>
      )}
      {state.phase === 'stopped' && <p role="status">{t('sensitivity.stopped')}</p>}
      {state.phase === 'failed' && <p role="alert">{t('sensitivity.failed', { message: state.error ?? '' })}</p>}

      {state.sweep && (
        <SweepView
          key={`sweep-${state.sweep.assumption.id}`}
          title={t('sensitivity.sweep.chart', { figure: figureName, assumption: say(state.sweep.assumption.name, lang) })}
          caption={t('sensitivity.sweep.caption', { figure: figureName, assumption: say(state.sweep.assumption.name, lang) })}
          rows={state.sweep.points.map((point) => ({ factor: point.factor, value: value(point.report) }))}
          figureName={figureName}
          factorText={factorText}
          format={format}
        />
      )}
      {state.tornado && (
        <TornadoView
          title={t('sensitivity.tornado.chart', { figure: figureName })}
          caption={t('sensitivity.tornado.caption', { figure: figureName, base: format(value(state.tornado.base)), low: factorText(1 - TORNADO_SPREAD), high: factorText(1 + TORNADO_SPREAD) })}
          base={value(state.tornado.base)}
          rows={state.tornado.rows.map((row) => {
            const low = value(row.low);
            const high = value(row.high);
            return { id: row.assumption.id, name: say(row.assumption.name, lang), low, high, swing: Math.abs(high - low) };
          })}
          lowLabel={t('sensitivity.tornado.low', { factor: factorText(1 - TORNADO_SPREAD) })}
          highLabel={t('sensitivity.tornado.high', { factor: factorText(1 + TORNADO_SPREAD) })}
          format={format}
        />
      )}
    </section>
  );
}

/** A chart with its data table behind a "Show data" toggle (as the dashboard's other charts). */
function ChartWithTable({ title, option, table, height }: { title: string; option: EChartsCoreOption; table: ReactNode; height?: number }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const tableId = useId();
  return (
    <div className="sensitivity__result">
      <h4>{title}</h4>
      <Chart option={option} title={title} height={height} />
      <button type="button" className="dashboard-section__toggle" aria-expanded={shown} aria-controls={tableId} onClick={() => setShown(!shown)}>
        {shown ? t('dashboard.hideData') : t('dashboard.showData')}
      </button>
      <TableScroll id={tableId} label={t('dashboard.tableRegion', { title })} hidden={!shown}>
        {table}
      </TableScroll>
    </div>
  );
}

function SweepView(props: {
  title: string;
  caption: string;
  rows: { factor: number; value: number }[];
  figureName: string;
  factorText(factor: number): string;
  format(value: number): string;
}) {
  const { t } = useTranslation();
  const { title, caption, rows, figureName, factorText, format } = props;
  const option = useMemo<EChartsCoreOption>(
    () => ({
      ...baseOption,
      tooltip: { trigger: 'axis' },
      grid: { left: 24, right: 24, top: 16, bottom: 28, containLabel: true },
      xAxis: { type: 'category', name: t('sensitivity.sweep.factor'), nameLocation: 'middle', nameGap: 24, axisLabel: readableAxisLabel, data: rows.map((row) => factorText(row.factor)) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (value: number) => format(value) } },
      series: [{ type: 'line', name: figureName, data: rows.map((row) => (Number.isFinite(row.value) ? row.value : null)), tooltip: { valueFormatter: (value: number) => format(value) } }],
    }),
    [rows, figureName, factorText, format, t],
  );
  return (
    <ChartWithTable
      title={title}
      option={option}
      table={
        <table className="dashboard-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sensitivity.sweep.factor')}</th>
              <th scope="col">{figureName}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.factor}>
                <th scope="row">{factorText(row.factor)}</th>
                <td>{format(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function TornadoView(props: {
  title: string;
  caption: string;
  base: number;
  rows: { id: string; name: string; low: number; high: number; swing: number }[];
  lowLabel: string;
  highLabel: string;
  format(value: number): string;
}) {
  const { t } = useTranslation();
  const { title, caption, base, lowLabel, highLabel, format } = props;
  // Largest swing first; a swing that is not a number (a figure without a value) goes last.
  const rows = useMemo(() => [...props.rows].sort((a, b) => (Number.isFinite(b.swing) ? b.swing : -1) - (Number.isFinite(a.swing) ? a.swing : -1)), [props.rows]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      ...baseOption,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: scrollLegend,
      grid: { left: 24, right: 32, top: 32, bottom: 28, containLabel: true },
      xAxis: { type: 'value', name: t('sensitivity.tornado.change'), nameLocation: 'middle', nameGap: 24, axisLabel: { hideOverlap: true, formatter: (value: number) => format(value) } },
      yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.name) },
      series: [
        { type: 'bar', name: lowLabel, stack: 'swing', data: rows.map((row) => (Number.isFinite(row.low - base) ? row.low - base : null)), tooltip: { valueFormatter: (value: number) => format(value) } },
        { type: 'bar', name: highLabel, stack: 'swing', data: rows.map((row) => (Number.isFinite(row.high - base) ? row.high - base : null)), tooltip: { valueFormatter: (value: number) => format(value) } },
      ],
    }),
    [rows, base, lowLabel, highLabel, format, t],
  );
  return (
    <ChartWithTable
      title={title}
      option={option}
      height={Math.max(200, 48 + rows.length * 28)}
      table={
        <table className="dashboard-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sensitivity.tornado.assumption')}</th>
              <th scope="col">{lowLabel}</th>
              <th scope="col">{highLabel}</th>
              <th scope="col">{t('sensitivity.tornado.swing')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-assumption={row.id}>
                <th scope="row">{row.name}</th>
                <td>{format(row.low)}</td>
                <td>{format(row.high)}</td>
                <td>{format(row.swing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
