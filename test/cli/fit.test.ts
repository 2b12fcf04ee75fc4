// `journey-lab fit`: a cohort fitted on a transaction file, written, checked and simulated, with every
// row accounted for and every refusal said in one sentence in both languages.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCohort } from '../../src/core/cohort/schema';
import type { CliIo } from '../../src/cli/main';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { getTemplate } from '../../src/core/templates/index';
import { gb18030 } from '../calibration/import/support';
import { runCli } from '../support/cliRun';

const CDNOW = readFileSync(fileURLToPath(new URL('../../../shared/data/CDNOW_sample.txt', import.meta.url)), 'utf8');
const files = { 'cdnow.txt': CDNOW };

/** An io whose files are bytes, read in small chunks (what a GB18030 file from Chinese Excel needs). */
const bytesIo = (byPath: Record<string, Uint8Array>, chunk = 7): Partial<CliIo> => ({
  readBytes: (path) => {
    const bytes = byPath[path];
    if (!bytes) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    return { size: bytes.length, chunks: Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, index) => bytes.subarray(index * chunk, (index + 1) * chunk)) };
  },
});

describe('journey-lab fit', { timeout: 60_000 }, () => {
  it('fits the CDNOW sample with the published estimates (time in days), writes a valid fitted cohort and its report', async () => {
    // Read as the CLI reads files, in chunks (here 64 KiB, so the sniffed start and the rest meet mid-line).
    const result = await runCli(['fit', 'cdnow.txt', '--calibration-end', '1997-09-30', '--currency', 'USD', '--out', 'c.json', '--report', 'fit.json'], {}, bytesIo({ 'cdnow.txt': new TextEncoder().encode(CDNOW) }, 1 << 16));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('cdnow.txt: 6,919 rows read, 6,919 accepted, 0 rejected (utf-8, whitespace-separated, no header).');
    expect(result.stdout).toContain('2,357 customers with first purchases from 1997-01-01; data to 1998-06-30; calibration to 1997-09-30 (inclusive).');
    expect(result.stdout).toMatch(/r = 0\.2426 \(SE [\d.]+\), α = 30\.9 \(SE [\d.]+\), a = 0\.7929 \(SE [\d.]+\), b = 2\.426/);
    expect(result.stdout).toMatch(/p = 6\.25 \(SE [\d.]+\), q = 3\.744 \(SE [\d.]+\), γ = 15\.44/);
    expect(result.stdout).toContain('Holdout check: 1,653 repeat purchases predicted over the 273 days after the calibration end, 1,882 made (-12.1 %).');
    // The other checks of Fader, Hardie & Lee, short: the tracking curve by quarter with the calibration
    // end marked, conditional expectations by frequency, and the spread of P(alive).
    expect(result.stdout).toMatch(/week 39: 2,457 actual, [\d,]+ predicted {2}← calibration end/);
    expect(result.stdout).toMatch(/7\+: 64 customers, [\d.]+ actual, [\d.]+ predicted/);
    expect(result.stdout).toMatch(/90–100 %: [\d,]+ customers/);

    const cohort = JSON.parse(result.written['c.json']!);
    const checked = checkCohort(cohort);
    expect(checked.problems).toEqual([]);
    expect(checked.spec!.size).toBe(2357);
    const behaviour = checked.spec!.segments[0]!.behaviour;
    expect(behaviour.purchase.r).toBeCloseTo(0.243, 3);
    expect(behaviour.purchase.alpha).toBeCloseTo(30.898, 0);
    expect(behaviour.purchase.a).toBeCloseTo(0.793, 3);
    expect(behaviour.purchase.b).toBeCloseTo(2.426, 2);
    expect(behaviour.orderValue).toMatchObject({ p: expect.closeTo(6.25, 2), q: expect.closeTo(3.74, 2), gamma: expect.closeTo(15.44, 1) });
    expect(cohort.provenance).toMatchObject({
      kind: 'fitted',
      sources: [{ role: 'transactions', fileName: 'cdnow.txt', rows: 6919, accepted: 6919, rejected: 0, bytes: new TextEncoder().encode(CDNOW).length }],
      firstDate: '1997-01-01',
      lastDate: '1998-06-30',
      calibrationEnd: '1997-09-30',
      currency: 'USD',
      holdout: { days: 273, actual: 1882 },
      filledFromPreset: { preset: 'ecommerce' },
    });
    expect(cohort.provenance.sources[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(cohort.provenance.filledFromPreset.fields).toContain('reach');
    expect(cohort.provenance.filledFromPreset.fields).not.toContain('behaviour.purchase');

    const report = JSON.parse(result.written['fit.json']!);
    expect(report).toMatchObject({ kind: 'journey-lab-fit-report', version: 1, calibrationEnd: '1997-09-30', holdoutDays: 273, customers: 2357 });
    expect(report.diagnostics.histogram[0]).toMatchObject({ frequency: 0, actual: 1411 });
    expect(report.diagnostics.conditional).toHaveLength(8);
    expect(report.diagnostics.alive.reduce((sum: number, bin: { customers: number }) => sum + bin.customers, 0)).toBe(2357);

    // The fitted cohort works wherever a cohort does.
    const journey = JSON.stringify(instantiateTemplate(getTemplate('churn-win-back')!, 'en'));
    const simulated = await runCli(['simulate', 'churn.json', '--cohort', 'c.json', '--json'], { 'churn.json': journey, 'c.json': result.written['c.json']! });
    expect(simulated.code).toBe(0);
    expect(JSON.parse(simulated.stdout).users).toBe(2357);
  });

  it('tracks the data: the last week’s actual cumulative repeat purchases are all repeat occasions, and the model is within 15 % of them', async () => {
    const result = await runCli(['fit', 'cdnow.txt', '--calibration-end', '1997-09-30', '--out', 'c.json', '--json'], files);
    const report = JSON.parse(result.stdout);
    const { tracking } = report.diagnostics;
    // 78 weeks from 1 January 1997 to 30 June 1998; by then the 2,457 repeat purchase days of the
    // calibration period (Σx, the figure behind the paper's log-likelihood in weeks against days) and
    // the holdout's 1,882.
    expect(tracking).toHaveLength(78);
    const last = tracking.at(-1);
    expect(last.actual).toBe(2457 + 1882);
    // By the calibration end (week 39), the calibration's 2,457 exactly.
    expect(tracking[38].actual).toBe(2457);
    expect(report.diagnostics.customers).toBe(2357);
    expect(Math.abs(last.expected - last.actual) / last.actual).toBeLessThan(0.15);
    expect(report.diagnostics.calibrationEndWeek).toBeCloseTo(273 / 7, 10);
  });

  it('segments by RFM tier, pooling the fit of a tier too thin to fit alone, and says so', async () => {
    const result = await runCli(['fit', 'cdnow.txt', '--calibration-end', '1997-09-30', '--segment-by', 'rfm', '--out', 'c.json', '--json'], files);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.segments.map((segment: { id: string }) => segment.id)).toEqual(['rfm_high', 'rfm_middle', 'rfm_low']);
    const low = report.segments.find((segment: { id: string }) => segment.id === 'rfm_low');
    expect(low.pooled).toBe(true);
    // Pooled, every segment has a purchase fit, so the checks cover every customer and say nothing of coverage.
    expect(report.diagnostics.customers).toBe(2357);
    expect(low.warnings.map((warning: { code: string }) => warning.code)).toContain('pooled-fit');
    const cohort = checkCohort(JSON.parse(result.written['c.json']!));
    expect(cohort.problems).toEqual([]);
    expect(cohort.spec!.segments.map((segment) => segment.share)).toEqual([31.01, 22.91, 46.08]);
    // The high tier's customers are those with the best RFM scores: its score 5 shares are high.
    expect(cohort.spec!.segments[0]!.rfm.frequency[4]).toBeGreaterThan(40);
  });

  it('segments by a profile column, reading a GB18030 file in chunks that split its characters', async () => {
    const transactions = 'customer,date,amount\n' + Array.from({ length: 400 }, (_, index) => `c${index % 100},2024-0${1 + (index % 6)}-1${index % 10},${10 + (index % 7)}`).join('\n');
    const profiles = '会员ID,会员等级\n' + Array.from({ length: 100 }, (_, index) => `c${index},${index % 2 ? '金卡' : '银卡'}`).join('\n');
    const io = bytesIo({ 'orders.csv': new TextEncoder().encode(transactions), 'profiles.csv': gb18030(profiles) });
    const result = await runCli(['fit', 'orders.csv', '--profiles', 'profiles.csv', '--segment-by', '会员等级', '--out', 'c.json', '--json'], {}, io);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.segments.map((segment: { value: string }) => segment.value).sort()).toEqual(['金卡', '银卡']);
    const cohort = JSON.parse(result.written['c.json']!);
    expect(checkCohort(cohort).problems).toEqual([]);
    expect(cohort.provenance.sources.map((source: { role: string }) => source.role)).toEqual(['transactions', 'profiles']);
    expect(cohort.provenance.segmentBy).toEqual({ column: '会员等级' });
    // The profile column is an attribute of the cohort, named as in the file, distributed as in each segment.
    expect(cohort.attributes.profile_1).toEqual({ name: { en: '会员等级', 'zh-CN': '会员等级' }, values: ['银卡', '金卡'] });
    const gold = cohort.segments.find((segment: { name: { en: string } }) => segment.name.en === '金卡');
    expect(gold.attributes.profile_1).toEqual({ 金卡: 100 });
    expect(cohort.provenance.filledFromPreset.fields).not.toContain('segments.attributes');
  });

  it('gives values that differ only in case their own segments, and refuses a column with more values than segments can be fitted', async () => {
    const transactions = 'customer,date,amount\n' + Array.from({ length: 600 }, (_, index) => `c${index % 200},2024-0${1 + (index % 6)}-1${index % 10},${10 + (index % 7)}`).join('\n');
    const cities = 'customer,city,age\n' + Array.from({ length: 200 }, (_, index) => `c${index},${index % 2 ? 'Shanghai' : 'shanghai'},${index}`).join('\n');
    const inputs = { 'orders.csv': transactions, 'profiles.csv': cities };
    const byCity = await runCli(['fit', 'orders.csv', '--profiles', 'profiles.csv', '--segment-by', 'city', '--out', 'c.json', '--json'], inputs);
    expect(byCity.code).toBe(0);
    expect(JSON.parse(byCity.stdout).segments.map((segment: { id: string; value: string }) => [segment.id, segment.value])).toEqual([
      ['shanghai', 'shanghai'],
      ['shanghai_2', 'Shanghai'],
    ]);
    expect(checkCohort(JSON.parse(byCity.written['c.json']!)).problems).toEqual([]);
    const byAge = await runCli(['fit', 'orders.csv', '--profiles', 'profiles.csv', '--segment-by', 'age', '--out', 'c.json'], inputs);
    expect(byAge.code).toBe(1);
    expect(byAge.stderr).toContain('The profile column “age” has 200 values among the customers; a fit makes at most 100 segments');
    expect(byAge.written).toEqual({});
  });

  it('measures channel responses and open hours from campaign history into the cohort, per segment where sends name customers', async () => {
    const sends = ['客户ID,渠道,发送时间,打开,点击,退订'];
    for (let send = 0; send < 3000; send++) {
      const customer = String(1 + (send % 2357)).padStart(5, '0');
      const hour = send % 3 === 0 ? 20 : 10;
      sends.push(`${customer},短信,1997-05-${String(1 + (send % 28)).padStart(2, '0')} ${hour}:00,${send % 5 < (hour === 20 ? 3 : 2) ? 1 : 0},${send % 50 === 0 ? 1 : 0},${send % 500 === 0 ? 1 : 0}`);
    }
    const inputs = { ...files, 'sends.csv': sends.join('\n') };
    const result = await runCli(['fit', 'cdnow.txt', '--calibration-end', '1997-09-30', '--campaigns', 'sends.csv', '--out', 'c.json'], inputs);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('sends.csv: 3,000 rows of campaign history read, 3,000 accepted, 0 rejected.');
    expect(result.stdout).toMatch(/SMS, all customers: 3,000 delivered; opened 46\.\d\d % \(4\d\.\d\d–4\d\.\d\d\)/);
    const cohort = JSON.parse(result.written['c.json']!);
    expect(checkCohort(cohort).problems).toEqual([]);
    const sms = cohort.segments[0].behaviour.response.sms;
    expect(sms.open).toBeCloseTo(1400.5 / 3001, 6);
    expect(cohort.timing.openByHour.sms[20] / cohort.timing.openByHour.sms[10]).toBeCloseTo(0.6 / 0.4, 1);
    expect(cohort.provenance.responses).toHaveLength(1);
    expect(cohort.provenance.sources.map((source: { role: string }) => source.role)).toEqual(['transactions', 'campaigns']);
    expect(cohort.provenance.filledFromPreset.fields).not.toContain('behaviour.response');
    expect(cohort.provenance.filledFromPreset.fields).not.toContain('timing');

    const noChannel = await runCli(['fit', 'cdnow.txt', '--campaigns', 'bad.csv', '--out', 'c.json'], { ...files, 'bad.csv': 'customer,opened\n1,1\n' });
    expect(noChannel.code).toBe(1);
    expect(noChannel.stderr).toContain('bad.csv cannot be used: it has no channel column');
  });

  it('writes a population of the real customers, ids hashed, that simulate runs with its fitted cohort', async () => {
    const result = await runCli(['fit', 'cdnow.txt', '--out', 'c.json', '--population', 'p.json'], files);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Wrote the population p\.json: 2,357 customers as they stood on 1998-06-30, [\d,]+ of them still active/);
    const document = JSON.parse(result.written['p.json']!);
    expect(document).toMatchObject({ kind: 'journey-lab-population', schemaVersion: 2, cohort: 'fitted-customers', asOf: '1998-06-30', idsHashed: true });
    expect(document.columns.customer[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(CDNOW).not.toContain(document.columns.customer[0]);
    const kept = await runCli(['fit', 'cdnow.txt', '--out', 'c.json', '--population', 'p.json', '--keep-ids'], files);
    expect(JSON.parse(kept.written['p.json']!).columns.customer[0]).toBe('00004');

    const journey = JSON.stringify(instantiateTemplate(getTemplate('churn-win-back')!, 'en'));
    const inputs = { 'churn.json': journey, 'c.json': result.written['c.json']!, 'p.json': result.written['p.json']! };
    const simulated = await runCli(['simulate', 'churn.json', '--cohort', 'c.json', '--population', 'p.json', '--json', '--workers', '1'], inputs);
    expect(simulated.code).toBe(0);
    expect(JSON.parse(simulated.stdout).users).toBe(2357);
    const withoutCohort = await runCli(['simulate', 'churn.json', '--population', 'p.json'], inputs);
    expect(withoutCohort.code).toBe(2);
    expect(withoutCohort.stderr).toContain('--population needs the fitted cohort it was made with');
    const withUsers = await runCli(['simulate', 'churn.json', '--cohort', 'c.json', '--population', 'p.json', '--users', '100'], inputs);
    expect(withUsers.code).toBe(1);
    expect(withUsers.stderr).toContain('A population simulates each of its 2,357 customers once');
    const other = JSON.stringify({ ...JSON.parse(result.written['c.json']!), id: 'someone-else' });
    const mismatched = await runCli(['simulate', 'churn.json', '--cohort', 'other.json', '--population', 'p.json'], { ...inputs, 'other.json': other });
    expect(mismatched.code).toBe(1);
    expect(mismatched.stderr).toContain('The population belongs to the cohort “fitted-customers”, not “someone-else”');
  });

  it('accounts for every rejected row by reason and line, and writes them for download', async () => {
    const text = 'id,date,amount\n1,2024-01-01,10\n,2024-01-02,5\n2,notadate,3\n3,2024-01-05,abc\n4,2024-01-06,-8\n';
    const result = await runCli(['fit', 'bad.csv', '--out', 'c.json', '--rejected', 'rejected.csv'], { 'bad.csv': text });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('bad.csv: 5 rows read');
    expect(result.stderr).toContain('1 rejected: no customer id (line 3)');
    expect(result.stderr).toContain('1 rejected: date not in the chosen format (line 4)');
    expect(result.stderr).toContain('1 rejected: amount is not a number (line 5)');
    expect(result.stderr).toContain('1 refund rows (negative amounts, -8.00 in all) are not purchases and were left out.');
    expect(result.written['rejected.csv']!.split('\n').filter(Boolean)).toHaveLength(4);
    // One customer with one purchase supports no fit: the preset's numbers are kept, and the summary says why.
    expect(result.stdout).toContain('BG/NBD: not fitted; the preset\'s purchase numbers are kept.');
    expect(result.stdout).toMatch(/Warning: Only 0 of 1 customers bought again/);
    expect(JSON.parse(result.written['c.json']!).provenance.fits[0].bgnbd).toBeNull();
  });

  it('refuses a file it cannot use in one sentence, in both languages, writing nothing', async () => {
    const empty = { 'empty.csv': 'id,date,amount\n' };
    const english = await runCli(['fit', 'empty.csv', '--out', 'c.json'], empty);
    expect(english.code).toBe(1);
    expect(english.stderr).toMatch(/^empty\.csv cannot be used: .+\.$/m);
    expect(english.written).toEqual({});
    const chinese = await runCli(['fit', 'empty.csv', '--out', 'c.json', '--lang', 'zh-CN'], empty);
    expect(chinese.code).toBe(1);
    expect(chinese.stderr).toMatch(/^empty\.csv 无法使用：.+/m);
    const outside = await runCli(['fit', 'cdnow.txt', '--calibration-end', '2001-01-01', '--out', 'c.json'], files);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('The calibration end 2001-01-01 is outside the data, which runs from 1997-01-01 to 1998-06-30');
  });

  it('says what is wrong with the arguments, with the usage', async () => {
    const cases: [string[], string][] = [
      [['fit', 'cdnow.txt'], 'Give the file to write the fitted cohort to: --out COHORT.json.'],
      [['fit', 'cdnow.txt', '--out', 'c.json', '--calibration-end', '30/09/1997'], '--calibration-end 30/09/1997 is not a date'],
      [['fit', 'cdnow.txt', '--out', 'c.json', '--date-format', 'yyyy'], '--date-format yyyy is not one of'],
      [['fit', 'cdnow.txt', '--out', 'c.json', '--segment-by', 'city'], '--segment-by city names a profile column'],
      [['fit', 'cdnow.txt', '--out', 'c.json', '--id-column', 'customer'], '--id-column customer: no column has that number or header'],
      [['fit', 'cdnow.txt', '--out', 'c.json', '--preset', 'shipping'], 'No cohort preset "shipping"'],
    ];
    for (const [args, expected] of cases) {
      const result = await runCli(args, files);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(expected);
      expect(result.stderr).toContain('Usage: journey-lab fit TRANSACTIONS');
    }
    const missing = await runCli(['fit', 'nowhere.csv', '--out', 'c.json'], files);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read nowhere.csv');
  });

  it('takes a corrected mapping: the columns by number, the date format and the currency', async () => {
    const text = '2024/01/05;A;12.50\n2024/02/05;A;30\n2024/01/07;B;8\n';
    const result = await runCli(['fit', 'orders.txt', '--delimiter', 'semicolon', '--header', 'no', '--id-column', '2', '--date-column', '1', '--amount-column', '3', '--date-format', 'ymd-slash', '--currency', 'EUR', '--out', 'c.json', '--json'], { 'orders.txt': text });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.import).toMatchObject({ rowsRead: 3, accepted: 3, currency: 'EUR', firstDate: '2024-01-05', lastDate: '2024-02-05' });
    expect(report.customers).toBe(2);
  });
});
