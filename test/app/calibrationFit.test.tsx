// The "Fit from your customer data" flow on the cohorts screen, under jsdom: there is no Worker here,
// so the job runs on this thread (inThreadFitRunner) with the real core — the CDNOW sample is sniffed,
// mapped, read, fitted and saved, and the cohort editor then shows where its numbers came from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { FitFromData } from '../../src/app/calibration/FitFromData';
import type { FitRunner } from '../../src/app/calibration/fitRunner';
import type { FitRequest } from '../../src/app/calibration/protocol';
import { CohortsHarness, newServices } from '../support/cohortsHarness';

const CDNOW = readFileSync(path.resolve(__dirname, '../../../shared/data/CDNOW_sample.txt'));
const cdnowFile = () => new File([CDNOW], 'CDNOW_sample.txt', { type: 'text/plain' });

const columnHeader = (table: HTMLElement, index: number) => within(table).getAllByRole('columnheader')[index]!;

/** Opens the dialog, picks `file` and waits for the preview. */
async function pickFile(user: ReturnType<typeof userEvent.setup>, file: File) {
  await user.click(await screen.findByRole('button', { name: 'Fit from your customer data…' }));
  const dialog = screen.getByRole('dialog', { name: 'Fit a cohort from your customer data' });
  await user.upload(within(dialog).getByLabelText(/^Transactions file/), file);
  const preview = await within(dialog).findByRole('table', { name: 'Preview of the first rows' });
  return { dialog, preview };
}

