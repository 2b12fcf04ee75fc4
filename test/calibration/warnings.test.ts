/**
 * What the fits say about data that cannot support them, and what the summaries refuse; both as
 * catalog messages that read in English and Chinese.
 */
import IntlMessageFormat from 'intl-messageformat';
import {
  CalibrationInputError,
  customerSummaries,
  fitBgNbd,
  fitGammaGamma,
  fitWarningMessage,
  simulateCustomers,
  type CustomerSummaries,
  type FitWarning,
  type FitWarningCode,
} from '../../src/core/calibration';
import type { Message } from '../../src/core/i18n';
import en from '../../src/locales/en.json';
import zh from '../../src/locales/zh-CN.json';

/** The message in one catalog, its parameters filled in. */
function render(problem: Message, catalog: unknown, language: string): string {
  const text = problem.key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);
  expect(typeof text, `${problem.key} in ${language}`).toBe('string');
  return String(new IntlMessageFormat(text as string, language).format(problem.values as Record<string, string | number>));
}

const codes = (warnings: readonly FitWarning[]): FitWarningCode[] => [...new Set(warnings.map((warning) => warning.code))];

function summariesOf(rows: [x: number, tx: number, T: number, m?: number][]): CustomerSummaries {
  return customerSummaries({
    frequency: rows.map((row) => row[0]),
    recency: rows.map((row) => row[1]),
    age: rows.map((row) => row[2]),
    meanRepeatValue: rows.map((row) => row[3] ?? NaN),
  });
}

describe('fit warnings', () => {
  it('nobody buying again: too few repeat customers, and a, b undetermined', () => {
    const fit = fitBgNbd(summariesOf(Array.from({ length: 200 }, (_, i) => [0, 0, 20 + (i % 50)])));
    expect(codes(fit.warnings)).toEqual(expect.arrayContaining(['too-few-repeat-customers', 'parameter-at-bound']));
    expect(fit.warnings[0]).toEqual({
      code: 'too-few-repeat-customers',
      values: { repeatCustomers: 0, customers: 200, minimumCustomers: 30, minimumShare: 0.01 },
    });
    expect(fit.standardErrors).toBeNull();
  });

  it('ten customers: too few repeat customers', () => {
    const rows: [number, number, number][] = [[0, 0, 30], [1, 5, 30], [2, 20, 28], [0, 0, 25], [3, 18, 26], [1, 2, 31], [0, 0, 29], [4, 27, 30], [0, 0, 33], [2, 9, 24]];
    const fit = fitBgNbd(summariesOf(rows));
    expect(codes(fit.warnings)).toContain('too-few-repeat-customers');
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });

  it('repeat customers under 1 % of many: too few repeat customers, even above 30 of them', () => {
    const rows = Array.from({ length: 5000 }, (_, i): [number, number, number] => (i < 40 ? [1 + (i % 3), 10, 40] : [0, 0, 40]));
    expect(codes(fitBgNbd(summariesOf(rows)).warnings)).toContain('too-few-repeat-customers');
  });

  it('a parameter running off to a bound', () => {
    // Everyone buys again and nobody drops out: the dropout shape a heads for 0.
    const rows = Array.from({ length: 400 }, (_, i): [number, number, number] => [5 + (i % 7), 39.5, 40]);
    const fit = fitBgNbd(summariesOf(rows));
    expect(fit.warnings).toContainEqual({ code: 'parameter-at-bound', values: { reason: 'bound', parameter: 'a', value: fit.params.a } });
  });

  it('a fit stopped before it converged', () => {
    const { summaries } = simulateCustomers({ params: { r: 0.5, alpha: 10, a: 0.8, b: 3 }, firstPurchase: new Float64Array(500), calibrationEnd: 200, seed: 3 });
    const stopped = fitBgNbd(summaries, { maxIterations: 2 });
    expect(stopped.converged).toBe(false);
    expect(stopped.warnings).toContainEqual({ code: 'no-convergence', values: { iterations: 2, gradientNorm: expect.any(Number) as number } });
    expect(codes(fitBgNbd(summaries).warnings)).toEqual([]);
  });

  it('gamma-gamma on ten repeat customers: too few', () => {
    const rows = Array.from({ length: 10 }, (_, i): [number, number, number, number] => [1 + (i % 3), 10, 20, 20 + 3 * i]);
    const fit = fitGammaGamma(summariesOf(rows));
    expect(fit.customers).toBe(10);
    expect(codes(fit.warnings)).toContain('too-few-repeat-customers');
  });

  it.each<FitWarning>([
    { code: 'too-few-repeat-customers', values: { repeatCustomers: 12, customers: 4000, minimumCustomers: 30, minimumShare: 0.01 } },
    { code: 'too-few-repeat-customers', values: { repeatCustomers: 12, customers: 12, minimumCustomers: 30, minimumShare: 0 } },
    { code: 'parameter-at-bound', values: { reason: 'bound', parameter: 'a', value: 3.2e-6 } },
    { code: 'parameter-at-bound', values: { reason: 'bound', parameter: 'alpha', value: 2.5e7 } },
    { code: 'parameter-at-bound', values: { reason: 'flat-likelihood' } },
    { code: 'no-convergence', values: { iterations: 500, gradientNorm: 0.0123 } },
  ])('reads in both languages: $code', (warning) => {
    const problem = fitWarningMessage(warning);
    const english = render(problem, en, 'en');
    const chinese = render(problem, zh, 'zh-CN');
    // The counts appear as they are (a parameter's value is rounded: checked below).
    const counts = Object.entries(warning.values).filter(([key, v]) => key !== 'value' && typeof v === 'number' && Number.isInteger(v) && v > 1);
    for (const [, value] of counts) {
      expect(english).toContain(String(value));
      expect(chinese).toContain(String(value));
    }
    if (warning.code === 'too-few-repeat-customers') expect(english.includes('1%')).toBe(warning.values.minimumShare > 0);
    if (warning.code === 'parameter-at-bound' && warning.values.reason === 'bound') {
      const symbol = warning.values.parameter === 'alpha' ? 'α' : warning.values.parameter;
      expect(english).toContain(`${symbol} went to ${warning.values.value.toPrecision(3)}`);
    }
  });
});

