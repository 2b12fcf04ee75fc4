// Deciding in the dashboard, by role and accessible name, on a real report (the churn win-back template
// on the e-commerce preset: a 90 % win-back / 10 % holdout split): the Variants section's arms and
// verdicts, and SMART goals against the forecast. ECharts is mocked as in dashboard.test.tsx.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { SmartGoalsSection } from '../../src/app/simulate/dashboard/GoalsSection';
import { sameForSimulation } from '../../src/app/simulate/staleness';
import { EditorStoreContext } from '../../src/app/store/EditorStoreContext';
import { createEditorStore, type EditorStore } from '../../src/app/store/editorStore';
import { setGoals } from '../../src/core/editor/commands';
import type { GoalSpec } from '../../src/core/journey/goals';
import { checkJourney } from '../../src/core/journey/validate';
import { VariantsSection } from '../../src/app/simulate/dashboard/VariantsSection';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { compareArms, evaluateGoal } from '../../src/core/sim/analysis/verdicts';
import { newcombe, wilson, type ArmReport, type SimulationReport } from '../../src/core/sim/engine/report';
import { simulate } from '../../src/core/sim/engine/simulate';
import { getPreset } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {} })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));

let report: SimulationReport;

beforeAll(async () => {
  const journey = instantiateTemplate(getTemplate('churn-win-back')!, 'en');
  report = (await simulate({ journey, cohort: getPreset('ecommerce')!.spec, users: 3_000, seed: 1 })).report;
});

beforeEach(() => {
  setLanguage('en');
});

/** An editor store holding the report's journey, with these goals. */
function editorWith(goals: GoalSpec[] = []): EditorStore {
  const store = createEditorStore();
  const journey = checkJourney(instantiateTemplate(getTemplate('churn-win-back')!, 'en')).document!;
  store.getState().open(setGoals(journey, goals));
  return store;
}

/** The Goals section inside the editor, as the dashboard shows it. */
function renderGoals(store: EditorStore) {
  return render(
    <EditorStoreContext.Provider value={store}>
      <SmartGoalsSection report={report} currency="CNY" />
    </EditorStoreContext.Provider>,
  );
}
const storedGoals = (store: EditorStore) => store.getState().journey!.goals;

const percent = (value: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(value);
const signedPoints = (value: number) => new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value * 100);

/** The report with its split's arms replaced by these counts (Wilson intervals, one replication). */
function withArms(counts: { converted: number; assigned: number }[]): SimulationReport {
  return {
    ...report,
    arms: report.arms.map((arm, index) => {
      const { converted, assigned } = counts[index]!;
      return { ...arm, converted, assigned, conversionRate: { value: converted / assigned, interval: wilson(converted, assigned) } };
    }),
  };
}

