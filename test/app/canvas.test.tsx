// Canvas pieces rendered inside a real <ReactFlow>: each kind's node (name, summary, ports, problems),
// the port edge, the generic fallback and the stage lanes.
import { act, render, screen, within } from '@testing-library/react';
import { Position, ReactFlow, type NodeHandle } from '@xyflow/react';
import { defaultRegistry } from '../../src/core/journey/registry.ts';
import { LANE_HEIGHT, laneTop } from '../../src/core/journey/lanes.ts';
import { stages } from '../../src/core/journey/stages.ts';
import { localized, type Lang } from '../../src/core/i18n.ts';
import { setLanguage } from '../../src/app/i18n/index.ts';
import type { JourneyNode } from '../../src/core/journey/schema.ts';
import type { Problem } from '../../src/core/journey/problems.ts';
import type { JourneyFlowEdge, JourneyFlowNode } from '../../src/app/canvas/types.ts';
import { nodeTypes, nodeTypeFor, nodeAriaLabel, toFlowNode, GenericNode } from '../../src/app/canvas/nodes/index.ts';
import { edgeTypes, toFlowEdge } from '../../src/app/canvas/edges/index.ts';
import { StageLanesLayer } from '../../src/app/canvas/StageLanesLayer.tsx';
import { verbatim } from '../../src/core/i18n';

afterEach(() => setLanguage('en'));

function journeyNode(kind: string, label: string, params: Record<string, unknown> = {}, stage: JourneyNode['stage'] = 'decision'): JourneyNode {
  const definition = defaultRegistry.get(kind);
  return {
    id: `${kind}_1`,
    kind,
    stage,
    label,
    position: { x: 40, y: 40 },
    params: definition ? (definition.params.parse(params) as Record<string, unknown>) : params,
  };
}

/** Sized up front: jsdom measures nothing, and React Flow hides nodes it has no size for. */
function sized(node: JourneyFlowNode): JourneyFlowNode {
  return { ...node, initialWidth: 220, initialHeight: 140 };
}

function renderFlow(nodes: JourneyFlowNode[], edges: JourneyFlowEdge[] = [], children?: React.ReactNode) {
  return render(
    <div style={{ width: 1000, height: 800 }}>
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} onError={() => {}}>
        {children}
      </ReactFlow>
    </div>,
  );
}

/** A node drawn in a language: its data says which, and the interface is in it too (as in the app). */
function renderNode(node: JourneyNode, problems: Problem[] = [], lang: Lang = 'en') {
  void setLanguage(lang);
  return renderFlow([sized(toFlowNode(node, problems, lang))]);
}

const portLabels = (group: HTMLElement, name = 'Outputs') =>
  within(within(group).getByRole('list', { name })).getAllByRole('listitem').map((item) => item.textContent);
const handleIds = (group: HTMLElement, type: 'source' | 'target') =>
  [...group.querySelectorAll(`.react-flow__handle.${type}`)].map((handle) => handle.getAttribute('data-handleid'));

const problem = (severity: Problem['severity'], code: string, en: string, zh: string, nodeId: string): Problem => ({
  severity,
  code,
  message: verbatim(localized(en, zh)),
  location: { nodeId, path: ['nodes', 0] },
});