describe('Fit from your customer data', { timeout: 120_000 }, () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('guesses the CDNOW columns, fits with a calibration end, reports the holdout and saves a cohort with its provenance', async () => {
    const user = userEvent.setup();
    render(<CohortsHarness services={newServices()} />);
    const { dialog, preview } = await pickFile(user, cdnowFile());
    expect(within(dialog).getByText(/“CDNOW_sample.txt”, .* 5 columns/)).toBeInTheDocument();
    expect(columnHeader(preview, 0)).toHaveTextContent('Customer id');
    expect(columnHeader(preview, 2)).toHaveTextContent('Date');
    expect(columnHeader(preview, 4)).toHaveTextContent('Amount');
    expect(within(preview).getAllByRole('row')).toHaveLength(11);

    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    const customer = within(dialog).getByRole('combobox', { name: /^Customer id/ });
    expect(customer).toHaveValue('0');
    expect(within(dialog).getByRole('combobox', { name: 'Date format' })).toHaveValue('ymd-compact');
    expect(within(dialog).getByRole('list', { name: 'The first dates as read with this format' })).toHaveTextContent('19970101 → 1997-01-01');
    // Every guess can be corrected; a mapping without a customer id says so and cannot go on.
    await user.selectOptions(customer, '');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/customer id/);
    expect(within(dialog).getByRole('button', { name: 'Next' })).toBeDisabled();
    await user.selectOptions(customer, '0');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));

    const end = within(dialog).getByLabelText('Calibration end (inclusive)');
    await user.type(end, '1997-09-30');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Also keep a population: each of your customers as one simulated user' }));
    await user.click(within(dialog).getByRole('button', { name: 'Read and fit' }));
    const parameters = await within(dialog).findByRole('table', { name: 'Parameters: All customers' }, { timeout: 60_000 });
    const value = (symbol: string) => Number(within(parameters).getByRole('rowheader', { name: symbol }).nextElementSibling!.textContent);
    expect(value('r')).toBeCloseTo(0.243, 2);
    expect(value('α (days)')).toBeCloseTo(30.9, 0);
    expect(value('a')).toBeCloseTo(0.793, 2);
    expect(value('b')).toBeCloseTo(2.426, 1);
    expect(within(dialog).getByText(/6,919 rows read: 6,919 accepted, 0 rejected/)).toBeInTheDocument();
    expect(within(dialog).getByRole('group', { name: 'Holdout check' })).toHaveTextContent(/forecast error of repeat purchases over the 273-day holdout/);
    expect(within(dialog).getByRole('region', { name: 'Cumulative repeat purchases per week, actual vs predicted' })).toBeInTheDocument();
    expect(within(dialog).getByRole('img', { name: /Cumulative repeat purchases per week/ })).toBeInTheDocument();

    expect(within(dialog).getByText(/Saved with its population of 2,357 customers as they stood on 1998-06-30/)).toBeInTheDocument();
    const name = within(dialog).getByRole('textbox', { name: 'Name of the fitted cohort' });
    await user.clear(name);
    await user.type(name, 'CDNOW buyers');
    await user.click(within(dialog).getByRole('button', { name: 'Save cohort' }));
    const section = await screen.findByRole('region', { name: 'Fitted from data' }, { timeout: 20_000 });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(section).getByRole('list', { name: 'Source files' })).toHaveTextContent(/Transactions: “CDNOW_sample.txt”, .* 6,919 rows/);
    expect(within(section).getByText('1997-09-30')).toBeInTheDocument();
    expect(within(section).getByRole('note', { name: 'Assumptions, not measured:' })).toHaveTextContent(/E-commerce/);
    // The population is kept with it, ids hashed, and can be exported or removed.
    const kept = await within(section).findByRole('group', { name: 'Population' });
    await within(kept).findByRole('button', { name: 'Export population file' }, { timeout: 10_000 });
    expect(kept).toHaveTextContent(/2,357 customers as they stood on 1998-06-30; [\d,]+ of them still active/);
    expect(kept).toHaveTextContent(/salted and hashed/);
    expect(within(kept).getByRole('button', { name: 'Export population file' })).toBeEnabled();
    await user.click(within(kept).getByRole('button', { name: 'Remove population' }));
    expect(await within(kept).findByRole('status', {}, { timeout: 10_000 })).toHaveTextContent('The population was removed; the cohort stays.');
    expect(await within(kept).findByRole('button', { name: /Import population file/ }, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('says in one sentence why a file cannot be used, offers its rejected rows and goes back to the columns', async () => {
    const user = userEvent.setup();
    render(<CohortsHarness services={newServices()} />);
    const bad = new File(['customer,date,amount\nc1,2024-01-05,abc\nc2,2024-01-06,xyz\n'], 'bad.csv', { type: 'text/csv' });
    const { dialog } = await pickFile(user, bad);
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(within(dialog).getByRole('button', { name: 'Read and fit' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/\S/);
    expect(within(dialog).getByRole('list', { name: 'Rejected rows by reason' })).toHaveTextContent('2 × amount is not a number (lines 2, 3)');
    expect(within(dialog).getByRole('button', { name: 'Download rejected rows (CSV)' })).toBeEnabled();
    expect(within(dialog).queryByRole('button', { name: 'Save cohort' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Back to the columns' }));
    expect(within(dialog).getByRole('combobox', { name: /^Amount/ })).toBeInTheDocument();
  });

  it('says so when the browser cannot read the chosen file, instead of an empty step', async () => {
    const user = userEvent.setup();
    render(<CohortsHarness services={newServices()} />);
    const broken = new File(['customer,date,amount\n'], 'moved.csv', { type: 'text/csv' });
    // What a file moved or deleted after it was chosen does: reading any part of it fails.
    broken.slice = () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }) as unknown as Blob;
    await user.click(await screen.findByRole('button', { name: 'Fit from your customer data…' }));
    const dialog = screen.getByRole('dialog', { name: 'Fit a cohort from your customer data' });
    await user.upload(within(dialog).getByLabelText(/^Transactions file/), broken);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The browser could not read the file (NotReadableError): choose it again.');
  });

  it('shows progress while the worker reads and stops it on Cancel', async () => {
    const user = userEvent.setup();
    const requests: FitRequest[] = [];
    let cancelled = 0;
    let deliver: Parameters<FitRunner>[1] = () => {};
    const runner: FitRunner = (request, callback) => {
      requests.push(request);
      deliver = callback;
      return { cancel: () => void cancelled++ };
    };
    render(<FitFromData onClose={() => {}} save={async () => true} savePopulation={async () => true} onSaved={() => {}} runner={runner} />);
    const dialog = screen.getByRole('dialog');
    await user.upload(within(dialog).getByLabelText(/^Transactions file/), cdnowFile());
    await within(dialog).findByRole('table', { name: 'Preview of the first rows' });
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    await user.click(within(dialog).getByRole('button', { name: 'Next' }));
    // Ids are hashed unless asked otherwise, and the choice is offered only with a population.
    expect(within(dialog).queryByRole('checkbox', { name: /Keep my customer ids/ })).toBeNull();
    await user.click(within(dialog).getByRole('checkbox', { name: /Also keep a population/ }));
    expect(within(dialog).getByRole('checkbox', { name: /Keep my customer ids/ })).not.toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: /Keep my customer ids/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Read and fit' }));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.settings.mapping).toMatchObject({ customerId: 0, date: 2, amount: 4, dateFormat: 'ymd-compact' });
    expect(requests[0]!.fit).toMatchObject({ calibrationEnd: null, segmentBy: 'none', presetId: 'ecommerce', population: true, keepIds: true });
    act(() => deliver({ type: 'progress', phase: 'transactions', bytes: 50, size: 200, rows: 1234 }));
    await waitFor(() => expect(within(dialog).getByRole('progressbar', { name: 'Reading and fitting' })).toHaveValue(25));
    expect(within(dialog).getByRole('status')).toHaveTextContent('Reading the transactions: 25 %, 1,234 rows so far…');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(cancelled).toBe(1);
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Read and fit' })).toBeEnabled();
  });

  it('speaks Chinese', async () => {
    await setLanguage('zh-CN');
    const user = userEvent.setup();
    render(<CohortsHarness services={newServices()} />);
    await user.click(await screen.findByRole('button', { name: '用客户数据拟合…' }));
    expect(screen.getByRole('dialog', { name: '用客户数据拟合客群' })).toBeInTheDocument();
  });
});
