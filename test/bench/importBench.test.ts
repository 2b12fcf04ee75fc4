// The import benchmark (bench/import.ts): its generated files are what it claims, it still runs end to
// end on a tiny file without a wrong result, it judges its targets and finds wrong results from given
// figures, and reads its options. Its timings are the benchmark's job (npm run bench:import), not the
// unit suite's.
import { formatTable, parseOptions, runImportBench, targetChecks, TARGETS, wrongResults, type ImportFigures } from '../../bench/import';
import { chunksOf, generateTransactionFile, GENERATOR } from '../../bench/importData';
import { isoDate } from '../../src/core/calibration/import';

describe('import benchmark files', () => {
  it('have exactly the rows asked for, a header, ids like C0001234, ISO dates in order over two years and amounts with cents', () => {
    const file = generateTransactionFile(5_000, 7);
    const lines = new TextDecoder().decode(file.bytes).split('\n');
    expect(lines[0]).toBe('customer_id,order_date,amount');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map((line) => line.split(','));
    expect(rows).toHaveLength(5_000);
    for (const [id, date, amount] of rows) {
      expect(id).toMatch(/^C\d{7}$/);
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(amount).toMatch(/^\d+\.\d{2}$/);
    }
    const dates = rows.map((row) => row[1]!);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]! >= isoDate(GENERATOR.firstDay) && dates.at(-1)! <= isoDate(GENERATOR.firstDay + GENERATOR.days - 1)).toBe(true);
    expect(new Set(rows.map((row) => row[0])).size).toBe(file.customers);
    expect(file.customers).toBeLessThan(5_000 / 2);
  });

  it('depend on the seed and size only, and are cut into 1 MiB views of the same bytes', () => {
    expect(generateTransactionFile(2_000, 3).bytes).toEqual(generateTransactionFile(2_000, 3).bytes);
    expect(generateTransactionFile(2_000, 4).bytes).not.toEqual(generateTransactionFile(2_000, 3).bytes);
    const bytes = new Uint8Array(2.5 * 1024 * 1024);
    expect(chunksOf(bytes).map((chunk) => chunk.length)).toEqual([1 << 20, 1 << 20, 1 << 19]);
  });
});

describe('import benchmark smoke run', () => {
  it('runs every phase on a tiny file without a wrong result and prints a result for every target', () => {
    const result = runImportBench({ sizes: [3_000], runs: 1, quick: true, log: () => {} });
    expect(wrongResults(result.files)).toEqual([]);
    expect(result.files[0]!.found).toMatchObject({ parsedRows: 3_000, importedRows: 3_000, rejectedRows: 0, importProblem: null, fitConverged: true });
    const table = formatTable(result);
    const targetRows = table.split('\n').filter((line) => /^(whole import ÷ parse, |peak memory per row, |population ÷ synthetic)/.test(line));
    expect(targetRows.map((line) => line.trimEnd().split(/ {2,}/).at(-1))).toEqual([expect.stringMatching(/^(PASS|MISS)$/), expect.stringMatching(/^(PASS|MISS)$/), '—']);
    expect(table).toContain('not measured in this run');
  });
});

/** One file's figures: by default every target met (2× the parse, 50 B per row) and every result right. */
function figures(patch: { wholeOverParse?: number; peakBytesPerRow?: number; found?: Partial<ImportFigures['found']> } = {}): ImportFigures {
  const runs = { parse: [1], import: [1.5], summarise: [0.1], fit: [0.4] };
  return {
    rows: 100_000,
    customers: 20_000,
    fileBytes: 2_600_000,
    seconds: { parse: 1, import: 1.5, summarise: 0.1, fit: 0.4 },
    runs,
    wholeOverParse: patch.wholeOverParse ?? 2,
    fitOverParse: 0.4,
    memory: { peakBytesPerRow: patch.peakBytesPerRow ?? 50, keptBytesPerRow: 40 },
    found: { parsedRows: 100_000, importedRows: 100_000, rejectedRows: 0, importProblem: null, importedCustomers: 20_000, summarisedCustomers: 20_000, fitConverged: true, ...patch.found },
    fitted: { r: 0.5, alpha: 20, a: 0.8, b: 4 },
  };
}

describe('import benchmark targets', () => {
  it('are met at the targets and missed past them; the population target is never given a number', () => {
    const met = (file: ImportFigures) => targetChecks([file]).map((check) => check.met);
    expect(met(figures({ wholeOverParse: TARGETS.wholeOverParse, peakBytesPerRow: TARGETS.bytesPerRow }))).toEqual([true, true, null]);
    expect(met(figures({ wholeOverParse: TARGETS.wholeOverParse + 0.01, peakBytesPerRow: TARGETS.bytesPerRow + 1 }))).toEqual([false, false, null]);
    expect(targetChecks([]).at(-1)).toMatchObject({ value: 'not measured in this run', met: null });
    expect(targetChecks([], { customers: 1000, syntheticSeconds: 1, populationSeconds: 1.1, ratio: 1 / 1.1 }).at(-1)).toMatchObject({ name: '1,000-customer population ÷ synthetic cohort', met: true });
  });

  it('find no wrong result in right figures, and name lost rows, rejected rows, lost customers and a failed fit', () => {
    expect(wrongResults([figures()])).toEqual([]);
    expect(wrongResults([figures({ found: { parsedRows: 99_999, rejectedRows: 2, summarisedCustomers: 19_999, fitConverged: false } })])).toEqual([
      'Parsing the 100,000-row file gave 99999 rows.',
      'Importing the 100,000-row file read 100000 rows and rejected 2.',
      'Of 20000 customers in the 100,000-row file, the import found 20000 and the summary 19999.',
      'The BG/NBD fit of the 100,000-row file did not converge.',
    ]);
  });
});

describe('import benchmark options', () => {
  it('runs 100,000 and 1,000,000 rows by default, only 100,000 once with --quick, and reads sizes with underscores', () => {
    const options = (argv: string[]) => {
      const parsed = parseOptions(argv);
      if (parsed === 'help') throw new Error('not help');
      return parsed;
    };
    expect(options([]).options).toMatchObject({ sizes: [100_000, 1_000_000], runs: 3 });
    expect(options(['--quick']).options).toMatchObject({ sizes: [100_000], runs: 1, quick: true });
    expect(options(['--rows', '5_000,20000', '--runs', '2', '--json'])).toMatchObject({ json: true, options: { sizes: [5_000, 20_000], runs: 2 } });
    expect(parseOptions(['-h'])).toBe('help');
    expect(() => parseOptions(['--rows', '100,0'])).toThrow('--rows must be a whole number ≥ 1, not "0".');
    expect(() => parseOptions(['--runs', 'x'])).toThrow('--runs must be a whole number ≥ 1, not "x".');
  });
});

describe('the population throughput figure', () => {
  it('simulates a population made from the cohort’s priors and a synthetic cohort of the same size', async () => {
    const { measurePopulationThroughput, populationFromPriors } = await import('../../bench/populationThroughput');
    const population = populationFromPriors(500, 3);
    expect(population.size).toBe(500);
    expect(population.alive.every((value) => value === 1)).toBe(true);
    expect(Math.max(...population.dropout)).toBeLessThanOrEqual(1);
    const figure = await measurePopulationThroughput(300, 1);
    expect(figure.customers).toBe(300);
    expect(figure.ratio).toBeGreaterThan(0);
  });
});
