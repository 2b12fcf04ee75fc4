// The step palette and the problems panel, found by role and accessible name in both languages.
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Palette } from '../../src/app/panels/Palette.tsx';
import { ProblemsPanel } from '../../src/app/panels/ProblemsPanel.tsx';
import { KIND_DRAG_TYPE } from '../../src/app/canvas/types.ts';
import { defaultRegistry } from '../../src/core/journey/registry.ts';
import { localized } from '../../src/core/i18n.ts';
import type { Problem } from '../../src/core/journey/problems.ts';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { inEnglish, inChinese } from '../support/messages.ts';
import { verbatim } from '../../src/core/i18n';

beforeEach(() => setLanguage('en'));

const headingsOf = (region: HTMLElement) => within(region).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);

describe('Palette', () => {
  it('lists every kind in five groups, with its description as help', () => {
    render(<Palette onAdd={() => {}} />);
    const palette = screen.getByRole('navigation', { name: 'Steps' });
    expect(headingsOf(palette)).toEqual(['Triggers', 'Touches', 'Timing', 'Logic', 'Outcomes']);
    const buttons = within(palette).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual(defaultRegistry.kinds.map((kind) => inEnglish(kind.name)));
    expect(buttons.map((button) => button.getAttribute('data-kind'))).toEqual(defaultRegistry.kinds.map((kind) => kind.kind));

    const touches = within(palette).getByRole('region', { name: 'Touches' });
    expect(within(touches).getAllByRole('button').map((button) => button.getAttribute('data-kind'))).toEqual(['message', 'offer']);
    const outcomes = within(palette).getByRole('region', { name: 'Outcomes' });
    expect(within(outcomes).getAllByRole('button')).toHaveLength(3);

    const message = within(palette).getByRole('button', { name: 'Message' });
    const description = inEnglish(defaultRegistry.get('message')!.description);
    expect(message).toHaveAccessibleDescription(description);
    expect(message).toHaveAttribute('title', description);
    expect(message).toHaveAttribute('draggable', 'true');
  });

  it('is in Chinese when asked', async () => {
    await setLanguage('zh-CN');
    render(<Palette onAdd={() => {}} />);
    const palette = screen.getByRole('navigation', { name: '步骤' });
    expect(headingsOf(palette)).toEqual(['触发', '触达', '时间', '逻辑', '结果']);
    expect(within(palette).getAllByRole('button').map((button) => button.textContent)).toEqual(
      defaultRegistry.kinds.map((kind) => inChinese(kind.name)),
    );
    expect(within(palette).getByRole('button', { name: 'A/B 分流' })).toHaveAccessibleDescription(inChinese(defaultRegistry.get('split')!.description));
  });

  it('adds a kind with Enter, Space or a click', async () => {
    const user = userEvent.setup();
    const onAdd = vi.fn();
    render(<Palette onAdd={onAdd} />);
    screen.getByRole('button', { name: 'Wait for event' }).focus();
    await user.keyboard('{Enter}');
    expect(onAdd).toHaveBeenLastCalledWith('waitForEvent');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Branch' })).toHaveFocus();
    await user.keyboard(' ');
    expect(onAdd).toHaveBeenLastCalledWith('branch');
    await user.click(screen.getByRole('button', { name: 'Goal' }));
    expect(onAdd).toHaveBeenLastCalledWith('goal');
    expect(onAdd).toHaveBeenCalledTimes(3);
  });

  it('puts the kind on the drag data for the canvas', () => {
    const onAdd = vi.fn();
    render(<Palette onAdd={onAdd} />);
    const dataTransfer = { setData: vi.fn(), effectAllowed: 'all' };
    fireEvent.dragStart(screen.getByRole('button', { name: 'Offer' }), { dataTransfer });
    expect(dataTransfer.setData).toHaveBeenCalledWith(KIND_DRAG_TYPE, 'offer');
    expect(dataTransfer.effectAllowed).toBe('copy');
    expect(onAdd).not.toHaveBeenCalled();
  });
});

