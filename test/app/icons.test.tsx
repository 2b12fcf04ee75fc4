// Kind icons are SVG drawings hidden from assistive technology, not emoji characters: a machine without an
// emoji font showed the old ones as empty boxes. Checked where kinds are drawn: palette, canvas node, inspector.
import { render, screen, within } from '@testing-library/react';
import { ReactFlow } from '@xyflow/react';
import { Palette } from '../../src/app/panels/Palette.tsx';
import { nodeTypes, toFlowNode } from '../../src/app/canvas/nodes/index.ts';
import { KindIcon, SeverityIcon } from '../../src/app/icons.tsx';
import { defaultRegistry } from '../../src/core/journey/registry.ts';
import { kindIconNames } from '../../src/core/journey/kinds/defineKind.ts';
import type { JourneyNode } from '../../src/core/journey/schema.ts';
import type { Problem } from '../../src/core/journey/problems.ts';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { localized, verbatim } from '../../src/core/i18n.ts';

beforeEach(() => setLanguage('en'));

const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/** The one icon inside `element`: an SVG, hidden from the accessibility tree, with no text of its own. */
function onlyHiddenSvg(element: Element): SVGSVGElement {
  const icons = element.querySelectorAll('svg');
  expect(icons).toHaveLength(1);
  const icon = icons[0]!;
  expect(icon).toHaveAttribute('aria-hidden', 'true');
  expect(icon.textContent).toBe('');
  return icon;
}

function journeyNode(kind: string, label: string): JourneyNode {
  const definition = defaultRegistry.get(kind);
  return {
    id: `${kind}_1`,
    kind,
    stage: 'decision',
    label,
    position: { x: 40, y: 40 },
    params: definition ? (definition.params.parse({}) as Record<string, unknown>) : {},
  };
}

function renderNode(node: JourneyNode, problems: Problem[] = []) {
  const flowNode = { ...toFlowNode(node, problems, 'en'), initialWidth: 220, initialHeight: 140 };
  return render(
    <div style={{ width: 1000, height: 800 }}>
      <ReactFlow nodes={[flowNode]} edges={[]} nodeTypes={nodeTypes} onError={() => {}} />
    </div>,
  );
}

describe('kind icons', () => {
  it('every kind declares an icon name the app can draw', () => {
    for (const kind of defaultRegistry.kinds) expect(kindIconNames).toContain(kind.icon);
    for (const name of kindIconNames) {
      const { container, unmount } = render(<KindIcon name={name} />);
      expect(onlyHiddenSvg(container)).toHaveAttribute('data-icon', name);
      unmount();
    }
  });

  it('the palette draws each kind as a hidden SVG beside its name, with no emoji in the text', () => {
    render(<Palette onAdd={() => {}} />);
    const palette = screen.getByRole('navigation', { name: 'Steps' });
    const buttons = within(palette).getAllByRole('button');
    expect(buttons).toHaveLength(defaultRegistry.kinds.length);
    for (const button of buttons) {
      const kind = defaultRegistry.get(button.getAttribute('data-kind')!)!;
      expect(onlyHiddenSvg(button)).toHaveAttribute('data-icon', kind.icon);
      expect(button.textContent).not.toMatch(PICTOGRAPH);
      expect(within(button).queryByRole('img')).toBeNull();
      expect(within(button).queryByRole('graphics-document')).toBeNull();
    }
    expect(within(palette).getByRole('button', { name: 'Message' })).toBeInTheDocument();
  });

  it('a node on the canvas draws its kind icon as a hidden SVG', () => {
    renderNode(journeyNode('offer', 'First-order coupon'));
    const group = screen.getByRole('group', { name: 'Offer: First-order coupon' });
    const header = group.querySelector('.journey-node__icon')!;
    expect(onlyHiddenSvg(header)).toHaveAttribute('data-icon', 'ticket');
    expect(group.textContent).not.toMatch(PICTOGRAPH);
    expect(within(group).queryByRole('img')).toBeNull();
  });

  it('a kind this build does not know gets a question-mark icon, not a character', () => {
    renderNode(journeyNode('sms-blast', 'Old step'));
    const group = screen.getByRole('group', { name: 'sms-blast: Old step' });
    expect(onlyHiddenSvg(group.querySelector('.journey-node__icon')!)).toHaveAttribute('data-icon', 'unknown');
  });

  it('a problem badge shows its severity as an SVG shape and keeps its accessible name', () => {
    const node = journeyNode('wait', 'Cool down');
    const problem: Problem = {
      severity: 'warning',
      code: 'wait-zero',
      message: verbatim(localized('Wait lasts zero time.', '等待时长为零。')),
      location: { nodeId: node.id, path: ['nodes', 0] },
    };
    renderNode(node, [problem]);
    const badge = screen.getByRole('img', { name: 'Problems: 1' });
    expect(onlyHiddenSvg(badge)).toHaveAttribute('data-severity', 'warning');
    expect(badge).toHaveTextContent(/^1$/);
  });

  it('severity icons differ in shape, not only colour', () => {
    const shapes = (['error', 'warning', 'info'] as const).map((severity) => {
      const { container, unmount } = render(<SeverityIcon severity={severity} />);
      const markup = onlyHiddenSvg(container).innerHTML;
      unmount();
      return markup;
    });
    expect(new Set(shapes).size).toBe(3);
  });
});