describe('variants', () => {
  it('shows the split’s arms side by side in the dashboard, and a verdict against the holdout', async () => {
    render(<Dashboard report={report} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} />);
    await act(async () => {
      await import('../../src/app/simulate/dashboard/echartsRenderer');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const section = within(screen.getByRole('region', { name: 'Variants' }));
    const arms = section.getByRole('table', { name: /^90% win-back \/ 10% holdout: users assigned to each variant/ });
    const rows = within(arms).getAllByRole('row');
    expect(within(rows[0]!).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Variant',
      'Assigned',
      'Converted',
      'Conversion rate',
      'Incremental conversions',
      'Incremental revenue',
      'Incremental ROI',
      'Attributed revenue',
      'Cost',
    ]);
    expect(rows.slice(1).map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Win-back', 'No touch (holdout)']);
    const [winBack, holdout] = report.arms;
    const cells = within(rows[1]!).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(winBack!.assigned.toLocaleString('en'));
    expect(cells[1]).toHaveTextContent(winBack!.converted.toLocaleString('en'));
    expect(cells[2]).toHaveTextContent(`${percent(winBack!.conversionRate.value)} 95% interval ${percent(winBack!.conversionRate.interval!.low)} to ${percent(winBack!.conversionRate.interval!.high)}`);
    // What the arm adds over its users' twins, each with its interval; ROI as a percentage.
    expect(cells[3]).toHaveTextContent(/^-?[\d,.]+ 95% interval -?[\d,.]+ to -?[\d,.]+$/);
    expect(cells[4]).toHaveTextContent(/^-?CN¥[\d,.]+ 95% interval -?CN¥[\d,.]+ to -?CN¥[\d,.]+$/);
    expect(cells[5]).toHaveTextContent(/^-?[\d,.]+%( 95% interval -?[\d,.]+% to -?[\d,.]+%)?$/);
    expect(cells[6]).toHaveTextContent(new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(winBack!.attributedRevenue));
    // The holdout is untouched: it costs nothing.
    const holdoutCells = within(rows[2]!).getAllByRole('cell');
    expect(holdoutCells[0]).toHaveTextContent(holdout!.assigned.toLocaleString('en'));
    expect(holdoutCells[7]).toHaveTextContent('CN¥0.00');
    expect(section.getByText(/^Attributed revenue counts everything users bought while in the journey/)).toBeInTheDocument();

    // What the holdout would measure, beside the true effect, and how many users it needs.
    const lift = report.lift!;
    const beside = section.getByRole('table', { name: '90% win-back / 10% holdout: what the holdout would measure, beside the true incremental effect' });
    const figure = (name: string) => within(within(beside).getByRole('rowheader', { name }).closest('tr')!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(figure('Lift measured by the holdout')).toEqual([`${signedPoints(lift.difference.value)} pp`, `${signedPoints(lift.difference.interval!.low)} pp to ${signedPoints(lift.difference.interval!.high)} pp`]);
    expect(figure('True incremental effect')).toEqual([`${signedPoints(lift.trueDifference)} pp`, '—']);
    expect(figure('Incremental ROI measured by the holdout')[0]).toMatch(/%$/);
    expect(section.getByText(new RegExp(`^With ${holdout!.assigned.toLocaleString('en')} users in the holdout, its measurement's 95% interval is [\\d.]+ pts wide, against a true effect of ${signedPoints(lift.trueDifference).replace('+', '\\+')} pp\\.`))).toBeInTheDocument();
    expect(section.getByText(lift.holdoutUsersNeeded === null ? /The journey adds nothing for a holdout to detect\./ : new RegExp(`A holdout needs about ${lift.holdoutUsersNeeded.toLocaleString('en')} users to detect this effect\\.`))).toBeInTheDocument();

    const comparisons = section.getByRole('table', { name: '90% win-back / 10% holdout: each variant against No touch (holdout)' });
    const row = within(comparisons).getByRole('row', { name: /^Win-back vs No touch \(holdout\)/ });
    const [comparison] = compareArms(report)[0]!.comparisons;
    const rowCells = within(row).getAllByRole('cell');
    expect(rowCells[0]).toHaveTextContent(`${signedPoints(comparison!.difference)} pp`);
    expect(rowCells[1]).toHaveTextContent(`${signedPoints(comparison!.interval!.low)} to ${signedPoints(comparison!.interval!.high)}`);
    // 3,000 users put only about 70 in the holdout: too few to tell the arms apart.
    expect(comparison!.verdict).toBe('not distinguishable');
    expect(rowCells[3]).toHaveTextContent(
      `Not distinguishable at this cohort size; about ${comparison!.usersNeeded!.toLocaleString('en')} users per variant would be needed to detect a difference of ${Math.abs(comparison!.difference * 100).toFixed(2)} pts.`,
    );
  });

  it('says by how much a variant converts more, with the interval, when the interval excludes zero', () => {
    const big = withArms([{ converted: 12_000, assigned: 90_000 }, { converted: 1_000, assigned: 10_000 }]);
    render(<VariantsSection report={big} currency="CNY" />);
    const interval = newcombe(12_000, 90_000, 1_000, 10_000)!;
    expect(screen.getByRole('row', { name: /^Win-back vs No touch/ })).toHaveTextContent(
      `Win-back converts 3.33 pts more than No touch (holdout) (95% CI ${signedPoints(interval.low)} to ${signedPoints(interval.high)}).`,
    );
  });

  it('says when a variant converts less', () => {
    render(<VariantsSection report={withArms([{ converted: 8_000, assigned: 90_000 }, { converted: 1_500, assigned: 10_000 }])} currency="CNY" />);
    expect(screen.getByRole('row', { name: /^Win-back vs No touch/ })).toHaveTextContent(/Win-back converts 6\.11 pts less than No touch \(holdout\) \(95% CI -[\d.]+ to -[\d.]+\)\./);
  });

  it('says how many users a holdout needs to detect the effect, or that there is nothing to detect', () => {
    const { unmount } = render(<VariantsSection report={{ ...report, lift: { ...report.lift!, holdoutUsersNeeded: 48_210 } }} currency="CNY" />);
    expect(screen.getByRole('region', { name: 'Variants' })).toHaveTextContent('A holdout needs about 48,210 users to detect this effect.');
    unmount();
    render(<VariantsSection report={{ ...report, lift: { ...report.lift!, holdoutUsersNeeded: null } }} currency="CNY" />);
    expect(screen.getByRole('region', { name: 'Variants' })).toHaveTextContent('The journey adds nothing for a holdout to detect.');
  });

  it('shows every split of a nested journey, each with both of its arms', () => {
    const [outerA, outerB] = report.arms;
    const inner = (arm: ArmReport, port: string, label: string): ArmReport => ({ ...arm, split: 'inner-split', port, label, holdout: false, assigned: Math.round(arm.assigned / 2) });
    const nested: SimulationReport = {
      ...report,
      nodes: [...report.nodes, { ...report.nodes[0]!, id: 'inner-split', kind: 'split', label: 'Inner test' }],
      arms: [...report.arms, inner(outerA!, 'a', 'Short copy'), inner(outerB!, 'b', 'Long copy')],
    };
    render(<VariantsSection report={nested} currency="CNY" />);
    const section = within(screen.getByRole('region', { name: 'Variants' }));
    const outer = section.getByRole('table', { name: /^90% win-back \/ 10% holdout: users assigned to each variant/ });
    expect(within(outer).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Win-back', 'No touch (holdout)']);
    const innerTable = section.getByRole('table', { name: /^Inner test: users assigned to each variant/ });
    expect(within(innerTable).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Short copy', 'Long copy']);
    expect(within(within(innerTable).getAllByRole('row')[1]!).getAllByRole('cell')[0]).toHaveTextContent(Math.round(outerA!.assigned / 2).toLocaleString('en'));
    expect(section.getByRole('table', { name: 'Inner test: each variant against Short copy' })).toBeInTheDocument();
  });

  it('says so when the journey has no split', () => {
    render(<VariantsSection report={{ ...report, arms: [] }} currency="CNY" />);
    expect(screen.getByRole('region', { name: 'Variants' })).toHaveTextContent('This journey has no split, so there are no variants to compare.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('goals', () => {
  it('adds goals from the keyboard and shows each against the forecast with the probability of meeting it', async () => {
    const user = userEvent.setup();
    const store = editorWith();
    renderGoals(store);
    const section = within(screen.getByRole('region', { name: 'Goals' }));
    expect(section.getByText('No goals yet.')).toBeInTheDocument();
    const form = within(section.getByRole('form', { name: 'Add a goal' }));

    // Conversion rate ≥ 15 %: met, with the probability from the Wilson interval.
    await user.selectOptions(form.getByRole('combobox', { name: 'Metric' }), 'Conversion rate');
    await user.click(form.getByRole('combobox', { name: 'Metric' }));
    await user.tab();
    expect(form.getByRole('combobox', { name: 'Comparison' })).toHaveFocus();
    await user.tab();
    expect(form.getByRole('spinbutton', { name: 'Target' })).toHaveFocus();
    expect(form.getByRole('spinbutton', { name: 'Target' })).toHaveAccessibleDescription('in %');
    await user.keyboard('15');
    await user.tab();
    expect(form.getByRole('spinbutton', { name: 'Within days (optional)' })).toHaveFocus();
    await user.keyboard('90{Enter}');

    const goals = () => within(section.getByRole('list', { name: 'Goals against the forecast' })).getAllByRole('listitem');
    expect(goals()).toHaveLength(1);
    const expected = evaluateGoal({ metric: 'conversionRate', comparison: '>=', target: 0.15, withinDays: 90 }, report);
    expect(expected.met).toBe(true);
    expect(goals()[0]).toHaveTextContent(`Conversion rate ≥ 15% within 90 days`);
    expect(goals()[0]).toHaveTextContent(`Met`);
    expect(goals()[0]).toHaveTextContent(`Forecast ${percent(report.conversionRate.value)}`);
    expect(goals()[0]).toHaveTextContent(`${percent(expected.probability!)} probability of meeting it`);
    expect(storedGoals(store)).toEqual([{ metric: 'conversionRate', comparison: '>=', target: 0.15, withinDays: 90 }]);

    // Lift vs holdout ≥ 5 points (in points), then CAC ≤ ¥1 (no interval: certain).
    await user.selectOptions(form.getByRole('combobox', { name: 'Metric' }), 'Lift vs holdout');
    expect(form.getByRole('spinbutton', { name: 'Target' })).toHaveAccessibleDescription('in percentage points');
    await user.type(form.getByRole('spinbutton', { name: 'Target' }), '5');
    await user.click(form.getByRole('button', { name: 'Add goal' }));
    const lift = evaluateGoal({ metric: 'liftVsHoldout', comparison: '>=', target: 0.05 }, report);
    expect(goals()[1]).toHaveTextContent('Lift vs holdout ≥ +5.00 pp');
    expect(goals()[1]).toHaveTextContent(lift.met ? 'Met' : 'Not met');
    expect(goals()[1]).toHaveTextContent(`${percent(lift.probability!)} probability of meeting it`);

    await user.selectOptions(form.getByRole('combobox', { name: 'Metric' }), 'CAC');
    await user.selectOptions(form.getByRole('combobox', { name: 'Comparison' }), 'at most (≤)');
    await user.type(form.getByRole('spinbutton', { name: 'Target' }), '1');
    await user.click(form.getByRole('button', { name: 'Add goal' }));
    expect(goals()[2]).toHaveTextContent('CAC ≤ CN¥1.00');
    expect(goals()[2]).toHaveTextContent('Not met');
    expect(goals()[2]).toHaveTextContent('no interval for this figure, so the forecast alone decides (probability 0%)');

    // Three at most.
    expect(form.getByRole('button', { name: 'Add goal' })).toBeDisabled();
    expect(section.getByText('At most three goals: remove one to add another.')).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Remove goal 2' }));
    expect(goals()).toHaveLength(2);
    expect(storedGoals(store).map((goal) => goal.metric)).toEqual(['conversionRate', 'cac']);
    expect(form.getByRole('button', { name: 'Add goal' })).toBeEnabled();
  });

  it('offers the incremental metrics first, each target in its own unit, and checks them against the incremental forecast', async () => {
    const user = userEvent.setup();
    renderGoals(editorWith());
    const metric = screen.getByRole('combobox', { name: 'Metric' });
    expect(within(metric).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Incremental conversions',
      'Incremental revenue',
      'Incremental ROI',
      'Cost per incremental conversion',
      'Conversion rate',
      'Lift vs holdout',
      'Attributed revenue',
      'Attributed ROI',
      'CAC',
    ]);
    expect(metric).toHaveDisplayValue('Incremental conversions');
    expect(screen.getByRole('spinbutton', { name: 'Target' })).toHaveAccessibleDescription('in users');
    await user.type(screen.getByRole('spinbutton', { name: 'Target' }), '5');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    const conversions = evaluateGoal({ metric: 'incrementalConversions', comparison: '>=', target: 5 }, report);
    expect(conversions.value).toBe(report.incremental.conversions.value);
    expect(screen.getByRole('listitem')).toHaveTextContent('Incremental conversions ≥ 5');
    expect(screen.getByRole('listitem')).toHaveTextContent(`Forecast ${report.incremental.conversions.value.toLocaleString('en', { maximumFractionDigits: 1 })}`);
    expect(screen.getByRole('listitem')).toHaveTextContent(conversions.met ? 'Met' : 'Not met');

    await user.selectOptions(metric, 'Incremental ROI');
    expect(screen.getByRole('spinbutton', { name: 'Target' })).toHaveAccessibleDescription('in %');
    await user.type(screen.getByRole('spinbutton', { name: 'Target' }), '25');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(screen.getAllByRole('listitem')[1]).toHaveTextContent('Incremental ROI ≥ 25%');
    expect(screen.getAllByRole('listitem')[1]).toHaveTextContent(`Forecast ${percent(report.incremental.roi.value)}`);

    await user.selectOptions(metric, 'Incremental revenue');
    expect(screen.getByRole('spinbutton', { name: 'Target' })).toHaveAccessibleDescription('in CNY');
    await user.type(screen.getByRole('spinbutton', { name: 'Target' }), '100');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(screen.getAllByRole('listitem')[2]).toHaveTextContent('Incremental revenue ≥ CN¥100.00');
  });

  it('explains a target that is not a number, and checks a goal shorter than the horizon on its window', async () => {
    const user = userEvent.setup();
    renderGoals(editorWith());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Metric' }), 'Conversion rate');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a number for the target.');
    expect(screen.getByRole('spinbutton', { name: 'Target' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('spinbutton', { name: 'Target' })).toHaveAccessibleDescription('in % Enter a number for the target.');
    await user.type(screen.getByRole('spinbutton', { name: 'Target' }), '10');
    await user.type(screen.getByRole('spinbutton', { name: 'Within days (optional)' }), '30');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(screen.queryByRole('alert')).toBeNull();
    const windowed = evaluateGoal({ metric: 'conversionRate', comparison: '>=', target: 0.1, withinDays: 30 }, report);
    expect(windowed.window).toBe('window');
    // The first 30 days convert fewer users than the whole 90: the figure shown is the window's.
    expect(windowed.value!).toBeLessThan(report.conversionRate.value);
    const item = screen.getByRole('listitem');
    expect(item).toHaveTextContent(`Forecast ${percent(windowed.value!)}`);
    expect(item).toHaveTextContent("Counted over the first 30 of the forecast's 90 days.");
    expect(item).toHaveTextContent(windowed.met ? 'Met' : 'Not met');
  });

  it('refuses lift, ROI or CAC on a window shorter than the horizon, and notes a goal longer than it', async () => {
    const user = userEvent.setup();
    const store = editorWith();
    renderGoals(store);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Metric' }), 'Attributed ROI');
    await user.type(screen.getByRole('spinbutton', { name: 'Target' }), '20');
    await user.type(screen.getByRole('spinbutton', { name: 'Within days (optional)' }), '30');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    const refusal = 'Attributed ROI is only forecast over the whole horizon (90 days): leave the days empty, or enter 90 or more.';
    expect(screen.getByRole('alert')).toHaveTextContent(refusal);
    expect(screen.getByRole('spinbutton', { name: 'Within days (optional)' })).toHaveAccessibleDescription(refusal);
    expect(storedGoals(store)).toEqual([]);

    await user.clear(screen.getByRole('spinbutton', { name: 'Within days (optional)' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Within days (optional)' }), '120');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('listitem')).toHaveTextContent(`Forecast ${percent(report.attributedRoi.value)}`);
    expect(screen.getByRole('listitem')).toHaveTextContent("The forecast stops at 90 days, before the goal's 120: the figure covers 90 days only.");
  });

  it('says why a saved goal on a window has no figure for a metric forecast over the horizon only', () => {
    renderGoals(editorWith([{ metric: 'cac', comparison: '<=', target: 40, withinDays: 30 }]));
    expect(screen.getByRole('listitem')).toHaveTextContent('CAC ≤ CN¥40.00 within 30 days');
    expect(screen.getByRole('listitem')).toHaveTextContent('CAC is only forecast over the whole horizon (90 days)');
    expect(screen.getByRole('listitem')).not.toHaveTextContent('Forecast');
  });

  it('keeps the goals on the journey: undoable, there again when the dashboard reopens, and no reason to run again', async () => {
    const user = userEvent.setup();
    const store = editorWith();
    const before = store.getState().journey!;
    const { unmount } = renderGoals(store);
    await user.type(screen.getByRole('spinbutton', { name: 'Target' }), '10');
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(store.getState()).toMatchObject({ dirty: true, journey: { goals: [{ metric: 'incrementalConversions', comparison: '>=', target: 10 }] } });
    expect(sameForSimulation(before, store.getState().journey!)).toBe(true);
    unmount();
    renderGoals(store);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    act(() => store.getState().undo());
    expect(screen.getByText('No goals yet.')).toBeInTheDocument();
    expect(storedGoals(store)).toEqual([]);
  });

  it('is left out of a dashboard shown without an editor to keep goals in', () => {
    render(<SmartGoalsSection report={report} currency="CNY" />);
    expect(screen.queryByRole('region', { name: 'Goals' })).toBeNull();
  });
});

describe('in Chinese', () => {
  it('names the sections, the controls and the verdicts in Chinese', async () => {
    await act(async () => setLanguage('zh-CN'));
    const user = userEvent.setup();
    render(
      <>
        <VariantsSection report={{ ...withArms([{ converted: 12_000, assigned: 90_000 }, { converted: 1_000, assigned: 10_000 }]), lift: { ...report.lift!, holdoutUsersNeeded: 48_210 } }} currency="CNY" />
        <EditorStoreContext.Provider value={editorWith()}>
          <SmartGoalsSection report={report} currency="CNY" />
        </EditorStoreContext.Provider>
      </>,
    );
    const variants = screen.getByRole('region', { name: '变体对比' });
    expect(variants).toHaveTextContent(/Win-back的转化率比No touch（留出组）高 3\.33 个百分点（95% 置信区间 \+[\d.]+ 至 \+[\d.]+）。/);
    expect(within(variants).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(expect.arrayContaining(['增量转化', '增量收入', '增量 ROI', '归因收入']));
    expect(within(variants).getByRole('table', { name: /留出组能测到的效果，与真实增量效果对照$/ })).toHaveTextContent('真实增量效果');
    expect(variants).toHaveTextContent('留出组约需 48,210 名用户才能检出这一效果。');
    expect(variants).toHaveTextContent('归因收入计入用户在旅程中购买的全部金额');
    const goals = within(screen.getByRole('region', { name: '目标' }));
    await user.selectOptions(goals.getByRole('combobox', { name: '指标' }), '转化率');
    await user.type(goals.getByRole('spinbutton', { name: '目标值' }), '15');
    await user.click(goals.getByRole('button', { name: '添加目标' }));
    expect(goals.getByRole('list', { name: '目标与预测对照' })).toHaveTextContent(/转化率 ≥ 15%.*达成.*达成概率/);
    expect(goals.getByRole('combobox', { name: '指标' })).toBeInTheDocument();
    expect(goals.getByRole('button', { name: '删除目标 1' })).toBeInTheDocument();
  });
});
