// Channel responses from campaign history: the Beta posterior and its interval, their coverage, per
// segment estimates, open-time patterns, and how they land in a fitted cohort.
import { betaCdf, betaQuantile, channelResponseFits, jeffreysEstimate, MIN_DELIVERED, timingFromCampaigns } from '../../src/core/calibration';
import { createCampaignReader, guessCampaignMapping, Interner } from '../../src/core/calibration/import';
import { uniformStream } from '../../src/core/sim/math/distributions';
import { rowsOfText } from './import/support';

describe('the Beta distribution', () => {
  it('has the closed forms of its simple cases', () => {
    for (const x of [0.05, 0.3, 0.5, 0.9]) {
      expect(betaCdf(x, 1, 1)).toBeCloseTo(x, 12);
      expect(betaCdf(x, 2, 1)).toBeCloseTo(x * x, 12);
      expect(betaCdf(x, 0.5, 0.5)).toBeCloseTo((2 / Math.PI) * Math.asin(Math.sqrt(x)), 10);
      expect(betaQuantile(x, 2, 1)).toBeCloseTo(Math.sqrt(x), 10);
    }
    expect(betaCdf(0, 3, 4)).toBe(0);
    expect(betaCdf(1, 3, 4)).toBe(1);
    expect(() => betaCdf(0.5, 0, 1)).toThrow(RangeError);
  });

  it('gives the Jeffreys interval of Brown, Cai & DasGupta (2001) for 5 of 10: 0.2235 to 0.7765', () => {
    const estimate = jeffreysEstimate(5, 10);
    expect(estimate.mean).toBeCloseTo(0.5, 12);
    expect(estimate.low).toBeCloseTo(0.2235, 4);
    expect(estimate.high).toBeCloseTo(0.7765, 4);
    expect(jeffreysEstimate(0, 100).low).toBe(0);
  });

  it('covers the true open rate in 90–99 % of 200 seeded histories of 500 sends', () => {
    const truth = 0.27;
    let covered = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const u = uniformStream(seed, 0, 17);
      let opened = 0;
      for (let send = 0; send < 500; send++) if (u() < truth) opened++;
      const estimate = jeffreysEstimate(opened, 500);
      if (estimate.low <= truth && truth <= estimate.high) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(180);
    expect(covered).toBeLessThanOrEqual(198);
  });
});

/** A per-send history: VIPs open SMS twice as often as the rest, and everyone opens more at 20:00. */
function history(customers: Interner): ReturnType<ReturnType<typeof createCampaignReader>['finish']> {
  const u = uniformStream(7, 0, 3);
  const lines = ['customer,channel,sent_at,opened,clicked,unsubscribed'];
  for (let send = 0; send < 4000; send++) {
    const customer = `c${send % 40}`;
    const vip = send % 40 < 10;
    const hour = send % 2 ? 20 : 9;
    const open = u() < (vip ? 0.6 : 0.3) * (hour === 20 ? 1.5 : 1);
    lines.push(`${customer},SMS,2024-03-${String(1 + (send % 28)).padStart(2, '0')} ${hour}:00,${open ? 1 : 0},${open && u() < 0.1 ? 1 : 0},${u() < 0.002 ? 1 : 0}`);
  }
  lines.push('c1,carrier pigeon,2024-03-01 09:00,0,0,0');
  const { rows, layout } = rowsOfText([lines.join('\n')]);
  const reader = createCampaignReader(guessCampaignMapping(layout!, rows.map((row) => row.cells))!, { customers });
  reader.push(rows);
  return reader.finish();
}

describe('responses measured in campaign history', () => {
  it('estimates each channel over everyone and per segment, within 3 SE of the rates the history was drawn with', () => {
    const customers = new Interner();
    const { summary, report } = history(customers);
    expect(report.unknownChannels).toEqual([{ name: 'carrier pigeon', count: 1 }]);
    const segmentOf = (customer: number) => (Number(customers.values[customer]!.slice(1)) < 10 ? 'vip' : 'rest');
    const fits = channelResponseFits(summary, segmentOf);
    expect(fits.map((fit) => [fit.channel, fit.segment])).toEqual([
      ['sms', null],
      ['sms', 'vip'],
      ['sms', 'rest'],
    ]);
    const vip = fits.find((fit) => fit.segment === 'vip')!;
    const rest = fits.find((fit) => fit.segment === 'rest')!;
    // Opens: 0.6 × (1 + 1.5) / 2 = 0.75 for VIPs, 0.375 for the rest.
    for (const [fit, truth] of [[vip, 0.75], [rest, 0.375]] as const) {
      const se = Math.sqrt((truth * (1 - truth)) / fit.delivered);
      expect(Math.abs(fit.open!.mean - truth)).toBeLessThan(3 * se);
      expect(fit.open!.low).toBeLessThan(fit.open!.mean);
      expect(fit.open!.high).toBeGreaterThan(fit.open!.mean);
    }
    expect(Math.abs(vip.click!.mean - 0.1)).toBeLessThan(3 * Math.sqrt(0.09 / vip.open!.successes));
    expect(vip.delivered).toBe(1000);
  });

  it('makes no estimate from fewer than MIN_DELIVERED deliveries', () => {
    const { rows, layout } = rowsOfText([['customer,channel,opened', ...Array.from({ length: MIN_DELIVERED - 1 }, (_, index) => `c${index},push,1`)].join('\n')]);
    const reader = createCampaignReader(guessCampaignMapping(layout!, rows.map((row) => row.cells))!);
    reader.push(rows);
    expect(channelResponseFits(reader.finish().summary)).toEqual([]);
  });

  it('turns send hours into open-rate multipliers: 20:00 opens 1.5 times 9:00', () => {
    const { summary } = history(new Interner());
    const byHour = timingFromCampaigns(summary).openByHour.sms!;
    expect(byHour).toHaveLength(24);
    expect(byHour[20]! / byHour[9]!).toBeGreaterThan(1.3);
    expect(byHour[20]! / byHour[9]!).toBeLessThan(1.7);
    expect(byHour[3]).toBe(1);
  });
});
