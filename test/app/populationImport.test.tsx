// A population made by `journey-lab fit --population` imported into its fitted cohort in the browser:
// read against the cohort (by id, source and segment ids) and kept; a file of another cohort, or not
// JSON at all, is refused with a sentence that names the file, and nothing is kept.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { fitImported, populationDocument, populationOfFit } from '../../src/core/calibration';
import { importTransactions } from '../../src/core/calibration/import';
import { getPreset } from '../../src/core/cohort/presets';
import { CohortsHarness, newServices } from '../support/cohortsHarness';

const CDNOW = new Uint8Array(readFileSync(path.resolve(__dirname, '../../../shared/data/CDNOW_sample.txt')));
const imported = importTransactions([CDNOW], { mapping: { currency: 'USD' } });
const source = { role: 'transactions' as const, fileName: 'CDNOW_sample.txt', sha256: 'a'.repeat(64), bytes: CDNOW.length, rows: 6919, accepted: 6919, rejected: 0 };
const fitted = fitImported(imported, null, { calibrationEnd: null, segmentBy: 'rfm', preset: getPreset('ecommerce')!, id: 'cdnow', name: { en: 'CDNOW', 'zh-CN': 'CDNOW' }, sources: [source] });
if (fitted.problem) throw new Error('the CDNOW fit failed');
const file = (name: string, value: unknown) => new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });

describe('importing a population into its fitted cohort', { timeout: 60_000 }, () => {
  beforeEach(() => setLanguage('en'));

  it('keeps a population of this cohort and refuses one of another or a file that is not JSON', async () => {
    const services = newServices();
    await services.repository.cohorts.put(fitted.cohort as unknown as { id: string });
    const user = userEvent.setup();
    render(<CohortsHarness services={services} start="cdnow" />);
    const group = await screen.findByRole('group', { name: 'Population' });
    await within(group).findByText(/No population is kept for this cohort/);
    const input = within(group).getByLabelText('Population file to import');

    // A file too large for a browser tab is refused by its size, before it is read.
    const huge = file('huge.population.json', '{}');
    Object.defineProperty(huge, 'size', { value: 600 * 2 ** 20 });
    await user.upload(input, huge);
    expect(await within(group).findByRole('alert')).toHaveTextContent('Could not use “huge.population.json”: it is 600 MB, more than the 512 MB a browser reads safely');
    await user.upload(input, file('notes.population.json', '{ nope'));
    expect(await within(group).findByRole('alert')).toHaveTextContent('Could not use “notes.population.json”: it is not a JSON file.');
    const data = populationOfFit(imported, fitted, { segmentBy: 'rfm', seed: 1, salt: 'pepper' });
    await user.upload(input, file('other.population.json', populationDocument({ ...data, cohort: 'someone-else' })));
    expect(await within(group).findByRole('alert')).toHaveTextContent(/Could not use “other.population.json”: .*someone-else/);
    expect(await services.repository.populations.list()).toEqual([]);

    await user.upload(input, file('cdnow.population.json', populationDocument(data)));
    expect(await within(group).findByText(/2,357 customers as they stood on 1998-06-30/)).toBeInTheDocument();
    expect((await services.repository.populations.get('cdnow'))?.population.size).toBe(2357);
  });
});