describe('customer summaries refuse bad input, naming the customer', () => {
  it.each([
    ['a fractional frequency', { frequency: [1, 2.5], recency: [1, 2], age: [3, 3] }, 'core.calibration.input.frequency', 2],
    ['a negative age', { frequency: [0], recency: [0], age: [-1] }, 'core.calibration.input.age', 1],
    ['recency beyond age', { frequency: [1, 1, 1], recency: [1, 2, 5], age: [3, 3, 3] }, 'core.calibration.input.recency', 3],
    ['recency without a repeat purchase', { frequency: [0], recency: [2], age: [3] }, 'core.calibration.input.recency', 1],
    ['a negative mean value', { frequency: [1], recency: [1], age: [3], meanRepeatValue: [-4] }, 'core.calibration.input.meanRepeatValue', 1],
  ])('%s', (_, columns, key, customer) => {
    let error: unknown;
    try {
      customerSummaries(columns);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CalibrationInputError);
    const { problem } = error as CalibrationInputError;
    expect(problem.key).toBe(key);
    expect(problem.values?.customer).toBe(customer);
    expect(render(problem, en, 'en')).toContain(`Customer ${customer}`);
    expect(render(problem, zh, 'zh-CN')).toContain(`第 ${customer} 位客户`);
  });

  it('columns of different lengths and a bad time unit', () => {
    expect(() => customerSummaries({ frequency: [0, 1], recency: [0], age: [1, 2] })).toThrow(/lengthMismatch/);
    expect(() => customerSummaries({ frequency: [0], recency: [0], age: [1], timeUnitDays: 0 })).toThrow(/timeUnit/);
  });

  it('drops a mean value given without repeat purchases, and keeps unknown ones', () => {
    const summaries = customerSummaries({ frequency: [0, 2, 1], recency: [0, 3, 1], age: [4, 4, 4], meanRepeatValue: [10, 12.5, NaN] });
    expect(Array.from(summaries.meanRepeatValue)).toEqual([NaN, 12.5, NaN]);
    expect(summaries.timeUnitDays).toBe(1);
  });
});
