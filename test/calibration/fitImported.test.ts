// fitImported: the steps after reading shared by the app's worker and the CLI; createProfileImport: a
// profiles file read in chunks against the transactions' customers.
import { getPreset } from '../../src/core/cohort';
import { localized } from '../../src/core/i18n';
import { importTransactions, referenceDay } from '../../src/core/calibration/import';
import { createProfileImport } from '../../src/core/calibration/import/profileImport';
import { fitImported, type FitImportedOptions } from '../../src/core/calibration/fitImported';
import { segmentWarningMessage } from '../../src/core/calibration/segmentWarnings';

const encode = (text: string) => new TextEncoder().encode(text);
const source = { role: 'transactions' as const, fileName: 'orders.csv', sha256: '0'.repeat(64), bytes: 1, rows: 1, accepted: 1, rejected: 0 };
const options = (overrides: Partial<FitImportedOptions> = {}): FitImportedOptions => ({
  calibrationEnd: null,
  segmentBy: 'none',
  preset: getPreset('ecommerce')!,
  id: 'fitted',
  name: localized('Fitted', '拟合'),
  sources: [source],
  ...overrides,
});

/** 60 customers over a year, half in Beijing buying often, half in Shanghai buying rarely. */
function orders(): string {
  const lines = ['customer,date,amount'];
  for (let customer = 0; customer < 60; customer++) {
    const visits = customer % 2 === 0 ? 6 + (customer % 5) : 1 + (customer % 3);
    for (let visit = 0; visit < visits; visit++) {
      const day = 1 + ((customer * 7 + visit * 41) % 330);
      const date = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
      lines.push(`c${customer},${date},${(20 + ((customer * 13 + visit * 7) % 50)).toFixed(2)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const profilesText = () => `customer,city\n${Array.from({ length: 60 }, (_, customer) => `c${customer},${customer % 2 === 0 ? 'Beijing' : 'Shanghai'}`).join('\n')}\n`;

describe('fitImported', () => {
  const imported = () => importTransactions([encode(orders())]);

  it('fits everyone and returns a report and a cohort with provenance', () => {
    const result = fitImported(imported(), null, options({ calibrationEnd: referenceDay('2024-09-30') }));
    expect(result.problem).toBeNull();
    expect(result.report!.calibrationEnd).toBe('2024-09-30');
    expect(result.report!.segments).toHaveLength(1);
    expect(result.cohort!.provenance).toMatchObject({ calibrationEnd: '2024-09-30', sources: [source] });
  });

  it('refuses a calibration end outside the data, naming the dates', () => {
    const result = fitImported(imported(), null, options({ calibrationEnd: referenceDay('2023-01-01') }));
    expect(result.problem).toMatchObject({ key: 'core.calibration.fitting.calibrationOutside', values: { date: '2023-01-01' } });
  });

  it('needs profiles to segment by a column, and a column they have', () => {
    expect(fitImported(imported(), null, options({ segmentBy: { column: 'city' } })).problem).toMatchObject({ key: 'core.calibration.fitting.segmentNeedsProfiles' });
    const transactions = imported();
    const stream = createProfileImport(transactions.customerIndex);
    stream.push(encode(profilesText()));
    const profiles = stream.finish();
    expect(profiles.problem).toBeNull();
    expect(profiles.report.accepted).toBe(60);
    expect(fitImported(transactions, profiles, options({ segmentBy: { column: 'tier' } })).problem).toMatchObject({ key: 'core.calibration.fitting.unknownProfileColumn', values: { column: 'tier', columns: 'city' } });
    const bySegment = fitImported(transactions, profiles, options({ segmentBy: { column: 'city' } }));
    expect(bySegment.problem).toBeNull();
    expect(bySegment.report!.segments.map((segment) => [segment.value, segment.customers])).toEqual([
      ['Beijing', 30],
      ['Shanghai', 30],
    ].sort());
  });

  it('reads a profiles file split anywhere into chunks the same as whole', () => {
    const transactions = imported();
    const bytes = encode(profilesText());
    const split = createProfileImport(transactions.customerIndex);
    for (let at = 0; at < bytes.length; at += 7) split.push(bytes.slice(at, at + 7));
    expect(split.finish().report.accepted).toBe(60);
    expect(createProfileImport(transactions.customerIndex).finish().problem).toMatchObject({ key: 'core.calibration.import.profiles.noneUsable' });
  });

  it('words the procedure warnings with core keys', () => {
    expect(segmentWarningMessage({ code: 'pooled-fit', values: { segment: 'x' } }).key).toBe('core.calibration.segmentWarning.pooled');
    expect(segmentWarningMessage({ code: 'no-finite-mean', values: { q: 0.8123 } })).toMatchObject({ values: { q: '0.81' } });
  });
});
