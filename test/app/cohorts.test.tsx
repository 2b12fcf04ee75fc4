import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setLanguage } from '../../src/app/i18n/index.ts';
import type { AppServices } from '../../src/app/services';
import { exportCohortJson, parseCohortFile } from '../../src/app/cohorts/cohortFiles';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { checkCohort } from '../../src/core/cohort/schema';
import { CohortsHarness, newServices } from '../support/cohortsHarness';


// The editor has about 180 fields and 80 buttons, and finding one by role and name computes the name of
// every candidate (seconds in jsdom once the page has changed): fields are looked for in the part of the
// form that holds them, and a lone control by its text or label, then checked for its role and name.

/** The visible button whose text is `name`, with that role and accessible name. */
function button(name: string, container: HTMLElement = document.body) {
  const found = within(container).getByText(name, { selector: 'button' });
  expect(found).toHaveRole('button');
  expect(found).toHaveAccessibleName(name);
  expect(found).toBeVisible();
  return found;
}

/** The visible text box labelled `name`, with that role and accessible name. */
function textbox(name: string, container: HTMLElement) {
  const found = within(container).getByLabelText(name, { selector: 'input' });
  expect(found).toHaveRole('textbox');
  expect(found).toHaveAccessibleName(name);
  expect(found).toBeVisible();
  return found;
}

/** Copies the e-commerce preset and waits for its editor. */
async function copyEcommerce(user: ReturnType<typeof userEvent.setup>, services: AppServices) {
  render(<CohortsHarness services={services} />);
  await user.click(await screen.findByRole('button', { name: 'Copy preset: E-commerce shoppers' }));
  await screen.findByText('Save cohort', { selector: 'button' }, { timeout: 20_000 });
  button('Save cohort');
}

const firstSegment = () => screen.getAllByRole('region', { name: /^Segment / })[0]!;
const segmentsRegion = () => screen.getByRole('region', { name: 'Segments' });

describe('Cohorts screen', { timeout: 120_000 }, () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('copies a preset, shows the share total and its error, and Normalise fixes it', async () => {
    const user = userEvent.setup();
    await copyEcommerce(user, newServices());
    expect(screen.getByText('Total of shares: 100 %')).toBeInTheDocument();
    const first = firstSegment();
    const share = textbox('Share (%)', first);
    await user.clear(share);
    await user.type(share, '50');
    const total = screen.getByText(/^Total of shares:/);
    expect(total.textContent).not.toBe('Total of shares: 100 %');
    expect(screen.getByText(/The segments' shares add up to .* not 100 %/)).toBeInTheDocument();
    await user.click(within(segmentsRegion()).getByRole('button', { name: 'Normalise to 100 %' }));
    expect(screen.getByText('Total of shares: 100 %')).toBeInTheDocument();
    expect(screen.queryByText(/The segments' shares add up to/)).toBeNull();
    expect(screen.getByText('No problems: this cohort can be simulated.')).toBeInTheDocument();
  });

  it('shows an invalid alpha next to its field, keeps what was typed and refuses to save', async () => {
    const user = userEvent.setup();
    const services = newServices();
    await copyEcommerce(user, services);
    const first = firstSegment();
    const alpha = within(within(first).getByRole('group', { name: 'Purchases (BG/NBD model)' })).getByRole('textbox', { name: 'alpha (purchase-rate scale, days)' });
    await user.clear(alpha);
    await user.type(alpha, '-3');
    expect(alpha).toHaveValue('-3');
    expect(alpha).toHaveAttribute('aria-invalid', 'true');
    expect(alpha).toHaveAccessibleDescription(/Must be greater than 0/);
    await user.clear(alpha);
    await user.type(alpha, 'abc');
    expect(alpha).toHaveValue('abc');
    expect(alpha).toHaveAttribute('aria-invalid', 'true');
    await user.click(button('Save cohort'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Fix the errors marked below before saving');
    await user.clear(alpha);
    await user.type(alpha, '60');
    expect(alpha).not.toHaveAttribute('aria-invalid');
    expect(within(first).getByText(/Average purchases per month while active = r ÷ alpha × 30 = /)).toBeInTheDocument();
  });

  it('saves an edited cohort and lists it; rename, duplicate and delete', async () => {
    const user = userEvent.setup();
    const services = newServices();
    await copyEcommerce(user, services);
    const name = within(screen.getByRole('group', { name: 'Edit cohort' })).getByRole('textbox', { name: 'Cohort name' });
    fireEvent.change(name, { target: { value: 'My shoppers' } });
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    await user.click(button('Save cohort'));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const [stored] = await services.repository.cohorts.list();
    expect(checkCohort(stored!.spec).spec?.name).toEqual({ en: 'My shoppers', 'zh-CN': '电商用户（副本）' });

    await user.click(screen.getByRole('link', { name: 'Cohorts' }));
    const list = await screen.findByRole('list', { name: 'Saved cohorts' });
    expect(within(list).getByRole('link', { name: 'My shoppers' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Rename: My shoppers' }));
    const field = screen.getByRole('textbox', { name: 'Cohort name' });
    await user.clear(field);
    await user.type(field, 'Renamed{Enter}');
    expect(await within(list).findByRole('link', { name: 'Renamed' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Duplicate: Renamed' }));
    expect(await within(list).findByRole('link', { name: 'Renamed (copy)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete: Renamed' }));
    await waitFor(() => expect(within(list).queryByRole('link', { name: 'Renamed' })).toBeNull());
    expect(await services.repository.cohorts.list()).toHaveLength(1);
  });

  it('imports a cohort file, refuses a newer version with a clear message, and export round-trips', async () => {
    const user = userEvent.setup();
    const services = newServices();
    render(<CohortsHarness services={services} />);
    const input = await screen.findByLabelText('Cohort file to import');
    const text = exportCohortJson({ ...ecommercePreset.spec, id: 'shop', name: 'Imported shop' });
    fireEvent.change(input, { target: { files: [new File([text], 'shop.cohort.json', { type: 'application/json' })] } });
    expect(await screen.findByText('Imported “Imported shop”.')).toBeInTheDocument();
    const [stored] = await services.repository.cohorts.list();
    // Export writes the spec; reading it back gives the same spec.
    const again = parseCohortFile(exportCohortJson(stored!.spec));
    expect(again.ok && again.spec).toEqual(checkCohort(JSON.parse(text)).spec);

    const newer = exportCohortJson({ ...ecommercePreset.spec, schemaVersion: 99 });
    fireEvent.change(input, { target: { files: [new File([newer], 'new.cohort.json')] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This file cannot be imported');
    expect(alert).toHaveTextContent(/format version 99, newer than the versions this Journey Lab supports/);
    expect(await services.repository.cohorts.list()).toHaveLength(1);
    void user;
  });
});