describe('ProblemsPanel', () => {
  const problems: Problem[] = [
    {
      severity: 'warning',
      code: 'wait-zero-duration',
      message: verbatim(localized('Wait "Cool down" lasts zero time.', '等待节点「Cool down」的时长为零。')),
      location: { nodeId: 'n3', path: ['nodes', 2, 'params', 'duration'] },
    },
    {
      severity: 'error',
      code: 'edge-dangling',
      message: verbatim(localized('Edge e1 leads to a node that does not exist.', '连线 e1 指向不存在的节点。')),
      location: { edgeId: 'e1', path: ['edges', 0, 'target'] },
    },
    {
      severity: 'error',
      code: 'no-entry',
      message: verbatim(localized('The journey has no entry.', '旅程没有进入节点。')),
      location: { path: [] },
    },
  ];

  it('groups problems by severity with counts, and leaves empty groups out', () => {
    render(<ProblemsPanel problems={problems} onSelect={() => {}} />);
    const panel = screen.getByRole('region', { name: 'Problems' });
    expect(headingsOf(panel)).toEqual(['Errors (2)', 'Warnings (1)']);
    expect(within(panel).getByRole('status')).toHaveTextContent('Errors: 2 · Warnings: 1 · Info: 0');
    const errors = within(panel).getByRole('region', { name: 'Errors (2)' });
    const buttons = within(errors).getAllByRole('button');
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).toHaveTextContent('edge-dangling');
    expect(buttons[0]).toHaveTextContent('edge e1 (edges[0].target)');
    expect(buttons[0]).toHaveTextContent('Edge e1 leads to a node that does not exist.');
    expect(buttons[1]).toHaveTextContent('(document)');
    const warnings = within(panel).getByRole('region', { name: 'Warnings (1)' });
    expect(within(warnings).getByRole('button', { name: /wait-zero-duration/ })).toHaveTextContent('node n3 (nodes[2].params.duration)');
    expect(within(panel).queryByText('No errors or warnings')).toBeNull();
  });

  it('calls onSelect with the problem on click and on Enter', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<ProblemsPanel problems={problems} onSelect={onSelect} />);
    await user.click(screen.getByRole('button', { name: /no-entry/ }));
    expect(onSelect).toHaveBeenLastCalledWith(problems[2]);
    screen.getByRole('button', { name: /wait-zero-duration/ }).focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(problems[0]);
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('says so when there are no errors or warnings', () => {
    const { rerender } = render(<ProblemsPanel problems={[]} onSelect={() => {}} />);
    const panel = screen.getByRole('region', { name: 'Problems' });
    expect(within(panel).getByRole('status')).toHaveTextContent('No errors or warnings');
    expect(within(panel).queryAllByRole('heading', { level: 3 })).toHaveLength(0);
    expect(within(panel).queryAllByRole('button')).toHaveLength(0);

    const info: Problem = { severity: 'info', code: 'unused-tag', message: verbatim(localized('Tag "vip" is never read.', '标签「vip」从未被读取。')), location: { nodeId: 'n5', path: [] } };
    rerender(<ProblemsPanel problems={[info]} onSelect={() => {}} />);
    expect(within(panel).getByRole('status')).toHaveTextContent('No errors or warnings');
    expect(headingsOf(panel)).toEqual(['Info (1)']);
  });

  it('is in Chinese when asked', async () => {
    await setLanguage('zh-CN');
    render(<ProblemsPanel problems={problems} onSelect={() => {}} />);
    const panel = screen.getByRole('region', { name: '问题' });
    expect(headingsOf(panel)).toEqual(['错误（2）', '警告（1）']);
    expect(within(panel).getByRole('status')).toHaveTextContent('错误：2 · 警告：1 · 提示：0');
    const warning = within(panel).getByRole('button', { name: /wait-zero-duration/ });
    expect(warning).toHaveTextContent('节点 n3 (nodes[2].params.duration)');
    expect(warning).toHaveTextContent('等待节点「Cool down」的时长为零。');
    expect(within(panel).getByRole('button', { name: /no-entry/ })).toHaveTextContent('（文件）');
  });
});
