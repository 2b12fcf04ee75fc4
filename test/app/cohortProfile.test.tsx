// The cohort editor's vocabulary and profile: attributes, tags, RFM scores and new event rates.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { ServicesContext } from '../../src/app/services';
import { CohortsScreen } from '../../src/app/cohorts/CohortsScreen';

function Harness() {
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [services] = useState(() => ({ repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null }));
  return (
    <ServicesContext.Provider value={services}>
      <CohortsScreen cohortId={cohortId} onOpen={setCohortId} onHome={() => {}} />
    </ServicesContext.Provider>
  );
}

async function openEcommerce() {
  render(<Harness />);
  fireEvent.click(await screen.findByRole('button', { name: 'Copy preset: E-commerce shoppers' }));
  await screen.findByRole('button', { name: 'Save cohort' }, { timeout: 20_000 });
}

const group = (name: string) => screen.getByRole('group', { name });
const segment = () => screen.getByRole('region', { name: /^Segment / });
// The editor has about 180 fields, and finding a field by role and name computes every candidate's name:
// fields are looked for in the part of the form that holds them (a fieldset or group, by its name).
const segmentPart = (name: string) => within(segment()).getByRole('group', { name });
const declaration = (attribute: string) => within(group('Attributes')).getByRole('region', { name: new RegExp(`^Attribute ${attribute} `) });
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

describe('Cohort editor: attributes, tags, RFM and events', { timeout: 120_000 }, () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('adds and removes tags, refusing a bad name in place, and edits a segment’s tag share', async () => {
    await openEcommerce();
    const tags = group('Tags');
    const name = within(tags).getByRole('textbox', { name: 'New tag' });
    type(name, 'has space');
    fireEvent.click(within(tags).getByRole('button', { name: 'Add tag' }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Tags are 1–64 letters/);
    type(name, 'vip');
    fireEvent.click(within(tags).getByRole('button', { name: 'Add tag' }));
    const vip = within(segmentPart('Tags in this segment')).getByRole('textbox', { name: 'Carries vip (%)' });
    type(vip, '150');
    expect(vip).toHaveAttribute('aria-invalid', 'true');
    type(vip, '40');
    expect(vip).not.toHaveAttribute('aria-invalid');
    fireEvent.click(within(tags).getByRole('button', { name: 'Remove tag complained' }));
    expect(within(tags).queryByRole('button', { name: 'Remove tag complained' })).toBeNull();
    expect(within(segmentPart('Tags in this segment')).queryByRole('textbox', { name: 'Carries complained (%)' })).toBeNull();
    expect(within(segmentPart('Tags in this segment')).getByRole('textbox', { name: 'Carries vip (%)' })).toHaveValue('40');
    expect(screen.getByText('No problems: this cohort can be simulated.')).toBeInTheDocument();
  });

  it('shows an RFM row that does not add up to 100 in place, and Normalise fixes it', async () => {
    await openEcommerce();
    const rfm = within(segment()).getByRole('group', { name: 'RFM scores' });
    const score = within(rfm).getByRole('textbox', { name: 'Recency score 1 (%)' });
    type(score, '55');
    expect(within(rfm).getByText(/recency score shares add up to 150 %, not 100 %/)).toBeInTheDocument();
    fireEvent.click(within(rfm).getByRole('button', { name: 'Normalise Recency to 100 %' }));
    expect(within(rfm).queryByText(/recency score shares add up to/)).toBeNull();
    expect(score).toHaveValue('36.6'); // the rounding remainder goes to the largest share
  });

  it('declares, renames and removes attributes; segment shares add to 100 with Normalise; numeric mean and sd', async () => {
    await openEcommerce();
    const attributes = group('Attributes');
    const name = within(attributes).getByRole('textbox', { name: 'New attribute name' });
    type(name, 'plan');
    fireEvent.click(within(attributes).getByRole('button', { name: 'Add attribute' }));
    expect(name).toHaveAccessibleDescription(/List at least one value/);
    type(within(attributes).getByRole('textbox', { name: 'Values' }), 'basic, pro');
    fireEvent.click(within(attributes).getByRole('button', { name: 'Add attribute' }));

    const shares = within(segment()).getByRole('group', { name: 'plan shares' });
    type(within(shares).getByRole('textbox', { name: 'plan = basic (%)' }), '30');
    expect(within(shares).getByText(/attribute "plan": the shares add up to 30 %/)).toBeInTheDocument();
    fireEvent.click(within(shares).getByRole('button', { name: 'Normalise plan to 100 %' }));
    expect(within(shares).getByRole('textbox', { name: 'plan = pro (%)' })).toHaveValue('0');
    expect(within(shares).getByRole('textbox', { name: 'plan = basic (%)' })).toHaveValue('100');

    const rename = within(declaration('plan')).getByRole('textbox', { name: 'Name of attribute plan' });
    type(rename, 'member_tier');
    expect(rename).toHaveAccessibleDescription(/already there/);
    type(rename, 'plan_tier');
    fireEvent.keyDown(rename, { key: 'Enter' });
    expect(within(segmentPart('plan_tier shares')).getByRole('textbox', { name: 'plan_tier = basic (%)' })).toHaveValue('100');

    const points = within(segment()).getByRole('group', { name: 'points distribution' });
    const mean = within(points).getByRole('textbox', { name: 'points average' });
    type(mean, '50000');
    expect(mean).toHaveAccessibleDescription(/outside the declared range 0–20000/);
    type(mean, '500');
    expect(mean).not.toHaveAttribute('aria-invalid');
    fireEvent.click(within(declaration('plan_tier')).getByRole('button', { name: 'Remove attribute plan_tier' }));
    expect(within(segment()).queryByRole('group', { name: 'plan_tier shares' })).toBeNull();
    expect(screen.getByText('No problems: this cohort can be simulated.')).toBeInTheDocument();
  });

  it('adds a custom event rate, refuses one the model makes, and removes one', async () => {
    await openEcommerce();
    const events = within(segment()).getByRole('group', { name: 'Events a day' });
    const name = within(events).getByRole('textbox', { name: 'New event name' });
    type(name, 'purchase');
    fireEvent.click(within(events).getByRole('button', { name: 'Add event rate' }));
    expect(name).toHaveAccessibleDescription(/Purchases come from the purchase model/);
    expect(within(events).queryByRole('textbox', { name: 'purchase per day' })).toBeNull();
    type(name, 'wishlist');
    fireEvent.click(within(events).getByRole('button', { name: 'Add event rate' }));
    const rate = within(events).getByRole('textbox', { name: 'wishlist per day' });
    expect(rate).toHaveValue('0');
    type(rate, '-1');
    expect(rate).toHaveAccessibleDescription(/cannot be negative/);
    fireEvent.click(within(events).getByRole('button', { name: 'Remove event wishlist' }));
    expect(within(events).queryByRole('textbox', { name: 'wishlist per day' })).toBeNull();
  });
});
