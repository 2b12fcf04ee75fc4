import { z } from 'zod';
import { localized } from '../../src/core/i18n';
import { channelCost, channels } from '../../src/core/journey/channels';
import { defineNodeKind } from '../../src/core/journey/kinds/defineKind';
import { builtinKinds, createRegistry } from '../../src/core/journey/registry';
import { validate } from '../../src/core/journey/validate';
import { conditionGuard, setTag, setTagReport, splitDraw, touch } from '../../src/core/compile/operations';
import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { buildModel } from '../../src/core/sim/engine/model';
import { runRange } from '../../src/core/sim/engine/runRange';
import { buildReport } from '../../src/core/sim/engine/report';
import { storyOf } from '../../src/core/trainer/story';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { edge, node } from '../fixtures/journeys';
import { cohort } from './support';
import { inEnglish } from '../support/messages.ts';
import { verbatim } from '../../src/core/i18n';

/**
 * A kind the product does not have, built only from existing operations, needs its definition and a
 * registry line and nothing else: both engines run it, draw for draw, and reports and stories follow.
 * The kinds live in a registry of this test's own (createRegistry), so nothing global is registered and
 * no other test sees them.
 */

// Sends a touch and tags the user on the way out through "sent" — unless they carry the tag already.
const nudgeKind = defineNodeKind({
  kind: 'nudge',
  group: 'touches',
  icon: 'mail',
  name: verbatim(localized('Nudge', '轻推')),
  description: verbatim(localized('A touch for users not nudged yet; it tags them.', '只触达尚未被轻推的用户，并给他们打标签。')),
  params: z.strictObject({ channel: z.enum(channels).default('push'), tag: z.string().min(1).default('nudged') }),
  ports: () => [
    { id: 'sent', label: verbatim(localized('sent', '已发送')) },
    { id: 'skipped', label: verbatim(localized('already nudged', '已轻推过')) },
  ],
  summary: (p) => verbatim(`${p.channel} · ${p.tag}`),
  touches: () => 1,
  treatment: true,
  channel: (p) => p.channel,
  compile(node, context) {
    const { channel, tag } = node.params;
    const sent = context.go('sent');
    return {
      entry: context.enter,
      always: [
        { ...context.go('skipped'), guard: conditionGuard.ref({ condition: { tag, present: true } }) },
        {
          ...sent,
          actions: [
            ...(sent.actions ?? []),
            touch.ref({ node: node.id, channel, cost: channelCost(channel, context.settings.channelCosts) }),
            setTag.ref({ node: node.id, tag, present: true }),
            setTagReport.ref({ node: node.id, tag, present: true }),
          ],
        },
      ],
    };
  },
});

// A fair coin whose tails arm is a holdout: it declares its arms, so reports compare them.
const coinKind = defineNodeKind({
  kind: 'coinFlip',
  group: 'logic',
  icon: 'circle',
  name: verbatim(localized('Coin flip', '抛硬币')),
  description: verbatim(localized('Heads or tails, half and half; tails is the holdout.', '正面或反面各一半；反面为对照组。')),
  params: z.strictObject({}),
  ports: () => [
    { id: 'heads', label: verbatim(localized('heads', '正面')) },
    { id: 'tails', label: verbatim(localized('tails (holdout)', '反面（对照组）')) },
  ],
  summary: () => verbatim('50 / 50'),
  arms: () => [
    { label: 'heads', holdout: false },
    { label: 'tails', holdout: true },
  ],
  compile: (node, context) => ({
    entry: context.enter,
    always: [{ ...context.go('heads'), guard: splitDraw.ref({ node: node.id, from: 0, to: 0.5 }) }, context.go('tails')],
  }),
});

const registry = createRegistry([...builtinKinds, nudgeKind, coinKind]);
const USERS = 400;

