import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Inspector, type InspectorProps, type NodePatch } from '../../src/app/panels/Inspector.tsx';
import { defaultRegistry } from '../../src/core/journey/registry';
import { settingsSchema, type JourneyNode, type JourneySettings } from '../../src/core/journey/schema';
import { conditionSchema } from '../../src/core/journey/condition';
import { localized, type Lang } from '../../src/core/i18n';
import { setLanguage } from '../../src/app/i18n/index.ts';
import type { Problem } from '../../src/core/journey/problems';
import { verbatim } from '../../src/core/i18n';

function makeNode(kind: string, params: Record<string, unknown> = {}, extra: Partial<JourneyNode> = {}): JourneyNode {
  return {
    id: 'n1',
    kind,
    stage: 'decision',
    position: { x: 0, y: 0 },
    label: '',
    params: defaultRegistry.get(kind)!.params.parse(params),
    ...extra,
  };
}

const defaultSettings: JourneySettings = settingsSchema.parse({});

/** Renders the inspector in a language (English unless `lang` says otherwise). */
function setup({ lang = 'en', ...props }: Partial<InspectorProps> & { lang?: Lang } = {}) {
  void setLanguage(lang);
  const onChangeNode = vi.fn<(patch: NodePatch) => void>();
  const onChangeSettings = vi.fn<(next: JourneySettings) => void>();
  const user = userEvent.setup();
  const all: InspectorProps = {
    node: null,
    settings: defaultSettings,
    problems: [],
    onChangeNode,
    onChangeSettings,
    ...props,
  };
  const view = render(<Inspector {...all} />);
  const rerender = (next: Partial<InspectorProps>) => view.rerender(<Inspector {...all} {...next} />);
  return { user, onChangeNode, onChangeSettings, rerender };
}

/** The params of the last onChangeNode call that carried params. */
function lastParams(mock: ReturnType<typeof vi.fn<(patch: NodePatch) => void>>): Record<string, unknown> {
  const calls = mock.mock.calls.filter(([patch]) => patch.params !== undefined);
  expect(calls.length).toBeGreaterThan(0);
  return calls[calls.length - 1]![0].params!;
}

