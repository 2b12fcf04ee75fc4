// Populations: each real customer one simulated user, with the fit's posterior given their history —
// the engines agree on them draw for draw, any worker split gives the same report, and what they buy
// without a journey is what the BG/NBD conditional expectation predicts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AddProfileColumns, buildPopulation, conditionalExpectedPurchases, fitImported, populationData, populationDocument, populationForCohort, populationOfFit, readPopulation, rfmSummary } from '../../src/core/calibration';
import { createProfileImport } from '../../src/core/calibration/import/profileImport';
import { importTransactions, isoDate } from '../../src/core/calibration/import';
import { checkCohort, type CheckedCohortSpec } from '../../src/core/cohort/schema';
import { getPreset } from '../../src/core/cohort/presets';
import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { buildModel } from '../../src/core/sim/engine/model';
import { runRange } from '../../src/core/sim/engine/runRange';
import { checkSimulation, simulateChecked } from '../../src/core/sim/engine/simulate';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { getTemplate } from '../../src/core/templates/index';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';

const CDNOW = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../shared/data/CDNOW_sample.txt', import.meta.url))));
const imported = importTransactions([CDNOW], { mapping: { currency: 'USD' } });
const source = { role: 'transactions' as const, fileName: 'CDNOW_sample.txt', sha256: '0'.repeat(64), bytes: CDNOW.length, rows: 6919, accepted: 6919, rejected: 0 };
const fitted = fitImported(imported, null, { calibrationEnd: null, segmentBy: 'rfm', preset: getPreset('ecommerce')!, id: 'cdnow', name: { en: 'CDNOW', 'zh-CN': 'CDNOW' }, sources: [source] });
if (fitted.problem) throw new Error('the CDNOW fit failed');
const cohort = checkCohort(fitted.cohort).spec as CheckedCohortSpec;
const lastDay = imported.report.lastDay!;
const populationOf = (seed: number) => buildPopulation(imported.table, lastDay, fitted.fit, fitted.cohort, { segmentBy: 'rfm', seed });

/** Entry at launch, straight out: no touch, no offer — what customers buy is their own. */
const idle: JourneyDocumentInput = {
  schemaVersion: 6,
  id: 'idle',
  name: 'Idle',
  settings: { horizon: 'P180D', frequencyCap: null },
  nodes: [
    { id: 'start', kind: 'entry', stage: 'awareness', params: { trigger: { type: 'audience' } } },
    { id: 'out', kind: 'exit', stage: 'awareness', params: {} },
  ],
  edges: [{ id: 'e', source: 'start', sourcePort: 'next', target: 'out' }],
};

