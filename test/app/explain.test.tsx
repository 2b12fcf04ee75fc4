// The "Why?" tab, by role and accessible name: the selected node in marketing terms with this run's
// counts, a metric's formula with the run's numbers plugged in, and links into the glossary.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { ExplainTab } from '../../src/app/trainer/explain/ExplainTab';
import { createEditorStore } from '../../src/app/store/editorStore';
import { EditorStoreContext } from '../../src/app/store/EditorStoreContext';
import { formatMoney } from '../../src/core/trainer/formulas';
import type { Lang } from '../../src/core/i18n';
import type { PlaybackStore } from '../../src/app/trainer/playback/playbackStore';
import { createTrainerStore, playbackStore, TrainerProviders, winBackJourney } from './trainerSupport';

function open(lang: Lang = 'en', { record = true }: { record?: boolean } = {}) {
  setLanguage(lang);
  const journey = winBackJourney();
  const editor = createEditorStore();
  editor.getState().open(journey);
  const playback: PlaybackStore = playbackStore(journey);
  if (record) playback.getState().record();
  render(
    <EditorStoreContext.Provider value={editor}>
      <TrainerProviders playback={playback} trainer={createTrainerStore({ tab: 'explain' })}>
        <ExplainTab />
      </TrainerProviders>
    </EditorStoreContext.Provider>,
  );
  const select = (id: string) => act(() => editor.getState().select({ nodes: [id], edges: [] }));
  return { journey, editor, playback, select, user: userEvent.setup() };
}

/** What a description list says for a term. */
const termValue = (list: HTMLElement, term: string) => within(list).getByText(term, { selector: 'dt' }).nextElementSibling;

describe('the Why? tab', () => {
  it('leads with incremental ROI, this run’s incremental revenue and cost plugged in, and names attributed revenue beside it', () => {
    const { playback } = open();
    const report = playback.getState().report!;
    const money = (value: number) => formatMoney(value, 'CNY', 'en');
    expect(screen.getByRole('combobox', { name: 'Metric' })).toHaveDisplayValue('Incremental ROI');
    const { revenue, cost } = report.incremental;
    const formula = screen.getByText(/^Incremental ROI = \(\S*¥/);
    expect(formula).toHaveTextContent(`Incremental ROI = (${money(revenue.value)} − ${money(cost.value)}) ÷ ${money(cost.value)} = `);
    expect(screen.getByText('Incremental ROI = (incremental revenue − cost) ÷ cost')).toBeInTheDocument();
    // What the journey added, then attributed revenue, named so, with what it counts.
    const added = within(screen.getByRole('heading', { name: 'Metrics' }).closest('section')!).getByLabelText('What the journey added');
    const summary = termValue(added, 'What the journey added')!;
    expect(summary).toHaveTextContent(`${money(revenue.value)} incremental revenue, ${money(cost.value)} cost`);
    const attributed = termValue(added, 'Attributed revenue')!;
    expect(attributed).toHaveTextContent(`${money(report.attributedRevenue)} Attributed revenue counts everything users bought while in the journey, including what they would have bought anyway; incremental revenue is only what the journey added.`);
    expect(formula.compareDocumentPosition(attributed) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('picks another metric and says when the run has no numbers for it yet', async () => {
    const { user } = open('en', { record: false });
    expect(screen.getByText('Record a playback to see the formula with this run’s numbers.')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Metric' }), 'Lift vs holdout');
    expect(screen.getByText('Lift = treated conversion rate − holdout conversion rate')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Glossary: Holdout (control group) (opens in a new tab)' })).toHaveAttribute('href', '#/glossary/holdout');
  });

  it('explains the selected node: its kind, its settings and its counts by port', () => {
    const { journey, playback, select } = open();
    expect(screen.getByText(/Select one node on the canvas/)).toBeInTheDocument();
    const split = journey.nodes.find((node) => node.kind === 'split')!;
    select(split.id);
    const section = screen.getByRole('heading', { name: `Why: ${split.label}` }).closest('section')!;
    expect(within(section).getByRole('heading', { name: 'A/B split — what it does' })).toBeInTheDocument();
    expect(within(section).getByText(/Divides users at random by weight/)).toBeInTheDocument();
    const counts = playback.getState().report!.nodes.find((node) => node.id === split.id)!;
    // First what it added over its users' twins, then its counts.
    const added = within(section).getByLabelText('What this node added');
    expect(termValue(added, 'Incremental revenue')).toHaveTextContent(formatMoney(counts.incremental.revenue, 'CNY', 'en'));
    expect(termValue(added, 'Incremental conversions')).toHaveTextContent(counts.incremental.conversions.toLocaleString('en', { maximumFractionDigits: 1 }));
    expect(termValue(added, 'Cost')).toHaveTextContent(formatMoney(counts.incremental.cost, 'CNY', 'en'));
    const entered = within(section).getByText(`Entered ${counts.entries.toLocaleString('en')} times by ${counts.users.toLocaleString('en')} users.`);
    expect(added.compareDocumentPosition(entered) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const ports = within(within(section).getByRole('list', { name: 'In this run' })).getAllByRole('listitem');
    expect(ports).toHaveLength(2);
    expect(ports[1]).toHaveTextContent(/holdout/);
    expect(ports[1]).toHaveTextContent(`${counts.ports['variant-2']!.toLocaleString('en')} (`);
    expect(within(section).getByRole('link', { name: 'Glossary: A/B split (opens in a new tab)' })).toHaveAttribute('href', '#/glossary/abSplit');
  });

  it('says when the journey changed since the recording, and counts by the recorded node’s ports', () => {
    const { journey, editor, playback, select } = open();
    const split = journey.nodes.find((node) => node.kind === 'split')!;
    select(split.id);
    expect(screen.queryByText(/The journey has changed since this recording/)).toBeNull();
    const variants = [
      { label: 'A', weight: 40, holdout: false },
      { label: 'B', weight: 40, holdout: false },
      { label: 'C', weight: 20, holdout: true },
    ];
    const edited = { ...journey, nodes: journey.nodes.map((node) => (node.id === split.id ? { ...node, params: { ...node.params, variants } } : node)) };
    act(() => {
      editor.getState().change(edited, { nodes: [split.id], edges: [] });
      playback.getState().journeyChanged(edited);
    });
    const section = screen.getByRole('heading', { name: `Why: ${split.label}` }).closest('section')!;
    expect(within(section).getByText(/^The journey has changed since this recording: these counts are from the recorded journey/)).toBeInTheDocument();
    expect(within(within(section).getByRole('list', { name: 'In this run' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('reads in Chinese', () => {
    const { journey, select } = open('zh-CN');
    select(journey.nodes.find((node) => node.kind === 'goal')!.id);
    expect(screen.getByRole('combobox', { name: '指标' })).toHaveDisplayValue('增量 ROI');
    expect(screen.getByText(/^增量 ROI = \(¥/)).toBeInTheDocument();
    expect(screen.getByText(/^归因收入计入用户在旅程中的全部购买/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '术语表：转化（在新标签页打开）' })).toHaveAttribute('href', '#/glossary/conversion');
  });
});