describe('Inspector: a selected node', () => {
  it('shows the kind, its description, label and stage, and hands on changes', async () => {
    const { user, onChangeNode } = setup({ node: makeNode('message') });
    const panel = screen.getByRole('region', { name: 'Inspector' });
    expect(within(panel).getByRole('heading', { level: 2, name: /Message/ })).toBeInTheDocument();
    expect(within(panel).getByText(/A touch on one channel/)).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Label' }), 'Hi');
    expect(onChangeNode).toHaveBeenLastCalledWith({ label: 'Hi' });

    const stage = screen.getByRole('combobox', { name: 'Stage' });
    expect(within(stage).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Awareness',
      'Exploration',
      'Decision',
      'Usage',
      'Loyalty',
    ]);
    await user.selectOptions(stage, 'Loyalty');
    expect(onChangeNode).toHaveBeenLastCalledWith({ stage: 'loyalty' });
  });

  it('editing a message’s channel hands on the new params', async () => {
    const { user, onChangeNode } = setup({ node: makeNode('message', { content: 'Your cart misses you' }) });
    const channel = screen.getByRole('combobox', { name: 'Channel' });
    expect(channel).toHaveAccessibleDescription(expect.stringContaining('Channels differ in reach'));
    await user.selectOptions(channel, 'App push');
    expect(onChangeNode).toHaveBeenLastCalledWith({ params: { channel: 'push', content: 'Your cart misses you' } });
  });

  it('an invalid duration is reported in place and not handed on until fixed', async () => {
    const { user, onChangeNode } = setup({ node: makeNode('waitForEvent') });
    const timeout = screen.getByRole('spinbutton', { name: 'Timeout' });
    expect(timeout).toHaveValue(1);
    expect(screen.getByRole('combobox', { name: 'Timeout: unit' })).toHaveValue('days');

    await user.clear(timeout);
    await user.type(timeout, '-2');
    expect(timeout).toHaveAttribute('aria-invalid', 'true');
    expect(timeout).toHaveAccessibleDescription(expect.stringContaining('Enter an amount of zero or more.'));
    expect(onChangeNode).not.toHaveBeenCalled();

    await user.clear(timeout);
    await user.type(timeout, '3');
    expect(timeout).not.toHaveAttribute('aria-invalid');
    expect(lastParams(onChangeNode)).toEqual({ event: 'purchase', timeout: 'P3D', filter: null });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Timeout: unit' }), 'hours');
    expect(lastParams(onChangeNode).timeout).toBe('PT3H');
    await user.clear(timeout);
    await user.type(timeout, '30');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Timeout: unit' }), 'minutes');
    expect(lastParams(onChangeNode).timeout).toBe('PT30M');
  });

  it('a negative coupon value shows the schema’s message in place and is not handed on', async () => {
    const { user, onChangeNode } = setup({ node: makeNode('offer') });
    const value = screen.getByRole('spinbutton', { name: 'Value' });
    expect(value).toHaveAccessibleDescription(expect.stringContaining('yuan'));
    await user.clear(value);
    expect(value).toHaveAccessibleDescription(expect.stringContaining('Enter a value.'));
    await user.type(value, '-5');
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveAccessibleDescription(expect.stringContaining('Error: Enter 0 or more.'));
    expect(onChangeNode).not.toHaveBeenCalled();

    await user.clear(value);
    await user.type(value, '30');
    expect(value).not.toHaveAttribute('aria-invalid');
    expect(lastParams(onChangeNode)).toEqual({ offer: 'coupon', value: 30, minSpend: 0, validity: 'P7D', announcement: 'next-touch', checkoutChance: 0.5 });
  });

  it('split variants: add, weigh, mark a holdout, remove', async () => {
    const { user, onChangeNode } = setup({ node: makeNode('split') });
    const variants = screen.getByRole('group', { name: 'Variants' });
    expect(within(variants).getByText('Total weight: 100 %')).toBeInTheDocument();

    await user.click(within(variants).getByRole('button', { name: 'Add variant' }));
    expect(lastParams(onChangeNode).variants).toEqual([
      { label: 'A', weight: 50, holdout: false },
      { label: 'B', weight: 50, holdout: false },
      { label: 'C', weight: 0, holdout: false },
    ]);

    const third = screen.getByRole('group', { name: 'Variant 3' });
    const weight = (group: HTMLElement) => within(group).getByRole('spinbutton', { name: 'Weight' });
    await user.clear(weight(screen.getByRole('group', { name: 'Variant 1' })));
    await user.type(weight(screen.getByRole('group', { name: 'Variant 1' })), '45');
    await user.type(weight(third), '5');
    expect(within(variants).getByText('Total weight: 100 %')).toBeInTheDocument();
    await user.click(within(third).getByRole('checkbox', { name: 'Holdout (control group)' }));
    expect(lastParams(onChangeNode).variants).toEqual([
      { label: 'A', weight: 45, holdout: false },
      { label: 'B', weight: 50, holdout: false },
      { label: 'C', weight: 5, holdout: true },
    ]);

    await user.click(screen.getByRole('button', { name: 'Remove variant 2' }));
    expect(lastParams(onChangeNode).variants).toEqual([
      { label: 'A', weight: 45, holdout: false },
      { label: 'C', weight: 5, holdout: true },
    ]);
    expect(within(variants).getByText(/Total weight: 50 %/)).toHaveTextContent('should be 100');

    await user.click(screen.getByRole('button', { name: 'Remove variant 2' }));
    expect(screen.getByRole('button', { name: 'Remove variant 1' })).toBeDisabled();
  });

  it('a weight above 100 is reported on that variant’s weight', async () => {
    const { user, onChangeNode } = setup({ node: makeNode('split') });
    const first = screen.getByRole('group', { name: 'Variant 1' });
    const weight = within(first).getByRole('spinbutton', { name: 'Weight' });
    await user.type(weight, '0');
    expect(weight).toHaveAttribute('aria-invalid', 'true');
    expect(weight).toHaveAccessibleDescription(expect.stringContaining('Enter 100 or less.'));
    expect(onChangeNode).not.toHaveBeenCalled();
  });

  it('the branch condition builder produces a valid condition', async () => {
    const { user, onChangeNode } = setup({ node: makeNode('branch') });
    const first = screen.getByRole('group', { name: 'Case 1' });
    expect(within(first).getByRole('combobox', { name: 'Test on' })).toHaveValue('tag');
    expect(within(first).getByRole('textbox', { name: 'Tag' })).toHaveValue('vip');

    await user.click(screen.getByRole('button', { name: 'Add case' }));
    expect(lastParams(onChangeNode).cases).toEqual([
      { label: '', condition: { tag: 'vip', present: true } },
      { label: '', condition: { all: [] } },
    ]);
    const second = screen.getByRole('group', { name: 'Case 2' });
    await user.type(within(second).getByRole('textbox', { name: 'Name' }), 'Big spenders');

    // A new test starts blank: the missing tag is reported on it and nothing is handed on.
    onChangeNode.mockClear();
    await user.click(within(second).getByRole('button', { name: 'Add test' }));
    const tag = within(second).getByRole('textbox', { name: 'Tag' });
    expect(tag).toHaveAttribute('aria-invalid', 'true');
    expect(onChangeNode).not.toHaveBeenCalled();

    await user.selectOptions(within(second).getByRole('combobox', { name: 'Test on' }), 'RFM score');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Dimension' }), 'Monetary (M)');
    const score = within(second).getByRole('spinbutton', { name: 'Score (1–5)' });
    await user.clear(score);
    await user.type(score, '5');
    expect(lastParams(onChangeNode).cases).toEqual([
      { label: '', condition: { tag: 'vip', present: true } },
      { label: 'Big spenders', condition: { rfm: 'monetary', op: '>=', score: 5 } },
    ]);

    await user.click(within(second).getByRole('button', { name: 'Add test' }));
    const row2 = within(second).getByRole('group', { name: 'Test 2' });
    await user.selectOptions(within(row2).getByRole('combobox', { name: 'Test on' }), 'Attribute');
    await user.type(within(row2).getByRole('textbox', { name: 'Attribute' }), 'region');
    await user.selectOptions(within(row2).getByRole('combobox', { name: 'Operator' }), 'is one of');
    await user.type(within(row2).getByRole('textbox', { name: 'Values (comma-separated)' }), 'north, south');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Match' }), 'any of these tests');

    const condition = (lastParams(onChangeNode).cases as { condition: unknown }[])[1]!.condition;
    expect(condition).toEqual({
      any: [
        { rfm: 'monetary', op: '>=', score: 5 },
        { attribute: 'region', op: 'in', value: ['north', 'south'] },
      ],
    });
    expect(conditionSchema.safeParse(condition).success).toBe(true);
    expect(within(second).getByText(/Reads: M ≥ 5 or region ∈ \{north, south\}/)).toBeInTheDocument();

    await user.click(within(second).getByRole('button', { name: 'Remove test 1' }));
    expect((lastParams(onChangeNode).cases as { condition: unknown }[])[1]!.condition).toEqual({
      any: [{ attribute: 'region', op: 'in', value: ['north', 'south'] }],
    });
    await user.click(screen.getByRole('button', { name: 'Remove case 1' }));
    expect(lastParams(onChangeNode).cases).toEqual([
      { label: 'Big spenders', condition: { any: [{ attribute: 'region', op: 'in', value: ['north', 'south'] }] } },
    ]);
  });

  it('shows a condition the rows cannot hold as JSON, checked by the condition schema', async () => {
    const condition = { not: { tag: 'vip', present: true } };
    const { user, onChangeNode } = setup({ node: makeNode('branch', { cases: [{ label: '', condition }] }) });
    const json = screen.getByRole('textbox', { name: 'Condition' });
    expect(JSON.parse((json as HTMLTextAreaElement).value)).toEqual(condition);
    await user.clear(json);
    await user.type(json, '{{"not": ');
    expect(json).toHaveAttribute('aria-invalid', 'true');
    expect(json).toHaveAccessibleDescription(expect.stringContaining('Not valid JSON'));
    await user.type(json, '{{"segment": "north"}}');
    expect(json).not.toHaveAttribute('aria-invalid');
    expect(lastParams(onChangeNode).cases).toEqual([{ label: '', condition: { not: { segment: 'north', member: true } } }]);
  });

  it('refuses a pasted condition nested 10,000 deep at the field, in both languages, instead of overflowing the stack', async () => {
    const condition = { not: { tag: 'vip', present: true } };
    const { user, onChangeNode } = setup({ node: makeNode('branch', { cases: [{ label: '', condition }] }) });
    const json = screen.getByRole('textbox', { name: 'Condition' });
    const deep = `${'{"not":'.repeat(10_000)}{"tag":"vip","present":true}${'}'.repeat(10_000)}`;
    await user.clear(json);
    onChangeNode.mockClear();
    await user.click(json);
    await user.paste(deep);
    expect(json).toHaveAttribute('aria-invalid', 'true');
    expect(json).toHaveAccessibleDescription(expect.stringContaining('Nested more than 96 levels deep'));
    expect(json).toHaveAccessibleDescription(expect.stringContaining('at most 32 levels'));
    // What was pasted stays in the box next to its message; nothing is handed on.
    expect((json as HTMLTextAreaElement).value).toBe(deep);
    expect(onChangeNode).not.toHaveBeenCalled();
    await act(() => setLanguage('zh-CN'));
    expect(screen.getByRole('textbox', { name: '条件' })).toHaveAccessibleDescription(expect.stringContaining('嵌套超过 96 层'));
  });

  it('nullable values get a checkbox', async () => {
    const { user, onChangeNode } = setup({ node: makeNode('entry') });
    const everyone = screen.getByRole('checkbox', { name: 'Everyone (no filter)' });
    expect(everyone).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Add test' })).not.toBeInTheDocument();
    await user.click(everyone);
    expect(lastParams(onChangeNode).filter).toEqual({ all: [] });
    expect(screen.getByText('No tests yet: matches every user.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Everyone (no filter)' }));
    expect(lastParams(onChangeNode).filter).toBeNull();
  });

  it('a wait without a duration can be given one', async () => {
    const { user, onChangeNode } = setup({ node: makeNode('wait') });
    const unset = screen.getByRole('checkbox', { name: 'Not set yet' });
    expect(unset).toBeChecked();
    expect(screen.queryByRole('spinbutton', { name: 'Wait for' })).not.toBeInTheDocument();
    await user.click(unset);
    expect(lastParams(onChangeNode)).toEqual({ duration: 'P1D' });
    expect(screen.getByRole('spinbutton', { name: 'Wait for' })).toHaveValue(1);
  });

  it('an entry switches trigger type and shows the fields of that type', async () => {
    const { user, onChangeNode } = setup({ node: makeNode('entry') });
    const event = screen.getByRole('combobox', { name: 'Trigger event' });
    expect(event).toHaveValue('register');
    await user.selectOptions(event, 'Added to cart');
    expect(lastParams(onChangeNode).trigger).toEqual({ type: 'event', event: 'add_to_cart' });
    await user.selectOptions(event, 'Custom…');
    const custom = screen.getByRole('textbox', { name: 'Trigger event: event name' });
    await user.clear(custom);
    await user.type(custom, 'Renewal');
    expect(custom).toHaveAttribute('aria-invalid', 'true');
    expect(custom).toHaveAccessibleDescription(expect.stringContaining('snake_case'));
    await user.clear(custom);
    await user.type(custom, 'renewal_due');
    expect(lastParams(onChangeNode).trigger).toEqual({ type: 'event', event: 'renewal_due' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Entry trigger' }), 'On a schedule');
    expect(lastParams(onChangeNode).trigger).toEqual({ type: 'schedule', after: 'P1D' });
    expect(screen.queryByRole('combobox', { name: 'Trigger event' })).not.toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'After launch' })).toHaveValue(1);
  });

  it('shows the journey’s problems of this node where they point, with severity and fix', () => {
    const node = makeNode('split', { variants: [{ weight: 60 }, { weight: 60 }] }, { id: 's1' });
    const problems: Problem[] = [
      {
        severity: 'error',
        code: 'split-weights',
        message: verbatim(localized('Weights of "s1" add up to 120 %, not 100 %.', '「s1」的权重之和为 120%，而不是 100%。')),
        location: { nodeId: 's1', path: ['nodes', 3, 'params', 'variants'] },
      },
      {
        severity: 'warning',
        code: 'unreachable-node',
        message: verbatim(localized('No user can reach "s1".', '没有用户能到达「s1」。')),
        location: { nodeId: 's1', path: ['nodes', 3] },
      },
      {
        severity: 'error',
        code: 'split-weights',
        message: verbatim(localized('Weights of "other" add up to 90 %.', '「other」的权重之和为 90%。')),
        location: { nodeId: 'other', path: ['nodes', 4, 'params', 'variants'] },
      },
    ];
    setup({ node, problems });
    const variants = screen.getByRole('group', { name: 'Variants' });
    expect(variants).toHaveAccessibleDescription(expect.stringContaining('Error: Weights of "s1" add up to 120 %, not 100 %.'));
    expect(within(variants).getByText('Adjust the variants’ weights so they add up to exactly 100.')).toBeInTheDocument();
    const top = screen.getByRole('group', { name: 'Problems with this step' });
    expect(within(top).getByText('No user can reach "s1".')).toBeInTheDocument();
    expect(within(top).getByText('Warning:')).toBeInTheDocument();
    expect(within(top).getByText('No user can reach "s1".').closest('li')).toHaveClass('insp-msg--warning');
    expect(screen.queryByText(/Weights of "other"/)).not.toBeInTheDocument();
  });

  it('a warning on a field describes it without marking it invalid', () => {
    const node = makeNode('offer', { value: 50, minSpend: 30 }, { id: 'o1' });
    const problems: Problem[] = [
      {
        severity: 'warning',
        code: 'offer-exceeds-min-spend',
        message: verbatim(localized('Coupon value 50 is not below its minimum spend 30.', '优惠券金额 50 不低于最低消费 30。')),
        location: { nodeId: 'o1', path: ['nodes', 0, 'params', 'value'] },
      },
    ];
    setup({ node, problems });
    const value = screen.getByRole('spinbutton', { name: 'Value' });
    expect(value).toHaveAccessibleDescription(expect.stringContaining('Warning: Coupon value 50 is not below its minimum spend 30.'));
    expect(value).not.toHaveAttribute('aria-invalid');
  });

  it('takes in changes from outside without losing what is being typed in an invalid field', async () => {
    const node = makeNode('offer');
    const { user, onChangeNode, rerender } = setup({ node });
    const value = screen.getByRole('spinbutton', { name: 'Value' });
    await user.clear(value);
    await user.type(value, '-5');
    expect(value).toHaveAttribute('aria-invalid', 'true');

    // e.g. undo of an earlier change to the minimum spend
    rerender({ node: { ...node, params: { ...node.params, minSpend: 100 } } });
    expect(screen.getByRole('spinbutton', { name: 'Minimum spend' })).toHaveValue(100);
    expect(screen.getByRole('spinbutton', { name: 'Value' })).toHaveValue(-5);
    expect(screen.getByRole('spinbutton', { name: 'Value' })).toHaveAttribute('aria-invalid', 'true');
    expect(onChangeNode).not.toHaveBeenCalled();

    await user.clear(screen.getByRole('spinbutton', { name: 'Value' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Value' }), '10');
    expect(lastParams(onChangeNode)).toEqual({ offer: 'coupon', value: 10, minSpend: 100, validity: 'P7D', announcement: 'next-touch', checkoutChance: 0.5 });

    // Selecting another node starts afresh.
    rerender({ node: makeNode('offer', { value: 5 }, { id: 'n2' }) });
    expect(screen.getByRole('spinbutton', { name: 'Value' })).toHaveValue(5);
    expect(screen.getByRole('spinbutton', { name: 'Minimum spend' })).toHaveValue(0);
    // An outside change to a valid field shows at once.
    rerender({ node: makeNode('offer', { value: 8 }, { id: 'n2', label: 'Coupon' }) });
    expect(screen.getByRole('spinbutton', { name: 'Value' })).toHaveValue(8);
    expect(screen.getByRole('textbox', { name: 'Label' })).toHaveValue('Coupon');
  });
});

describe('Inspector: journey settings', () => {
  it('edits the frequency cap', async () => {
    const { user, onChangeSettings } = setup();
    expect(screen.getByRole('heading', { level: 2, name: /Journey settings/ })).toBeInTheDocument();
    const cap = screen.getByRole('group', { name: 'Frequency cap' });
    const touches = within(cap).getByRole('spinbutton', { name: 'Touches' });
    expect(touches).toHaveValue(3);
    await user.clear(touches);
    expect(touches).toHaveAttribute('aria-invalid', 'true');
    await user.type(touches, '5');
    expect(onChangeSettings).toHaveBeenLastCalledWith({ ...defaultSettings, frequencyCap: { touches: 5, window: 'P7D' } });

    await user.clear(touches);
    await user.type(touches, '0');
    expect(touches).toHaveAccessibleDescription(expect.stringContaining('Enter 1 or more.'));
    await user.type(touches, '.5');
    expect(touches).toHaveAccessibleDescription(expect.stringContaining('Enter a whole number.'));
    expect(onChangeSettings).toHaveBeenCalledTimes(1);

    await user.click(within(cap).getByRole('checkbox', { name: 'No cap' }));
    expect(onChangeSettings).toHaveBeenLastCalledWith({ ...defaultSettings, frequencyCap: null });
    expect(within(cap).queryByRole('spinbutton', { name: 'Touches' })).not.toBeInTheDocument();
  });

  it('edits quiet hours, checking the clock format as you type', async () => {
    const { user, onChangeSettings } = setup();
    const quiet = screen.getByRole('group', { name: 'Quiet hours' });
    const from = within(quiet).getByRole('textbox', { name: 'From' });
    expect(from).toHaveValue('22:00');
    await user.clear(from);
    await user.type(from, '21:3');
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(from).toHaveAccessibleDescription(expect.stringContaining('Times of day are written "HH:MM"'));
    expect(onChangeSettings).not.toHaveBeenCalled();
    await user.type(from, '0');
    expect(onChangeSettings).toHaveBeenLastCalledWith({ ...defaultSettings, quietHours: { start: '21:30', end: '08:00' } });

    await user.click(within(quiet).getByRole('checkbox', { name: 'No quiet hours' }));
    expect(onChangeSettings).toHaveBeenLastCalledWith({ ...defaultSettings, quietHours: null });
  });

  it('edits re-entry, exit on goal and channel costs', async () => {
    const { user, onChangeSettings } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Policy' }), 'After exit');
    expect(onChangeSettings).toHaveBeenLastCalledWith({ ...defaultSettings, reentry: { policy: 'afterExit', cooldown: 'P30D' } });
    expect(screen.getByRole('spinbutton', { name: 'Cooldown' })).toHaveValue(30);
    await user.click(screen.getByRole('checkbox', { name: 'No cooldown' }));
    expect(onChangeSettings).toHaveBeenLastCalledWith({ ...defaultSettings, reentry: { policy: 'afterExit' } });

    await user.click(screen.getByRole('checkbox', { name: 'Exit on goal' }));
    expect(onChangeSettings.mock.lastCall![0].exitOnGoal).toBe(false);

    const sms = screen.getByRole('spinbutton', { name: 'SMS' });
    expect(sms).toHaveAttribute('placeholder', '0.05');
    await user.type(sms, '0.08');
    expect(onChangeSettings.mock.lastCall![0].channelCosts).toEqual({ sms: 0.08 });
    await user.clear(sms);
    expect(onChangeSettings.mock.lastCall![0].channelCosts).toEqual({});
  });

  it('shows settings problems next to the setting', () => {
    const problems: Problem[] = [
      {
        severity: 'warning',
        code: 'costs-in-another-currency',
        message: verbatim(localized('Channels sms use the default cost in yuan.', '渠道 sms 使用了以人民币计的默认成本。')),
        location: { path: ['settings', 'channelCosts'] },
      },
    ];
    setup({ settings: { ...defaultSettings, currency: 'USD' }, problems });
    expect(screen.getByRole('group', { name: 'Cost per touch' })).toHaveAccessibleDescription(
      expect.stringContaining('Channels sms use the default cost in yuan.'),
    );
    expect(screen.getByRole('spinbutton', { name: 'SMS' })).toHaveAccessibleDescription(expect.stringContaining('USD'));
  });
});

describe('Inspector in Chinese', () => {
  afterEach(() => setLanguage('en'));

  it('shows Chinese labels, help and units', () => {
    setup({ node: makeNode('offer'), lang: 'zh-CN' });
    const panel = screen.getByRole('region', { name: '属性面板' });
    expect(within(panel).getByRole('heading', { level: 2, name: /优惠\/权益/ })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '名称' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '阶段' })).toHaveDisplayValue('决策');
    expect(screen.getByRole('combobox', { name: '类型' })).toHaveDisplayValue('优惠券');
    expect(screen.getByRole('spinbutton', { name: '最低消费' })).toHaveAccessibleDescription(expect.stringContaining('元'));
    expect(screen.getByRole('spinbutton', { name: '有效期' })).toHaveValue(7);
    expect(screen.getByRole('combobox', { name: '有效期：单位' })).toHaveDisplayValue('天');
  });

  it('shows the settings with the glossary’s terms', () => {
    setup({ lang: 'zh-CN' });
    expect(screen.getByRole('heading', { level: 2, name: /旅程设置/ })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '频次上限' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '不设上限' })).not.toBeChecked();
    expect(screen.getByRole('group', { name: '免打扰时段' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '达成目标即退出' })).toBeChecked();
  });

  it('shows zod’s messages and list buttons in Chinese', async () => {
    const user = userEvent.setup();
    await setLanguage('zh-CN');
    render(
      <Inspector
        node={makeNode('split')}
        settings={defaultSettings}
        problems={[]}
        onChangeNode={() => {}}
        onChangeSettings={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: '添加方案' })).toBeInTheDocument();
    const first = screen.getByRole('group', { name: '方案 1' });
    expect(within(first).getByRole('checkbox', { name: '留出组（对照组）' })).not.toBeChecked();
    const weight = within(first).getByRole('spinbutton', { name: '权重' });
    await user.clear(weight);
    await user.type(weight, '-1');
    expect(weight).toHaveAccessibleDescription(expect.stringContaining('错误'));
    expect(weight).toHaveAccessibleDescription(expect.stringContaining('请输入不小于 0 的数。'));
  });
});
