// Flow through the journey, by role and accessible name: after a run (a fake runner doing the worker's
// job in this thread), the dashboard's Sankey section lists each connection taken with its count, loops
// back are listed apart, and each canvas edge is named with its count and drawn wider the busier it is.
import { useState } from 'react';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Position, ReactFlow, type NodeHandle } from '@xyflow/react';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createSimulationStore, type SimulationStore } from '../../src/app/simulate/simulationStore';
import { SimulationStoreContext } from '../../src/app/simulate/SimulationStoreContext';
import { createFlowElementCache } from '../../src/app/canvas/flowElements';
import { simulationOverlay } from '../../src/app/simulate/canvasOverlay';
import { nodeTypes } from '../../src/app/canvas/nodes/index.ts';
import { edgeTypes } from '../../src/app/canvas/edges/index.ts';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { edge, validJourney } from '../fixtures/journeys';
import { instantRunner } from '../support/instantRunner';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {}, toPng: () => '' })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));


const documentOf = (input: unknown) => checkJourney(input).document as JourneyDocument;

/** The basic journey where the reminded go back to waiting for a purchase (a loop through the wait). */
function loopingJourney(): JourneyDocument {
  const journey = validJourney();
  journey.edges = [...journey.edges.filter((candidate) => candidate.source !== 'remind'), edge('remind', 'next', 'waitBuy')];
  journey.nodes = journey.nodes.filter((candidate) => candidate.id !== 'giveUp');
  return documentOf(journey);
}

/** Lets the dashboard's charts' (mocked) module load. */
const chartsLoaded = () =>
  act(async () => {
    await import('../../src/app/simulate/dashboard/echartsRenderer');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

/** Runs the journey through a simulation store, then opens the dashboard of its report over it. */
async function runAndOpenDashboard(journey: JourneyDocument) {
  const store = createSimulationStore(instantRunner);
  store.getState().setSettings({ users: '1000' });
  store.getState().journeyChanged(journey);
  store.getState().start(journey);
  const { report, run } = store.getState();
  if (!report || !run) throw new Error('the run did not finish');
  render(
    <SimulationStoreContext.Provider value={store}>
      <Dashboard report={report} currency="CNY" presetId={run.presetId} stale={false} onClose={() => {}} />
    </SimulationStoreContext.Provider>,
  );
  await chartsLoaded();
  return { section: screen.getByRole('region', { name: 'Flow through the journey' }), user: userEvent.setup() };
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...within(row).getAllByRole('rowheader'), ...within(row).getAllByRole('cell')].map((cell) => cell.textContent));

describe('flow in the dashboard', { timeout: 30_000 }, () => {
  beforeEach(() => {
    setLanguage('en');
    renderChart.mockClear();
  });

  it('draws a Sankey diagram of the connections taken, with their counts in the table behind it', async () => {
    const { section, user } = await runAndOpenDashboard(documentOf(validJourney()));
    expect(within(section).getByRole('img', { name: /Flow through the journey/ })).toBeInTheDocument();
    const sankey = renderChart.mock.calls.map((call) => (call as unknown[])[1] as { series?: { type: string; data: unknown[]; links: { source: string; target: string; value: number }[] }[] }).find((option) => option.series?.[0]?.type === 'sankey');
    expect(sankey).toBeDefined();

    await user.click(within(section).getByRole('button', { name: 'Show data' }));
    const table = within(section).getByRole('table', { name: /Times users took each connection/ });
    const rows = rowsOf(table);
    const entered = rows.find((row) => row[0] === 'start (next)');
    // Everyone who enters leaves the entry along its one connection, to the wait.
    expect(entered?.[1]).toBe('waitBuy');
    expect(Number(entered?.[2]?.replace(/,/g, ''))).toBeGreaterThan(0);
    const link = sankey!.series![0]!.links.find((candidate) => candidate.source === 'start' && candidate.target === 'waitBuy');
    expect(link?.value.toLocaleString('en')).toBe(entered?.[2]);
    expect(within(section).queryByText(/Loops back/)).toBeNull();
  });

  it('lists a loop back under the diagram and leaves it out of the drawing', async () => {
    const { section, user } = await runAndOpenDashboard(loopingJourney());
    expect(within(section).getByText(/Loops back, left out of the diagram/)).toBeInTheDocument();
    expect(within(section).getByRole('listitem')).toHaveTextContent(/^remind \(next\) → waitBuy: [\d,]+ times$/);
    const sankey = renderChart.mock.calls.map((call) => (call as unknown[])[1] as { series?: { type: string; links: { source: string; target: string }[] }[] }).find((option) => option.series?.[0]?.type === 'sankey');
    expect(sankey!.series![0]!.links.some((link) => link.source === 'remind')).toBe(false);
    await user.click(within(section).getByRole('button', { name: 'Show data' }));
    expect(rowsOf(within(section).getByRole('table'))).toContainEqual(['remind (next)', 'waitBuy (loops back, not drawn)', expect.stringMatching(/^[\d,]+$/)]);
  });
  it('shows no flow section around a dashboard without the journey that was run', async () => {
    const store = createSimulationStore(instantRunner);
    const journey = documentOf(validJourney());
    store.getState().setSettings({ users: '200' });
    store.getState().start(journey);
    render(<Dashboard report={store.getState().report!} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} />);
    await chartsLoaded();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Flow through the journey' })).toBeNull();
  });
});