describe('a population of real customers', { timeout: 120_000 }, () => {
  it('draws each customer from the posterior given their whole history, seeded', () => {
    const population = populationOf(1);
    expect(population.size).toBe(2357);
    expect(populationOf(1).lambdaPerDay).toEqual(population.lambdaPerDay);
    expect(populationOf(2).lambdaPerDay).not.toEqual(population.lambdaPerDay);
    // A customer with no repeat purchase is alive under BG/NBD; with one long ago, rarely.
    const summary = rfmSummary(imported.table, { calibrationEnd: lastDay });
    for (let i = 0; i < summary.count; i++) if (summary.frequency[i] === 0) expect(population.alive[i]).toBe(1);
    const alive = population.alive.reduce((sum, value) => sum + value, 0);
    expect(alive).toBeLessThan(2357);
    expect(alive).toBeGreaterThan(1411);
  });

  it('buys, without a journey, what the conditional expectation predicts: within 3 SE over 20 seeds', async () => {
    const summary = rfmSummary(imported.table, { calibrationEnd: lastDay });
    const population = populationOf(1);
    let expected = 0;
    for (let i = 0; i < summary.count; i++) expected += conditionalExpectedPurchases(cohort.segments[population.segment[i]!]!.behaviour.purchase, 180, summary.frequency[i]!, summary.recency[i]!, summary.age[i]!);
    const totals: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const checked = checkSimulation({ journey: idle, cohort: fitted.cohort, seed, population: populationOf(seed) });
      if (!checked.ok) throw new Error(checked.problems.map((problem) => problem.code).join());
      totals.push((await simulateChecked(checked.checked)).report.purchases);
    }
    const mean = totals.reduce((sum, value) => sum + value, 0) / totals.length;
    const sd = Math.sqrt(totals.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (totals.length - 1));
    expect(Math.abs(mean - expected)).toBeLessThan(3 * (sd / Math.sqrt(totals.length)) + 1e-9);
    // And far fewer than the same cohort's synthetic users, who all start alive as new customers.
    const synthetic = checkSimulation({ journey: idle, cohort: fitted.cohort, seed: 1 });
    if (!synthetic.ok) throw new Error('synthetic run refused');
    expect((await simulateChecked(synthetic.checked)).report.purchases).toBeGreaterThan(mean * 1.3);
  });

  it('carries customers forward to a later launch: still active with chance exp(−λpΔ), buying what that predicts within 3 SE', async () => {
    const population = populationOf(1);
    const launchIn = 365;
    const launch = { date: isoDate(lastDay + launchIn), time: '00:00', timeZone: 'Asia/Shanghai' as const };
    const later: JourneyDocumentInput = { ...idle, settings: { ...idle.settings, launch } };
    // No calendar: its festivals would change the rates this expectation assumes.
    const plain = { ...fitted.cohort, calendar: [] };
    let expected = 0;
    for (let i = 0; i < population.size; i++) {
      const lambda = population.lambdaPerDay[i]!;
      const p = population.dropout[i]!;
      if (population.alive[i] === 0 || lambda === 0) continue;
      // Active at the launch with exp(−λpΔ); then, over 180 days, (1 − exp(−λp·180)) / p purchases on average.
      expected += Math.exp(-lambda * p * launchIn) * (p > 0 ? -Math.expm1(-lambda * p * 180) / p : lambda * 180);
    }
    const totals: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const checked = checkSimulation({ journey: later, cohort: plain, seed, population });
      if (!checked.ok) throw new Error(checked.problems.map((problem) => problem.code).join());
      totals.push((await simulateChecked(checked.checked)).report.purchases);
    }
    const mean = totals.reduce((sum, value) => sum + value, 0) / totals.length;
    const sd = Math.sqrt(totals.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (totals.length - 1));
    expect(Math.abs(mean - expected)).toBeLessThan(3 * (sd / Math.sqrt(totals.length)));
    // Launched at the end of the data instead, more customers are active and buy more.
    const atEnd = checkSimulation({ journey: { ...idle, settings: { ...idle.settings, launch: { ...launch, date: isoDate(lastDay) } } }, cohort: plain, seed: 1, population });
    if (!atEnd.ok) throw new Error('refused');
    expect((await simulateChecked(atEnd.checked)).report.purchases).toBeGreaterThan(mean * 1.1);
  });

  it('runs alike on both engines, user by user, with a journey that touches and offers, launched a month after the data', () => {
    const template = instantiateTemplate(getTemplate('churn-win-back')!, 'en');
    const journey = { ...template, settings: { ...template.settings, launch: { date: isoDate(lastDay + 30), time: '09:00', timeZone: 'Asia/Shanghai' as const } } };
    const compiled = compileJourneyInput(journey);
    if (!compiled.ok) throw new Error('the template does not compile');
    const model = buildModel(compiled.document, compiled.config, cohort, { seed: 3, users: 2357, population: populationOf(3) });
    const fast = runRange(model, 'fast', 0, model.users, { trace: () => true, traceTwins: true });
    const reference = runRange(model, 'reference', 0, model.users, { trace: () => true, traceTwins: true });
    for (let user = 0; user < model.users; user++) {
      expect(JSON.stringify(fast.traces.get(user))).toBe(JSON.stringify(reference.traces.get(user)));
      expect(JSON.stringify(fast.twinTraces.get(user) ?? [])).toBe(JSON.stringify(reference.twinTraces.get(user) ?? []));
    }
    expect([...fast.counters]).toEqual([...reference.counters]);
  });

  it('gives the same report whatever the number of workers', async () => {
    const journey = instantiateTemplate(getTemplate('churn-win-back')!, 'en');
    const checked = checkSimulation({ journey, cohort: fitted.cohort, seed: 5, population: populationOf(5) });
    if (!checked.ok) throw new Error('refused');
    const one = await simulateChecked(checked.checked, { workers: 1 });
    const three = await simulateChecked(checked.checked, { workers: 3 });
    expect(JSON.stringify(three.report)).toBe(JSON.stringify(one.report));
  });

  it('round-trips through its file, ids salted and hashed unless kept, and refuses a damaged file by column', () => {
    const population = populationOf(1);
    const hashed = populationDocument(populationData(population, imported.table.customers, { cohort: 'cdnow', seed: 1, salt: 'pepper', segments: cohort.segments.map((segment) => segment.id), source: '0'.repeat(64) }));
    expect(hashed.columns.customer[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(hashed.columns.customer).not.toContain(imported.table.customers[0]);
    expect(populationDocument(populationData(population, imported.table.customers, { cohort: 'cdnow', seed: 1, salt: null, segments: cohort.segments.map((segment) => segment.id), source: null })).columns.customer[0]).toBe(imported.table.customers[population.customer[0]!]);
    const read = readPopulation(JSON.parse(JSON.stringify(hashed)));
    if (!read.ok) throw new Error('the file does not read back');
    expect(read.cohort).toBe('cdnow');
    // Read against its cohort by segment id: the same cohort with its segments reordered renumbers them;
    // a cohort without one of them, or of other data, is refused.
    const reordered = { ...fitted.cohort, segments: [...fitted.cohort.segments].reverse() };
    const aligned = populationForCohort(read, reordered);
    if (!aligned.ok) throw new Error('a reordered cohort should fit');
    expect(reordered.segments[aligned.population.segment[0]!]!.id).toBe(cohort.segments[population.segment[0]!]!.id);
    expect(populationForCohort(read, { ...fitted.cohort, segments: fitted.cohort.segments.slice(1) })).toMatchObject({ ok: false, problem: { key: 'core.calibration.population.unknownSegment' } });
    expect(populationForCohort(read, { ...fitted.cohort, provenance: { sources: [{ role: 'transactions', sha256: '1'.repeat(64) }] } })).toMatchObject({ ok: false, problem: { key: 'core.calibration.population.otherData' } });
    expect(populationForCohort(read, { ...fitted.cohort, id: 'other' })).toMatchObject({ ok: false, problem: { key: 'core.calibration.population.otherCohort' } });
    expect([...read.population.lambdaPerDay]).toEqual([...population.lambdaPerDay]);
    expect([...read.population.alive]).toEqual([...population.alive]);
    const damaged = JSON.parse(JSON.stringify(hashed));
    damaged.columns.dropout.pop();
    expect(readPopulation(damaged)).toMatchObject({ ok: false, problem: { key: 'core.calibration.population.lengths', values: { column: 'dropout' } } });
    expect(readPopulation({ ...hashed, schemaVersion: 3 })).toMatchObject({ ok: false });
    // A version 1 file (no profile values) still reads: AddProfileColumns gives it none.
    const { profile: _profile, ...version1 } = JSON.parse(JSON.stringify(hashed));
    const old = readPopulation({ ...version1, schemaVersion: 1 });
    expect(old).toMatchObject({ ok: true, population: { attributes: [], tags: [] } });
    // And down again, for an older Journey Lab: the profile columns go, nothing else changes.
    const down = AddProfileColumns.down(JSON.parse(JSON.stringify(hashed)));
    expect(down).toEqual({ ...version1, schemaVersion: 1 });
    expect(AddProfileColumns.up(down)).toEqual({ ...JSON.parse(JSON.stringify(hashed)), profile: { attributes: [], tags: [] } });
    // A population whose segments the cohort does not have is refused before the run.
    const other = populationOf(1);
    other.segment[10] = 7;
    const checked = checkSimulation({ journey: idle, cohort: fitted.cohort, population: other });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]).toMatchObject({ code: 'simulation-settings', location: { path: ['population', 'segment', 10] } });
  });

  it('gives each customer the attributes and tags of their own profile, on both engines, through the file', () => {
    // Every third customer has a profile: a city by the digits of their id, an age, a tag for even ids.
    const ids = imported.table.customers;
    const rows = ids.filter((_, index) => index % 3 === 0).map((id) => `${id},${Number(id) % 2 === 0 ? 'Shanghai' : 'Beijing'},${20 + (Number(id) % 50)},${Number(id) % 2 === 0 ? 'vip' : ''}`);
    const stream = createProfileImport(imported.customerIndex);
    stream.push(new TextEncoder().encode(`customer,city,age,tags\n${rows.join('\n')}\n`));
    const profiles = stream.finish();
    expect(profiles.problem).toBeNull();
    const withProfiles = fitImported(imported, profiles, { calibrationEnd: null, segmentBy: 'rfm', preset: getPreset('ecommerce')!, id: 'cdnow', name: { en: 'CDNOW', 'zh-CN': 'CDNOW' }, sources: [source] });
    if (withProfiles.problem) throw new Error('the fit with profiles failed');
    const data = populationOfFit(imported, withProfiles, { segmentBy: 'rfm', seed: 2, salt: null });
    const read = readPopulation(JSON.parse(JSON.stringify(populationDocument(data))));
    if (!read.ok) throw new Error('the file does not read back');
    const aligned = populationForCohort(read, withProfiles.cohort);
    if (!aligned.ok) throw new Error('refused');
    const profiled = checkCohort(withProfiles.cohort).spec as CheckedCohortSpec;
    const compiledIdle = compileJourneyInput(idle);
    if (!compiledIdle.ok) throw new Error('idle does not compile');
    const model = buildModel(compiledIdle.document, compiledIdle.config, profiled, { seed: 2, users: data.population.size, population: aligned.population });
    let checkedCustomers = 0;
    for (let user = 0; user < data.population.size; user++) {
      const id = read.customer[user]!;
      const own = model.generator.user(user);
      if (ids.indexOf(id) % 3 === 0) {
        checkedCustomers++;
        expect(own.attributes.city).toBe(Number(id) % 2 === 0 ? 'Shanghai' : 'Beijing');
        expect(own.attributes.age).toBe(20 + (Number(id) % 50));
        expect(own.tags.includes('vip')).toBe(Number(id) % 2 === 0);
      } else expect(own.tags.includes('vip')).toBe(false);
    }
    expect(checkedCustomers).toBe(rows.length);
    // A journey branching on the profile's city: both engines send each customer the same way.
    const journey: JourneyDocumentInput = {
      ...idle,
      nodes: [
        idle.nodes![0]!,
        { id: 'city', kind: 'branch', stage: 'awareness', params: { cases: [{ label: 'Shanghai', condition: { attribute: 'city', op: '=', value: 'Shanghai' } }] } },
        { id: 'out', kind: 'exit', stage: 'awareness', params: {} },
        { id: 'other', kind: 'exit', stage: 'awareness', params: {} },
      ],
      edges: [
        { id: 'a', source: 'start', sourcePort: 'next', target: 'city' },
        { id: 'b', source: 'city', sourcePort: 'case-1', target: 'out' },
        { id: 'c', source: 'city', sourcePort: 'else', target: 'other' },
      ],
    };
    const compiled = compileJourneyInput(journey);
    if (!compiled.ok) throw new Error(`the branch journey does not compile: ${JSON.stringify(compiled)}`.slice(0, 400));
    const run = buildModel(compiled.document, compiled.config, profiled, { seed: 2, users: data.population.size, population: aligned.population });
    const fast = runRange(run, 'fast', 0, run.users, { trace: () => true });
    const reference = runRange(run, 'reference', 0, run.users, { trace: () => true });
    for (let user = 0; user < run.users; user++) expect(JSON.stringify(fast.traces.get(user))).toBe(JSON.stringify(reference.traces.get(user)));
    expect([...fast.counters]).toEqual([...reference.counters]);
  });
});
