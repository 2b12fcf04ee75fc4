import { z } from 'zod';
import { builtinKinds, createRegistry, defaultRegistry } from '../../src/core/journey/registry';
import { defineNodeKind, paletteGroups } from '../../src/core/journey/kinds/defineKind';
import { localized } from '../../src/core/i18n';
import { channels, channelInfo, channelCost } from '../../src/core/journey/channels';
import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { defineEffect } from '../../src/core/compile/runtime';
import { runScripted } from '../support/scriptedRun';
import { validate } from '../../src/core/journey/validate';
import { validJourney, node, edge } from '../fixtures/journeys';
import { inBoth, inEnglish, inChinese } from '../support/messages.ts';
import { verbatim } from '../../src/core/i18n';

const expectedPorts: Record<string, string[]> = {
  entry: ['next'],
  message: ['next'],
  offer: ['next'],
  wait: ['next'],
  waitForEvent: ['happened', 'timeout'],
  branch: ['case-1', 'else'],
  split: ['variant-1', 'variant-2'],
  tag: ['next'],
  goal: ['next'],
  exit: [],
};

describe('node kinds', () => {
  it('ships exactly the ten kinds of the design, in palette order', () => {
    expect(builtinKinds.map((kind) => kind.kind)).toEqual(Object.keys(expectedPorts));
  });

  for (const kind of builtinKinds) {
    describe(kind.kind, () => {
      const defaults = (kind.params as z.ZodType<Record<string, unknown>>).parse({});

      it('has defaults for every param, and the ports the design names', () => {
        expect(defaultRegistry.get(kind.kind)!.ports(defaults).map((port) => port.id)).toEqual(expectedPorts[kind.kind]);
      });

      it('is named and explained in both languages, in a palette group', () => {
        expect(paletteGroups).toContain(kind.group);
        for (const text of [kind.name, kind.description]) {
          expect(inEnglish(text).length).toBeGreaterThan(2);
          expect(inChinese(text)).toMatch(/[\u4e00-\u9fff]/);
        }
        for (const text of Object.values(inBoth(defaultRegistry.get(kind.kind)!.summary(defaults)))) expect(text.length).toBeGreaterThan(0);
      });

      it('rejects params of the wrong shape', () => {
        expect((kind.params as z.ZodType).safeParse({ notAParam: 1 }).success).toBe(false);
      });

      it('declares every problem code it can raise in both languages', () => {
        for (const definition of Object.values(kind.problems ?? {})) {
          expect(inChinese(definition.title)).toMatch(/[\u4e00-\u9fff]/);
          expect(inEnglish(definition.fix).length).toBeGreaterThan(10);
        }
      });
    });
  }

  it('gives ports of branches and splits from their cases and variants', () => {
    const branch = defaultRegistry.get('branch')!;
    const params = { cases: [{ label: 'VIP', condition: { tag: 'vip', present: true } }, { label: '', condition: { segment: 'new' } }] };
    expect(branch.ports(params).map((port) => [port.id, inEnglish(port.label)])).toEqual([
      ['case-1', 'VIP'],
      ['case-2', 'case 2'],
      ['else', 'else'],
    ]);
    const split = defaultRegistry.get('split')!;
    const ports = split.ports({ variants: [{ label: 'A', weight: 90, holdout: false }, { label: 'H', weight: 10, holdout: true }] });
    expect(ports.map((port) => inChinese(port.label))).toEqual(['A 90%', 'H（留出组）10%']);
  });

  it('prices every channel by default and lets a journey override it', () => {
    for (const channel of channels) expect(channelInfo[channel].defaultCost).toBeGreaterThanOrEqual(0);
    expect(channels).toEqual(['sms', 'push', 'email', 'wechat_oa', 'wecom', 'in_app', 'community', 'call']);
    expect(channelCost('sms', { sms: 0.08 })).toBe(0.08);
    expect(channelCost('sms', {})).toBe(channelInfo.sms.defaultCost);
    const journey = validJourney();
    journey.settings = { channelCosts: { push: 0.02 } };
    const result = compileJourneyInput(journey);
    if (!result.ok) throw new Error('expected the journey to compile');
    const effects = runScripted(result.config, [{ at: 0, type: 'add_to_cart' }], { until: 2 * 86_400_000 }).effects;
    expect(effects.find((effect) => effect.type === 'touch')).toMatchObject({ channel: 'push', cost: 0.02 });
  });
});

describe('adding a kind', () => {
  // A tiny kind that awards loyalty points: its own file would hold exactly this.
  const pointsKind = defineNodeKind({
    kind: 'awardPoints',
    group: 'outcomes',
    icon: 'star',
    name: verbatim(localized('Award points', '赠送积分')),
    description: verbatim(localized('Gives the user loyalty points.', '给用户赠送会员积分。')),
    params: z.strictObject({ points: z.number().int().min(1).default(100) }),
    ports: () => [{ id: 'next', label: verbatim(localized('next', '下一步')) }],
    summary: (p) => verbatim(localized(`+${p.points} points`, `+${p.points} 积分`)),
    problems: {
      'points-too-generous': {
        severity: 'warning',
        title: verbatim(localized('Very many points', '积分过多')),
        fix: verbatim(localized('Award fewer than 10,000 points at a time.', '单次赠送少于 10,000 积分。')),
      },
    },
    validate(node, context) {
      if (node.params.points >= 10_000) context.report('points-too-generous', verbatim(localized('Too many points.', '积分过多。')), ['points']);
    },
    compile: (node, context) => ({
      entry: [...context.enter, { type: 'awardPoints', params: { node: node.id, points: node.params.points } }],
      always: [{ target: context.target('next') }],
    }),
    implementations: {
      effects: {
        awardPoints: defineEffect<{ node: string; points: number }>((context, p) =>
          context.env.emit({ type: 'custom', node: p.node, name: 'points', detail: { points: p.points } }),
        ),
      },
    },
  });
  const registry = createRegistry([...builtinKinds, pointsKind]);

  const journey = () => {
    const document = validJourney();
    document.nodes.push(node('points', 'awardPoints', { points: 200 }));
    document.edges = document.edges.filter((candidate) => candidate.id !== 'remind-next');
    document.edges.push(edge('remind', 'next', 'points'), edge('points', 'next', 'giveUp'));
    return document;
  };

  it('is unknown to the default registry', () => {
    expect(validate(journey()).map((problem) => problem.code)).toContain('unknown-kind');
  });

  it('validates, compiles and runs with nothing but its definition and a registry line', () => {
    expect(validate(journey(), registry).filter((problem) => problem.severity === 'error')).toEqual([]);
    const heavy = journey();
    heavy.nodes[6] = node('points', 'awardPoints', { points: 50_000 });
    expect(validate(heavy, registry).map((problem) => problem.code)).toContain('points-too-generous');
    const result = compileJourneyInput(journey(), registry);
    if (!result.ok) throw new Error(result.problems.map((problem) => inEnglish(problem.message)).join('\n'));
    const run = runScripted(result.config, [{ at: 0, type: 'add_to_cart' }], { until: 3 * 86_400_000, registry });
    expect(run.visited).toEqual(['start', 'waitBuy', 'remind', 'points', 'giveUp']);
    expect(run.effects).toContainEqual(expect.objectContaining({ type: 'custom', name: 'points', detail: { points: 200 } }));
  });

  it('refuses two kinds with one name', () => {
    expect(() => createRegistry([...builtinKinds, builtinKinds[0]])).toThrow(/share a name/);
  });
});
