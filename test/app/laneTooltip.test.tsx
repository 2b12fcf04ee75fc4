// A lane's name says what its stage is about on hover, and in Chinese gives the common synonym
// (认知 for Awareness, as in the AIPL/5A models) beside the seed's own word (issue 17, "Editing").
import { act, render, screen, within } from '@testing-library/react';
import { ReactFlow } from '@xyflow/react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { StageLanesLayer } from '../../src/app/canvas/StageLanesLayer.tsx';

afterEach(() => setLanguage('en'));

function renderLanes() {
  render(
    <div style={{ width: 1000, height: 800 }}>
      <ReactFlow nodes={[]} edges={[]} onError={() => {}}>
        <StageLanesLayer />
      </ReactFlow>
    </div>,
  );
}

describe('lane label tooltip', () => {
  it('names the stage and describes it', async () => {
    await act(() => setLanguage('en'));
    renderLanes();
    const list = await screen.findByRole('list', { name: 'Journey stages' }); // ViewportPortal renders after React Flow's first effect
    const awareness = within(list).getByText('Awareness');
    expect(awareness.title).toMatch(/^Awareness: .+/);
    expect(within(list).getByText('Loyalty').title).toMatch(/^Loyalty: .*recommend/);
  });

  it('gives the common synonym 认知 for Awareness in Chinese, and no empty line where there is none', async () => {
    await act(() => setLanguage('zh-CN'));
    renderLanes();
    const list = screen.getByRole('list', { name: '旅程阶段' });
    const awareness = within(list).getByText('意识');
    expect(awareness.title).toMatch(/^意识：/);
    expect(awareness.title).toContain('认知');
    expect(within(list).getByText('使用').title).not.toMatch(/\n/);
  });
});
