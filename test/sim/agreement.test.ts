import fc from 'fast-check';
import { templates } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { checkCohort, type CheckedCohortSpec, type CohortSpecInput } from '../../src/core/cohort/schema';
import { getPreset } from '../../src/core/cohort/presets';
import { buildModel, eventsRead, type Model } from '../../src/core/sim/engine/model';
import { runRange } from '../../src/core/sim/engine/runRange';
import { RunawayError } from '../../src/core/sim/engine/world';
import { buildReport } from '../../src/core/sim/engine/report';
import type { TraceEntry } from '../../src/core/sim/engine/trace';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { journeyArbitrary } from '../support/arbitraries';
import { inEnglish } from '../support/messages.ts';

/**
 * Two engines, one truth: for every template and for generated journeys and cohorts, the XState
 * reference runner and the kernel must record the same trace for every user — each (time, node, port,
 * event, touch outcome…) — and add up to the same counters, hence the same report.
 */

const USERS = 1_000;
const PRESET_OF: Record<string, string> = { education: 'education', b2b: 'education', banking: 'banking', telecom: 'telecom', automotive: 'automotive', food: 'food' };

/** The preset for a template's industry, with a rate for every event the journey reads but the preset lacks. */
function cohortFor(journey: JourneyDocumentInput, industry: string): CheckedCohortSpec {
  const preset = structuredClone(getPreset(PRESET_OF[industry] ?? 'ecommerce')!.spec) as CohortSpecInput & { segments: { behaviour: { events?: Record<string, { perDay: number }> } }[] };
  const compiled = compileJourneyInput(journey);
  if (!compiled.ok) throw new Error(`template does not compile: ${compiled.problems.map((p) => p.code).join(', ')}`);
  const read = [...eventsRead(compiled.config)].filter((event) => !['purchase', 'open', 'click', 'unsubscribe'].includes(event));
  for (const segment of preset.segments) {
    segment.behaviour.events ??= {};
    for (const event of read) segment.behaviour.events[event] ??= { perDay: 0.05 };
  }
  const checked = checkCohort(preset);
  if (!checked.spec) throw new Error(checked.problems.map((p) => inEnglish(p.message)).join('\n'));
  return checked.spec;
}

function modelOf(journey: JourneyDocumentInput, cohort: CheckedCohortSpec, seed: number, users = USERS): Model {
  const compiled = compileJourneyInput(journey);
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => `${p.code}: ${inEnglish(p.message)}`).join('\n'));
  return buildModel(compiled.document, compiled.config, cohort, { seed, users });
}

function firstDifference(a: TraceEntry[], b: TraceEntry[]): string | null {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const left = JSON.stringify(a[index]);
    const right = JSON.stringify(b[index]);
    if (left !== right) return `step ${index}: fast ${left} ≠ reference ${right}`;
  }
  return null;
}

/** Runs both engines on every user and returns what differs (nothing, when they agree). */
function compareEngines(model: Model): { differences: string[]; steps: number; twins: number } {
  const fast = runRange(model, 'fast', 0, model.users, { trace: () => true, traceTwins: true });
  const reference = runRange(model, 'reference', 0, model.users, { trace: () => true, traceTwins: true });
  const differences: string[] = [];
  let steps = 0;
  for (let user = 0; user < model.users; user++) {
    const a = fast.traces.get(user)!;
    steps += a.length;
    const difference = firstDifference(a, reference.traces.get(user)!);
    if (difference) differences.push(`user ${user}: ${difference}`);
    // The twin (the same user without the journey's touches and offers) runs on both engines alike too.
    const twin = firstDifference(fast.twinTraces.get(user) ?? [], reference.twinTraces.get(user) ?? []);
    if (twin) differences.push(`user ${user}'s twin: ${twin}`);
  }
  const meta = { engine: 'fast' as const, seed: model.seed };
  if (JSON.stringify(buildReport(model, [fast.counters], meta)) !== JSON.stringify(buildReport(model, [reference.counters], meta)))
    differences.push('the reports differ');
  return { differences, steps, twins: fast.twinTraces.size };
}

