// The dashboard's Goals section: up to three SMART goals (metric, comparison, target, optional days),
// each shown against the forecast as met / not met with the probability of meeting it
// (src/core/sim/analysis/verdicts.ts). Goals are part of the open journey: they are changed through the editor
// store, so they are undoable, autosaved and exported with it, and they do not make the run stale.
import { useContext, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { evaluateGoal, goalMetrics, goalSchema, goalUnits, MAX_GOALS, metricsByDay, type GoalEvaluation, type GoalMetric, type GoalSpec } from '../../../core/sim/analysis';
import type { SimulationReport } from '../../../core/sim/engine';
import { EditorStoreContext } from '../../store/EditorStoreContext';
import type { EditorStore } from '../../store/editorStore';
import { editorFor } from '../../store/journeyEditor';
import { MAX_DURATION_DAYS } from '../../../core/journey';
import { formatCount, formatMoney, formatPercent, formatPoints } from '../format';
import './decide.css';
import { useLang } from '../../i18n/useLang';

export interface GoalsSectionProps {
  report: SimulationReport;
  currency: string;
}

/** How a metric's target is typed: proportions as percentages (or points), money as money, users as a count. */
const unitOf = (metric: GoalMetric) => goalUnits[metric];

const NO_GOALS: readonly GoalSpec[] = [];

/**
 * The goals of the journey open in the editor. A dashboard shown outside an editor (a report on its
 * own) has no journey to keep goals on, so it leaves the section out.
 */
export function SmartGoalsSection(props: GoalsSectionProps) {
  const store = useContext(EditorStoreContext);
  return store ? <JourneyGoals {...props} store={store} /> : null;
}

function JourneyGoals({ report, currency, store }: GoalsSectionProps & { store: EditorStore }) {
  const lang = useLang();
  const { t } = useTranslation();
  const ids = { heading: useId(), metric: useId(), comparison: useId(), target: useId(), targetHint: useId(), targetError: useId(), days: useId(), daysError: useId() };
  const goals = useStore(store, (state) => state.journey?.goals ?? NO_GOALS);
  const change = (next: readonly GoalSpec[]) => editorFor(store).setGoals(next);
  const [metric, setMetric] = useState<GoalMetric>(goalMetrics[0]);
  const [comparison, setComparison] = useState<GoalSpec['comparison']>('>=');
  const [target, setTarget] = useState('');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<{ target?: boolean; days?: 'invalid' | 'horizonOnly' }>({});
  const full = goals.length >= MAX_GOALS;

  const unit = unitOf(metric);
  const show = (goalMetric: GoalMetric, value: number) => {
    const kind = unitOf(goalMetric);
    if (kind === 'money') return formatMoney(value, currency, lang);
    if (kind === 'count') return formatCount(value, lang);
    if (kind === 'points') return t('simulate.points', { value: formatPoints(value, lang) });
    return formatPercent(value, lang);
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (full) return;
    const number = target.trim() === '' ? NaN : Number(target);
    const dayCount = days.trim() === '' ? undefined : Number(days);
    const parsed = goalSchema.safeParse({ metric, comparison, target: unit === 'money' || unit === 'count' ? number : number / 100, withinDays: dayCount });
    const daysInvalid = dayCount !== undefined && !(Number.isInteger(dayCount) && dayCount > 0 && dayCount <= MAX_DURATION_DAYS);
    // Lift, ROI, CAC and cost per conversion are forecast over the whole horizon only: a shorter window would have no figure.
    const horizonOnly = !daysInvalid && dayCount !== undefined && dayCount < report.horizonDays && !metricsByDay.includes(metric);
    const next: typeof errors = { target: !Number.isFinite(number), days: daysInvalid ? 'invalid' : horizonOnly ? 'horizonOnly' : undefined };
    setErrors(next);
    if (!parsed.success || next.target || next.days) return;
    change([...goals, parsed.data]);
    setTarget('');
    setDays('');
  };

  const horizonOnlyText = (goalMetric: GoalMetric) => t('goals.horizonOnly', { metric: t(`decide.goals.metrics.${goalMetric}`), horizon: report.horizonDays });
  const unavailableText = (goal: GoalSpec, result: GoalEvaluation) =>
    result.unavailable === 'horizon-only' ? horizonOnlyText(goal.metric) : result.unavailable === 'stale' ? t('decide.goals.stale') : t('decide.goals.unavailable');

  const describe = (goal: GoalSpec) => {
    const parts = { metric: t(`decide.goals.metrics.${goal.metric}`), comparison: goal.comparison === '>=' ? '≥' : '≤', target: show(goal.metric, goal.target) };
    return goal.withinDays === undefined ? t('decide.goals.goal', parts) : t('decide.goals.goalWithin', { ...parts, days: goal.withinDays });
  };

  return (
    <section className="dashboard-section dashboard-section--wide" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('decide.goals.title')}</h3>
      <p className="dashboard-chart__note">{t('decide.goals.intro')}</p>

      {goals.length === 0 ? (
        <p className="dashboard-chart__note">{t('decide.goals.none')}</p>
      ) : (
        <ol className="decide-goals" aria-label={t('decide.goals.list')}>
          {goals.map((goal, index) => {
            const result = evaluateGoal(goal, report);
            const probability = result.probability === null ? null : formatPercent(result.probability, lang);
            return (
              <li key={index} className="decide-goal" data-met={result.value === null ? undefined : String(result.met)}>
                <span className="decide-goal__name">{describe(goal)}</span>
                {result.value === null ? (
                  <span className="decide-goal__status">{unavailableText(goal, result)}</span>
                ) : (
                  <>
                    <strong className="decide-goal__status">{result.met ? t('decide.goals.met') : t('decide.goals.notMet')}</strong>
                    <span>{t('decide.goals.forecast', { value: show(goal.metric, result.value) })}</span>
                    <span>
                      {result.interval
                        ? t('decide.goals.probability', { probability })
                        : probability === null
                          ? t('decide.goals.uncertain')
                          : t('decide.goals.certain', { probability })}
                    </span>
                  </>
                )}
                {result.value !== null && result.window !== 'horizon' && goal.withinDays !== undefined && (
                  <span className="dashboard-chart__note">{t(result.window === 'window' ? 'goals.window' : 'decide.goals.longer', { horizon: report.horizonDays, days: goal.withinDays })}</span>
                )}
                <button type="button" onClick={() => change(goals.filter((_, other) => other !== index))}>
                  {t('decide.goals.remove', { index: index + 1 })}
                </button>
              </li>
            );
          })}
        </ol>
      )}

      <form className="decide-goals__form" aria-label={t('decide.goals.form')} onSubmit={add} noValidate>
        <label htmlFor={ids.metric}>{t('decide.goals.metric')}</label>
        <select id={ids.metric} value={metric} onChange={(event) => setMetric(event.target.value as GoalMetric)}>
          {goalMetrics.map((value) => (
            <option key={value} value={value}>
              {t(`decide.goals.metrics.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.comparison}>{t('decide.goals.comparison')}</label>
        <select id={ids.comparison} value={comparison} onChange={(event) => setComparison(event.target.value as GoalSpec['comparison'])}>
          <option value=">=">{t('decide.goals.atLeast')}</option>
          <option value="<=">{t('decide.goals.atMost')}</option>
        </select>
        <label htmlFor={ids.target}>{t('decide.goals.target')}</label>
        <input
          id={ids.target}
          type="number"
          step="any"
          value={target}
          aria-invalid={errors.target || undefined}
          aria-describedby={errors.target ? `${ids.targetHint} ${ids.targetError}` : ids.targetHint}
          onChange={(event) => setTarget(event.target.value)}
        />
        <span id={ids.targetHint} className="dashboard-chart__note">
          {t(`decide.goals.unit.${unit}`, { currency })}
        </span>
        <label htmlFor={ids.days}>{t('decide.goals.days')}</label>
        <input
          id={ids.days}
          type="number"
          min={1}
          step={1}
          value={days}
          aria-invalid={errors.days ? true : undefined}
          aria-describedby={errors.days ? ids.daysError : undefined}
          onChange={(event) => setDays(event.target.value)}
        />
        <button type="submit" disabled={full}>
          {t('decide.goals.add')}
        </button>
        {errors.target && (
          <p id={ids.targetError} className="decide-goals__error" role="alert">
            {t('decide.goals.targetInvalid')}
          </p>
        )}
        {errors.days && (
          <p id={ids.daysError} className="decide-goals__error" role="alert">
            {errors.days === 'invalid' ? t('decide.goals.daysInvalid') : horizonOnlyText(metric)}
          </p>
        )}
        {full && <p className="dashboard-chart__note">{t('decide.goals.full')}</p>}
      </form>
    </section>
  );
}