describe('flow on the canvas', () => {
  beforeEach(() => setLanguage('en'));

  const handle = (id: string | null, type: 'source' | 'target', position: Position, x: number): NodeHandle => ({ id, type, position, x, y: 60, width: 12, height: 12 });

  /**
   * The journey's edges as the canvas makes them with the simulation's overlay, inside a React Flow
   * whose nodes are sized and have their handles up front (jsdom measures nothing, and React Flow draws
   * no edge without them).
   */
  function SimulatedCanvas({ journey }: { journey: JourneyDocument }) {
    const [cache] = useState(createFlowElementCache);
    const weights = simulationOverlay.useEdgeWeights!('en');
    const nodes = cache.nodes(journey, { nodes: [], edges: [] }, [], new Map(), 'en').map((node, index) => ({
      ...node,
      position: { x: index * 300, y: 40 },
      initialWidth: 220,
      initialHeight: 140,
      handles: [handle(null, 'target', Position.Left, -6), ...['next', 'happened', 'timeout'].map((port) => handle(port, 'source', Position.Right, 214))],
    }));
    const edges = cache.edges(journey, { nodes: [], edges: [] }, [], 'en', weights);
    return <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} onError={() => {}} />;
  }

  function renderCanvas(journey: JourneyDocument, store: SimulationStore) {
    return render(
      <SimulationStoreContext.Provider value={store}>
        <div style={{ width: 2000, height: 800 }}>
          <SimulatedCanvas journey={journey} />
        </div>
      </SimulationStoreContext.Provider>,
    );
  }

  const widthOf = (group: HTMLElement) => Number.parseFloat((group.querySelector('.port-edge__path') as SVGPathElement).style.strokeWidth);

  it('names each edge with the times users took it, and draws the busiest widest', () => {
    const journey = documentOf(validJourney());
    const store = createSimulationStore(instantRunner);
    store.getState().setSettings({ users: '1000' });
    store.getState().journeyChanged(journey);
    store.getState().start(journey);
    const { flow, report } = store.getState();
    expect(report).not.toBeNull();
    renderCanvas(journey, store);

    const entries = flow!.byEdge.get('start-next')!;
    expect(entries).toBe(flow!.max);
    const busiest = screen.getByRole('group', { name: `Connection next from start to waitBuy, simulated: taken ${entries.toLocaleString('en')} times` });
    expect(busiest.querySelector('.react-flow__edge-text')).toHaveTextContent(`next · ${entries.toLocaleString('en')}`);
    expect(widthOf(busiest)).toBe(10);
    expect(busiest.querySelector('title')).toHaveTextContent(`Simulated: taken ${entries.toLocaleString('en')} times`);

    const bought = flow!.byEdge.get('waitBuy-happened')!;
    const thinner = screen.getByRole('group', { name: new RegExp(`^Connection \\S+ from waitBuy to bought, simulated: taken ${bought.toLocaleString('en')} times$`) });
    expect(widthOf(thinner)).toBeCloseTo(1.5 + 8.5 * Math.sqrt(bought / entries));
    expect(widthOf(thinner)).toBeLessThan(10);
    expect(thinner.querySelector('.port-edge__path')).not.toHaveClass('port-edge--flow-stale');
  });

  it('dims and dashes the flow once the journey has changed since the run', () => {
    const journey = documentOf(validJourney());
    const store = createSimulationStore(instantRunner);
    store.getState().setSettings({ users: '500' });
    store.getState().journeyChanged(journey);
    store.getState().start(journey);
    const edited = { ...journey, nodes: journey.nodes.map((node) => (node.id === 'waitBuy' ? { ...node, params: { ...node.params, timeout: 'PT48H' } } : node)) };
    store.getState().journeyChanged(edited);
    expect(store.getState().stale).toBe(true);
    renderCanvas(edited, store);
    const group = screen.getByRole('group', { name: /^Connection next from start to waitBuy, simulated before the last change: taken [\d,]+ times$/ });
    expect(group.querySelector('.port-edge__path')).toHaveClass('port-edge--flow-stale');
  });

  it('draws plain edges without a simulation', () => {
    const journey = documentOf(validJourney());
    renderCanvas(journey, createSimulationStore(instantRunner));
    const group = screen.getByRole('group', { name: 'Connection next from start to waitBuy' });
    expect(group.querySelector('.port-edge__path')).not.toHaveClass('port-edge--flow');
    expect(group.querySelector('.react-flow__edge-text')).toHaveTextContent(/^next$/);
  });
});