describe('the kernel and the XState reference runner agree', { timeout: 120_000 }, () => {
  /** How many twins each template's case ran: a template whose sample answers no touch runs none. */
  const twinsByTemplate = new Map<string, number>();

  it.each(templates.map((template) => [template.id, template] as const))('on every user of template %s', (_id, template) => {
    const journey = instantiateTemplate(template, 'en');
    const model = modelOf(journey, cohortFor(journey, template.industry), 20_261_123);
    const { differences, steps, twins } = compareEngines(model);
    expect(differences.slice(0, 3)).toEqual([]);
    twinsByTemplate.set(template.id, twins);
    // The case must exercise the journey, not just agree on users who never enter it.
    expect(model.users).toBeGreaterThanOrEqual(USERS);
    expect(steps).toBeGreaterThan(USERS);
  });

  it('on the twins of the templates whose users answer a touch', () => {
    // The comparison above covers the twin only where it runs; most templates' samples must run some.
    const withTwins = [...twinsByTemplate.values()].filter((twins) => twins > 0).length;
    expect(twinsByTemplate.size).toBe(templates.length);
    expect(withTwins).toBeGreaterThanOrEqual(Math.ceil(templates.length / 2));
  });

  it('on generated journeys, settings and cohorts', () => {
    const settings = fc.record({
      frequencyCap: fc.option(fc.record({ touches: fc.integer({ min: 1, max: 3 }), window: fc.constantFrom('P1D', 'P3D', 'PT12H') }), { nil: null }),
      quietHours: fc.option(fc.record({ start: fc.constantFrom('21:00', '22:00', '00:00'), end: fc.constantFrom('07:00', '08:00', '09:30') }), { nil: null }),
      exitOnGoal: fc.boolean(),
      reentry: fc.oneof(
        fc.constant({ policy: 'never' as const }),
        fc.constant({ policy: 'afterExit' as const }),
        fc.constant({ policy: 'afterExit' as const, cooldown: 'P2D' }),
      ),
      horizon: fc.constantFrom('P14D', 'P30D', 'P45D'),
      // Dated launches put the local clock, weekdays and the calendar (see generatedCohort) to work.
      launch: fc.option(
        fc.constantFrom({ date: '2027-06-16', time: '21:30', timeZone: 'Asia/Shanghai' as const }, { date: '2027-11-09', time: '07:00', timeZone: 'Asia/Shanghai' as const }),
        { nil: null },
      ),
    });
    const cohort = fc.record({
      share: fc.integer({ min: 10, max: 90 }),
      addToCart: fc.double({ min: 0.02, max: 0.5, noNaN: true }),
      visit: fc.double({ min: 0, max: 0.5, noNaN: true }),
      open: fc.double({ min: 0, max: 0.9, noNaN: true }),
      click: fc.double({ min: 0, max: 0.9, noNaN: true }),
      unsubscribe: fc.double({ min: 0, max: 0.2, noNaN: true }),
      reach: fc.double({ min: 0.2, max: 1, noNaN: true }),
      rate: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
      pullForward: fc.constantFrom(0, 0.5, 1),
      reactivation: fc.constantFrom(0, 0.3),
      unsubscribePressure: fc.constantFrom(0, 0.5),
    });
    // The generated journeys enter on add_to_cart; cases also enter everyone at launch or on a schedule, and
    // may have a second, scheduled entry (the engines must order launch, timers and events alike).
    const entries = fc.record({
      trigger: fc.constantFrom({ type: 'event', event: 'add_to_cart' }, { type: 'audience' }, { type: 'schedule', after: 'PT12H' }, { type: 'event', event: 'visit' }),
      second: fc.option(fc.constantFrom('P0D', 'PT6H', 'P3D'), { nil: null }),
    });
    fc.assert(
      fc.property(journeyArbitrary, settings, cohort, entries, fc.integer({ min: 1, max: 1_000_000 }), (journey, chosen, numbers, entry, seed) => {
        const nodes = journey.nodes!.map((node) => (node.id === 'n0' ? { ...node, params: { trigger: entry.trigger } } : node));
        const edges = [...journey.edges!];
        if (entry.second) {
          nodes.push({ id: 'n0b', kind: 'entry', stage: 'awareness', params: { trigger: { type: 'schedule', after: entry.second } } });
          edges.push({ id: 'e0b', source: 'n0b', sourcePort: 'next', target: 'n1' });
        }
        const model = modelOf({ ...journey, nodes, edges, settings: chosen }, generatedCohort(numbers), seed, 1_000);
        // A case may loop without time passing (e.g. an entry due at launch re-entering on exit): then both
        // engines must stop it alike, naming the same user, instant and loop.
        const runaway = runawayOf(model, 'fast');
        if (runaway) {
          expect(runawayOf(model, 'reference')).toBe(runaway);
          return;
        }
        const { differences } = compareEngines(model);
        expect(differences.slice(0, 3)).toEqual([]);
      }),
      { numRuns: 16, seed: 5 },
    );
  });
});