describe('journey nodes', () => {
  const cases: {
    kind: string;
    label: string;
    params?: Record<string, unknown>;
    name: string;
    summary: string;
    ports: string[];
    portIds: string[];
    input: boolean;
  }[] = [
    { kind: 'entry', label: 'New sign-ups', name: 'Entry: New sign-ups', summary: 'Registered', ports: ['next'], portIds: ['next'], input: false },
    {
      kind: 'message',
      label: 'Push reminder',
      params: { channel: 'push', content: 'Your cart misses you' },
      name: 'Message: Push reminder',
      summary: 'Your cart misses you',
      ports: ['next'],
      portIds: ['next'],
      input: true,
    },
    { kind: 'offer', label: 'First-order coupon', params: { value: 30 }, name: 'Offer: First-order coupon', summary: 'Coupon 30, 7 d', ports: ['next'], portIds: ['next'], input: true },
    { kind: 'wait', label: 'Cool down', params: { duration: 'P2D' }, name: 'Wait: Cool down', summary: '2 d', ports: ['next'], portIds: ['next'], input: true },
    {
      kind: 'waitForEvent',
      label: 'Bought?',
      name: 'Wait for event: Bought?',
      summary: 'Purchased ≤ 1 d',
      ports: ['happened', 'timeout'],
      portIds: ['happened', 'timeout'],
      input: true,
    },
    {
      kind: 'branch',
      label: 'VIP?',
      params: { cases: [{ label: 'VIP', condition: { tag: 'vip', present: true } }, { label: '', condition: { tag: 'new', present: true } }] },
      name: 'Branch: VIP?',
      summary: 'has tag "vip"',
      ports: ['VIP', 'case 2', 'else'],
      portIds: ['case-1', 'case-2', 'else'],
      input: true,
    },
    {
      kind: 'split',
      label: 'Coupon test',
      params: { variants: [{ label: 'A', weight: 45 }, { label: 'B', weight: 45 }, { label: 'Control', weight: 10, holdout: true }] },
      name: 'A/B split: Coupon test',
      summary: 'A 45%',
      ports: ['A 45%', 'B 45%', 'Control (holdout) 10%'],
      portIds: ['variant-1', 'variant-2', 'variant-3'],
      input: true,
    },
    { kind: 'tag', label: 'Mark VIP', params: { tag: 'vip' }, name: 'Tag: Mark VIP', summary: 'vip', ports: ['next'], portIds: ['next'], input: true },
    { kind: 'goal', label: 'First order', name: 'Goal: First order', summary: 'Conversion · Purchased', ports: ['next'], portIds: ['next'], input: true },
    { kind: 'exit', label: 'Gave up', params: { reason: 'no reply after 3 touches' }, name: 'Exit: Gave up', summary: 'no reply after 3 touches', ports: [], portIds: [], input: true },
  ];

  it('covers every registered kind', () => {
    expect(cases.map(({ kind }) => kind).sort()).toEqual(defaultRegistry.kinds.map(({ kind }) => kind).sort());
    for (const { kind } of defaultRegistry.kinds) expect(nodeTypeFor(kind)).toBe(kind);
  });

  it.each(cases)('$kind: named, summarised, with its ports', ({ kind, label, params, name, summary, ports, portIds, input }) => {
    const node = journeyNode(kind, label, params);
    const { container } = renderNode(node);
    const group = screen.getByRole('group', { name });
    expect(container.querySelector(`.react-flow__node-${kind} > .journey-node`)).not.toBeNull();
    expect(group).toHaveAttribute('tabindex', '0');
    expect(within(group).getByText(label)).toBeInTheDocument();
    expect(group.querySelector('.journey-node__summary')).toHaveTextContent(summary);
    if (ports.length > 0) expect(portLabels(group)).toEqual(ports);
    else expect(within(group).queryByRole('list', { name: 'Outputs' })).toBeNull();
    expect(handleIds(group, 'source')).toEqual(portIds);
    expect(handleIds(group, 'target')).toHaveLength(input ? 1 : 0);
    expect(group.querySelector('.journey-node')).toHaveClass('journey-node--stage-decision');
    expect(within(group).queryByRole('img')).toBeNull();
  });

  it('falls back to the kind name when the label is empty', () => {
    renderNode(journeyNode('message', ''));
    const group = screen.getByRole('group', { name: 'Message' });
    expect(group.querySelector('.journey-node__title')).toHaveTextContent('Message');
    expect(nodeAriaLabel(journeyNode('message', ''), 'zh-CN')).toBe('消息触达');
  });

  it('is drawn in Chinese, with the name, summary and port labels localized', () => {
    renderNode(journeyNode('waitForEvent', '等待下单'), [], 'zh-CN');
    const group = screen.getByRole('group', { name: '等待事件：等待下单' });
    expect(within(group).getByText('购买 ≤ 1天')).toBeInTheDocument();
    expect(portLabels(group, '输出')).toEqual(['已发生', '超时']);
  });

  it('shows a problem badge coloured by the worst severity, described by the messages', () => {
    const node = journeyNode('wait', 'Cool down');
    renderNode(node, [
      problem('warning', 'wait-zero', 'Wait "Cool down" lasts zero time.', '等待节点「Cool down」的时长为零。', node.id),
      problem('error', 'wait-without-duration', 'Wait "Cool down" has no duration.', '等待节点「Cool down」没有设置时长。', node.id),
    ]);
    const group = screen.getByRole('group', { name: 'Wait: Cool down' });
    const badge = within(group).getByRole('img', { name: 'Problems: 2' });
    expect(badge).toHaveClass('problem-badge--error');
    expect(badge).toHaveTextContent('2');
    expect(badge).toHaveAccessibleDescription(
      'Warning: Wait "Cool down" lasts zero time. Error: Wait "Cool down" has no duration.',
    );
    const list = within(group).getByRole('list', { name: 'Problems of this step' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(group.querySelector('.journey-node')).toHaveClass('journey-node--error');
  });

  it('colours a badge with warnings only amber, and lists the messages in Chinese', () => {
    const node = journeyNode('split', '测试');
    renderNode(node, [problem('warning', 'split-weights', 'Weights add up to 90 %.', '权重之和为 90%。', node.id)], 'zh-CN');
    const group = screen.getByRole('group', { name: 'A/B 分流：测试' });
    const badge = within(group).getByRole('img', { name: '问题：1' });
    expect(badge).toHaveClass('problem-badge--warning');
    expect(badge).toHaveAccessibleDescription('警告：权重之和为 90%。');
  });

  it('draws a kind without a component of its own through the generic node', () => {
    expect(nodeTypeFor('sms-blast')).toBe('generic');
    expect(nodeTypes.generic).toBe(GenericNode);
    const unknown = journeyNode('sms-blast', 'Old step');
    const { container } = renderFlow([sized(toFlowNode(unknown, [], 'en'))]);
    const group = screen.getByRole('group', { name: 'sms-blast: Old step' });
    expect(within(group).getByText('Unknown step type "sms-blast"')).toBeInTheDocument();
    expect(container.querySelector('.journey-node--unknown')).not.toBeNull();

    // A flow node whose type is the kind itself falls back to React Flow's 'default' type: ours too.
    renderFlow([sized({ ...toFlowNode(unknown, [], 'en'), id: 'raw', type: 'sms-blast' })]);
    expect(screen.getAllByText('Unknown step type "sms-blast"')).toHaveLength(2);
  });
});

describe('port edges', () => {
  const handle = (id: string | null, type: 'source' | 'target', position: Position, x: number): NodeHandle => ({
    id,
    type,
    position,
    x,
    y: 60,
    width: 12,
    height: 12,
  });

  function renderEdge(problems: Problem[], selected = false) {
    const wait = journeyNode('waitForEvent', 'Bought?');
    const message = { ...journeyNode('message', 'Reminder'), id: 'message_1', position: { x: 400, y: 40 } };
    const nodes = [
      { ...sized(toFlowNode(wait, [], 'en')), handles: [handle('happened', 'source', Position.Right, 214), handle('timeout', 'source', Position.Right, 214)] },
      { ...sized(toFlowNode(message, [], 'en')), handles: [handle(null, 'target', Position.Left, -6), handle('next', 'source', Position.Right, 214)] },
    ];
    const edge = toFlowEdge({ id: 'e1', source: wait.id, sourcePort: 'timeout', target: message.id }, (id) => [wait, message].find((node) => node.id === id), problems, 'en');
    return renderFlow(nodes, [{ ...edge, selected }]);
  }

  it('is labelled with its port and named by its ends', () => {
    const { container } = renderEdge([]);
    expect(screen.getByRole('group', { name: 'Connection timeout from Bought? to Reminder' })).toBeInTheDocument();
    expect(container.querySelector('.react-flow__edge-text')).toHaveTextContent('timeout');
    expect(container.querySelector('.react-flow__edge title')).toBeNull();
    expect(container.querySelector('.port-edge__path')).not.toHaveClass('port-edge--error');
  });

  it('shows its selected state', () => {
    const { container } = renderEdge([], true);
    expect(container.querySelector('.port-edge__path')).toHaveClass('port-edge--selected');
    expect(container.querySelector('.port-edge')).toHaveClass('port-edge--selected');
  });

  it('turns red with its problems as title', () => {
    const { container } = renderEdge([
      { severity: 'error', code: 'edge-cycle', message: verbatim(localized('This connection closes a loop.', '这条连线构成了环。')), location: { edgeId: 'e1', path: ['edges', 0] } },
    ]);
    expect(container.querySelector('.port-edge__path')).toHaveClass('port-edge--error');
    expect(container.querySelector('.react-flow__edge-text')).toHaveTextContent('! timeout');
    expect(container.querySelector('.react-flow__edge title')).toHaveTextContent('Error: This connection closes a loop.');
  });
});

describe('stage lanes layer', () => {
  it('draws the five lanes in flow coordinates, named in the language chosen', async () => {
    await act(() => setLanguage('en'));
    const { unmount } = renderFlow([], [], <StageLanesLayer />);
    const list = await screen.findByRole('list', { name: 'Journey stages' }); // ViewportPortal renders after React Flow's first effect
    const lanes = within(list).getAllByRole('listitem');
    expect(lanes.map((lane) => lane.textContent)).toEqual(['Awareness', 'Exploration', 'Decision', 'Usage', 'Loyalty']);
    lanes.forEach((lane, index) => {
      expect(lane).toHaveStyle({ top: `${laneTop(stages[index]!)}px`, height: `${LANE_HEIGHT}px` });
    });
    expect(list.closest('.react-flow__viewport')).not.toBeNull();
    unmount();

    await act(() => setLanguage('zh-CN'));
    renderFlow([], [], <StageLanesLayer />);
    const zh = screen.getByRole('list', { name: '旅程阶段' });
    expect(within(zh).getAllByRole('listitem').map((lane) => lane.textContent)).toEqual(['意识', '探索', '决策', '使用', '忠诚']);
  });
});
