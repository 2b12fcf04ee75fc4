import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { checkCohort, type CheckedCohortSpec } from '../../src/core/cohort/schema';
import { buildModel, type Model } from '../../src/core/sim/engine/model';
import { runRange, type EngineName } from '../../src/core/sim/engine/runRange';
import type { TraceEntry } from '../../src/core/sim/engine/trace';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { edge, node } from '../fixtures/journeys';
import { inEnglish } from '../support/messages.ts';

/** Small journeys and a one-segment cohort for the simulation tests. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const PURCHASE = { r: 0.8, alpha: 20, a: 1.5, b: 4 };

export function cohort(behaviour: Record<string, unknown> = {}, reach: Record<string, number> = { sms: 1, push: 1 }): CheckedCohortSpec {
  const checked = checkCohort({
    schemaVersion: 2,
    id: 'test',
    name: 'Test',
    size: 20_000,
    segments: [
      {
        id: 'all',
        name: 'All',
        share: 100,
        reach,
        behaviour: {
          purchase: PURCHASE,
          orderValue: { p: 6, q: 4, gamma: 50 },
          response: { sms: { open: 0.5, click: 0.4, unsubscribe: 0 }, push: { open: 0.5, click: 0.4, unsubscribe: 0 } },
          ...behaviour,
        },
      },
    ],
  });
  if (!checked.spec) throw new Error(checked.problems.map((p) => inEnglish(p.message)).join('\n'));
  return checked.spec;
}

/** Everyone enters at launch, then the steps given, then leaves. */
export function journey(steps: { id: string; kind: string; params?: Record<string, unknown> }[], settings: Record<string, unknown> = {}): JourneyDocumentInput {
  const ids = ['start', ...steps.map((step) => step.id), 'out'];
  return {
    schemaVersion: 6,
    id: 'j',
    name: 'J',
    settings: { quietHours: null, frequencyCap: null, ...settings },
    nodes: [
      node('start', 'entry', { trigger: { type: 'audience' } }),
      ...steps.map((step) => node(step.id, step.kind, step.params ?? {})),
      node('out', 'exit', { reason: 'done' }),
    ],
    edges: ids.slice(0, -1).map((id, index) => edge(id, 'next', ids[index + 1]!)),
  };
}

export function model(document: JourneyDocumentInput, spec: CheckedCohortSpec, users: number, seed = 11): Model {
  const compiled = compileJourneyInput(document);
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => `${p.code}: ${inEnglish(p.message)}`).join('\n'));
  return buildModel(compiled.document, compiled.config, spec, { seed, users });
}

export function traces(m: Model, engine: EngineName = 'fast'): TraceEntry[][] {
  const result = runRange(m, engine, 0, m.users, { trace: () => true });
  return Array.from({ length: m.users }, (_, user) => result.traces.get(user)!);
}

/** Entry → SMS → wait up to 30 days for a purchase → goal; no purchase → exit. */
export function smsThenGoal(settings: Record<string, unknown> = {}): JourneyDocumentInput {
  return {
    schemaVersion: 6,
    id: 'sms-goal',
    name: 'SMS then goal',
    settings: { quietHours: null, frequencyCap: null, ...settings },
    nodes: [
      node('start', 'entry', { trigger: { type: 'audience' } }),
      node('sms', 'message', { channel: 'sms' }),
      node('bought', 'waitForEvent', { event: 'purchase', timeout: 'P30D' }),
      node('won', 'goal', { event: 'purchase' }),
      node('out', 'exit', { reason: 'done' }),
    ],
    edges: [edge('start', 'next', 'sms'), edge('sms', 'next', 'bought'), edge('bought', 'happened', 'won'), edge('bought', 'timeout', 'out'), edge('won', 'next', 'out')],
  };
}