// Everyone enters at launch; heads are nudged twice (the second nudge finds the tag), tails leave.
const document: JourneyDocumentInput = {
  schemaVersion: 6,
  id: 'new-kinds',
  name: 'New kinds',
  settings: { quietHours: null, frequencyCap: null },
  nodes: [
    node('start', 'entry', { trigger: { type: 'audience' } }),
    node('coin', 'coinFlip'),
    node('first', 'nudge', { channel: 'push' }),
    node('second', 'nudge', { channel: 'sms' }),
    node('out', 'exit', { reason: 'done' }),
  ],
  edges: [
    edge('start', 'next', 'coin'),
    edge('coin', 'heads', 'first'),
    edge('coin', 'tails', 'out'),
    edge('first', 'sent', 'second'),
    edge('first', 'skipped', 'out'),
    edge('second', 'sent', 'out'),
    edge('second', 'skipped', 'out'),
  ],
};

function modelOf() {
  const compiled = compileJourneyInput(document, registry);
  if (!compiled.ok) throw new Error(compiled.problems.map((problem) => `${problem.code}: ${inEnglish(problem.message)}`).join('\n'));
  return buildModel(compiled.document, compiled.config, cohort(), { seed: 5, users: USERS, registry });
}

describe('a kind made of existing operations', () => {
  it('is unknown without its registry line, and checks clean with it', () => {
    expect(validate(document).map((problem) => problem.code)).toContain('unknown-kind');
    expect(validate(document, registry).filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('runs on both engines with identical traces and reports', () => {
    const model = modelOf();
    const fast = runRange(model, 'fast', 0, USERS, { trace: () => true });
    const reference = runRange(model, 'reference', 0, USERS, { trace: () => true });
    for (let user = 0; user < USERS; user++) expect(fast.traces.get(user)).toEqual(reference.traces.get(user));
    const meta = { engine: 'fast' as const, seed: model.seed };
    expect(buildReport(model, [fast.counters], meta)).toEqual(buildReport(model, [reference.counters], meta));
  });

  it('does what its operations say: heads are touched and tagged once, tails never', () => {
    const model = modelOf();
    const { traces } = runRange(model, 'fast', 0, USERS, { trace: () => true });
    let heads = 0;
    for (let user = 0; user < USERS; user++) {
      const trace = traces.get(user)!;
      const arm = trace.find((entry) => entry.type === 'port' && entry.node === 'coin');
      const ports = trace.flatMap((entry) => (entry.type === 'port' && (entry.node === 'first' || entry.node === 'second') ? [`${entry.node}:${entry.port}`] : []));
      const touches = trace.filter((entry) => entry.type === 'touch').map((entry) => entry.type === 'touch' && entry.node);
      const tags = trace.filter((entry) => entry.type === 'tag');
      if (arm?.type === 'port' && arm.port === 'heads') {
        heads++;
        expect(ports).toEqual(['first:sent', 'second:skipped']);
        expect(touches).toEqual(['first']);
        expect(tags).toEqual([expect.objectContaining({ node: 'first', tag: 'nudged', present: true })]);
      } else {
        expect(arm).toMatchObject({ port: 'tails' });
        expect([ports, touches, tags]).toEqual([[], [], []]);
      }
    }
    expect(heads / USERS).toBeGreaterThan(0.4);
    expect(heads / USERS).toBeLessThan(0.6);

    const report = buildReport(model, [runRange(model, 'fast', 0, USERS).counters], { engine: 'fast', seed: model.seed });
    expect(report.arms.map(({ split, label, holdout, assigned }) => ({ split, label, holdout, assigned }))).toEqual([
      { split: 'coin', label: 'heads', holdout: false, assigned: heads },
      { split: 'coin', label: 'tails', holdout: true, assigned: USERS - heads },
    ]);
    expect(report.lift).not.toBeNull();
  });

  it('is told in the story by its operations, with the generic step for its entry', () => {
    const model = modelOf();
    const { traces } = runRange(model, 'fast', 0, USERS, { trace: () => true });
    const user = [...traces.keys()].find((candidate) => traces.get(candidate)!.some((entry) => entry.type === 'touch'))!;
    const steps = storyOf(model, user, traces.get(user)!);
    expect(steps.map((step) => inEnglish(step.text))).toEqual(
      expect.arrayContaining(['Reached “first” (Nudge).', 'Tagged “nudged”.', expect.stringMatching(/push/i)]),
    );
  });
});