/** The message of the runaway loop the engine stops, or null when every user runs to the horizon. */
function runawayOf(model: Model, engine: 'fast' | 'reference'): string | null {
  try {
    runRange(model, engine, 0, model.users);
    return null;
  } catch (error) {
    if (error instanceof RunawayError) return error.message;
    throw error;
  }
}

/** A two-segment cohort with the attributes, tags and segments the generated conditions read. */
function generatedCohort(n: {
  share: number;
  addToCart: number;
  visit: number;
  open: number;
  click: number;
  unsubscribe: number;
  reach: number;
  rate: number;
  pullForward: number;
  reactivation: number;
  unsubscribePressure: number;
}): CheckedCohortSpec {
  const response = { open: n.open, click: n.click, unsubscribe: n.unsubscribe };
  const segment = (id: string, share: number, scale: number) => ({
    id,
    name: id,
    share,
    attributes: { city: { a: 50, b: 30, c: 20 } },
    numeric: { age: { mean: 2.5, sd: 1.5 } },
    tags: { vip: 0.3 * scale, new: 0.5 },
    reach: { sms: n.reach, push: n.reach / 2, email: 1, wechat_oa: n.reach, wecom: n.reach, in_app: 1, community: 0.5, call: 0.3 },
    behaviour: {
      purchase: { r: 1, alpha: 1 / (n.rate * scale), a: 1.2, b: 3 },
      orderValue: { p: 6, q: 3.7, gamma: 60 },
      response: { sms: response, push: response, email: response, wechat_oa: response, wecom: response, in_app: response, community: response, call: response },
      fatigue: 0.8,
      clickLift: 3,
      priceElasticity: 5,
      responseWindowDays: 3,
      responseDelayHours: 6,
      pullForward: n.pullForward,
      reactivation: n.reactivation,
      unsubscribePressure: n.unsubscribePressure,
      events: { add_to_cart: { perDay: n.addToCart * scale }, visit: { perDay: n.visit } },
    },
  });
  const evening = Array.from({ length: 24 }, (_, hour) => (hour >= 19 ? 1.6 : hour < 7 ? 0.2 : 1));
  const checked = checkCohort({
    schemaVersion: 6,
    timing: { openByHour: { sms: evening, push: evening }, delayByHour: { sms: evening.map((value) => 1 / Math.max(0.25, value)) }, openByWeekday: { sms: [1, 1, 1, 1, 1.2, 0.7, 0.6] } },
    calendar: [
      { name: '618', from: '2027-06-16', to: '2027-06-18', purchaseRate: 3 },
      { name: 'after 618', from: '2027-06-19', to: '2027-06-25', purchaseRate: 0.5 },
      { name: '双11', from: '2027-11-10', to: '2027-11-11', purchaseRate: 4 },
    ],
    id: 'generated',
    name: 'Generated',
    size: 1_000,
    attributes: { city: { values: ['a', 'b', 'c'] }, age: { numeric: { min: 0, max: 5, integer: true } } },
    tags: ['vip', 'new'],
    segments: [segment('s1', n.share, 1), segment('s2', 100 - n.share, 0.5)],
  });
  if (!checked.spec) throw new Error(checked.problems.map((p) => inEnglish(p.message)).join('\n'));
  return checked.spec;
}
