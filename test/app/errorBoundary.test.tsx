// A part of the page that throws while drawing shows a message in its place, in the interface language;
// the rest of the page stays usable, "Try again" draws it again, and so does a change of its reset keys.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ErrorBoundary } from '../../src/app/ErrorBoundary';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { simulate } from '../../src/core/sim/engine/simulate';
import { getPreset } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {} })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));
// One dashboard section that always throws while drawing, as a chart fed something unforeseen would.
vi.mock('../../src/app/simulate/dashboard/StagesSection', () => ({
  StagesSection: () => {
    throw new Error('a section that cannot draw');
  },
}));

let broken = true;
function Fragile({ label }: { label: string }) {
  if (broken) throw new Error(`cannot draw ${label}`);
  return <p>{label} drawn</p>;
}

// React reports caught errors on the console; that is expected here and would only clutter the output.
beforeEach(async () => {
  await setLanguage('en');
  broken = true;
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('ErrorBoundary', () => {
  it('shows a message in place of the part that failed, keeps its siblings, and draws it again on Try again', async () => {
    const user = userEvent.setup();
    render(
      <div>
        <ErrorBoundary area="the inspector">
          <Fragile label="inspector" />
        </ErrorBoundary>
        <button type="button">Still here</button>
      </div>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong while showing the inspector.');
    expect(screen.getByRole('button', { name: 'Still here' })).toBeEnabled();
    broken = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('inspector drawn')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('draws again when its reset keys change (another node selected, another screen)', async () => {
    const user = userEvent.setup();
    function Host() {
      const [selected, setSelected] = useState('a');
      return (
        <>
          <button type="button" onClick={() => setSelected('b')}>
            Select b
          </button>
          <ErrorBoundary area="the inspector" resetKeys={[selected]}>
            <Fragile label={selected} />
          </ErrorBoundary>
        </>
      );
    }
    render(<Host />);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    broken = false;
    await user.click(screen.getByRole('button', { name: 'Select b' }));
    expect(screen.getByText('b drawn')).toBeInTheDocument();
  });

  it('speaks Chinese', async () => {
    await setLanguage('zh-CN');
    render(
      <ErrorBoundary area="属性面板">
        <Fragile label="x" />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('显示属性面板时出错。');
    expect(screen.getByRole('button', { name: '重试' })).toBeInTheDocument();
  });

  it('keeps the dashboard usable when one of its sections throws: the others and the exports are there', async () => {
    const journey = instantiateTemplate(getTemplate('churn-win-back')!, 'en');
    const { report } = await simulate({ journey, cohort: getPreset('ecommerce')!.spec, users: 500, seed: 1 });
    render(<Dashboard report={report} currency="CNY" presetId="ecommerce" stale={false} onClose={() => {}} />);
    // Let the charts' (mocked) module load, as the dashboard test does.
    await act(async () => {
      await import('../../src/app/simulate/dashboard/echartsRenderer');
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const dialog = screen.getByRole('dialog', { name: `Dashboard: ${report.journey.name}` });
    expect(screen.getAllByRole('alert').some((alert) => alert.textContent?.includes('this part of the dashboard'))).toBe(true);
    expect(screen.getByRole('region', { name: 'Funnel by lifecycle stage' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /per-node table \(CSV\)/ })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Close dashboard' })).toBeEnabled();
    expect(dialog).toBeInTheDocument();
  });
});
