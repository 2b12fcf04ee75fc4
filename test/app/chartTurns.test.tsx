// Charts are drawn in turns of about a frame, yielding to the page between turns (Chart.tsx): a
// dashboard's charts drawn all in one task once ECharts had loaded held the page still for a quarter of
// a second. Here each drawing takes 20 ms of a fake clock: one chart a turn, each turn its own task.
import { act } from 'react';
import { render } from '@testing-library/react';
import { Chart } from '../../src/app/simulate/dashboard/Chart';

let clock = 0;
const renderChart = vi.hoisted(() => vi.fn());
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));

beforeEach(() => {
  clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
  renderChart.mockReset().mockImplementation(() => {
    clock += 20;
    return { dispose: () => {} };
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const phases = () => [...document.querySelectorAll('.dashboard-chart__canvas')].map((element) => element.getAttribute('data-phase'));
/** Runs the next task the page has waiting (the timers are fake: nothing runs unless asked). */
const nextTask = () => act(async () => void vi.advanceTimersToNextTimer());
/** Lets the renderer's import settle and the microtasks after it run, inside one task. */
const settleMicrotasks = () =>
  act(async () => {
    await import('../../src/app/simulate/dashboard/echartsRenderer');
    for (let index = 0; index < 10; index++) await Promise.resolve();
  });

describe('drawing a page of charts', () => {
  it('draws one 20 ms chart a turn, each turn in a task of its own, until all are drawn, in order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    render(
      <>
        {['a', 'b', 'c', 'd'].map((title) => (
          <Chart key={title} title={title} option={{ title: { text: title } }} />
        ))}
      </>,
    );
    await settleMicrotasks();
    // The renderer has loaded and the first turn has run: one chart, the rest wait for later tasks.
    expect(renderChart).toHaveBeenCalledTimes(1);
    expect(phases()).toEqual(['ready', 'loading', 'loading', 'loading']);
    await nextTask();
    expect(renderChart).toHaveBeenCalledTimes(2);
    await nextTask();
    await nextTask();
    expect(phases()).toEqual(['ready', 'ready', 'ready', 'ready']);
    expect(renderChart.mock.calls.map((call) => (call as unknown as [HTMLElement, { title: { text: string } }])[1].title.text)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('draws quick charts together in one turn', async () => {
    renderChart.mockImplementation(() => ({ dispose: () => {} }));
    render(
      <>
        {['a', 'b', 'c'].map((title) => (
          <Chart key={title} title={title} option={{ title: { text: title } }} />
        ))}
      </>,
    );
    await settleMicrotasks();
    expect(phases()).toEqual(['ready', 'ready', 'ready']);
  });
});
