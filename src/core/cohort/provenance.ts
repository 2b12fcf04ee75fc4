import { z } from 'zod';
import { calendarDate } from '../journey/schema';
import { channels } from '../journey/channels';

/**
 * Where a fitted cohort's numbers come from (cohort format v6): the customer files it was fitted on
 * (names and SHA-256 hashes, so a reviewer can tell whether two cohorts came from the same data), the
 * data's date range and calibration end, each segment's fit with its standard errors and warnings, the
 * holdout check, and which fields were not fitted but copied from a preset. An authored cohort (a preset
 * or one made in the editor) has no provenance. Customer-level data is never stored here: only counts.
 */

const count = z.number().int().min(0);

/** The most segments a fit may make (one per value of a profile column): beyond it each is too thin to fit. */
export const MAX_FITTED_SEGMENTS = 100;
const finite = z.number().refine(Number.isFinite);
const fileRole = z.enum(['transactions', 'profiles', 'campaigns']);

export const sourceFileSchema = z
  .strictObject({
    role: fileRole.meta({ description: 'What the file held: transactions (required), profiles or campaign history.' }),
    fileName: z.string().min(1).max(260).meta({ description: 'The file’s name as the user chose it (no path).' }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/).meta({ description: 'SHA-256 of the file’s bytes, in hex.' }),
    bytes: count.meta({ description: 'Size of the file in bytes.' }),
    rows: count.meta({ description: 'Data rows read (the header excluded).' }),
    accepted: count.meta({ description: 'Rows used.' }),
    rejected: count.meta({ description: 'Rows rejected, each for a reason the import report lists with its line number.' }),
  })
  .meta({ description: 'One customer data file a cohort was fitted on.' });

const bgnbdFitSchema = z
  .strictObject({
    r: finite,
    alpha: finite,
    a: finite,
    b: finite,
    standardErrors: z.strictObject({ r: finite, alpha: finite, a: finite, b: finite }).nullable().meta({ description: 'From the Hessian of the log-likelihood; null when it is not positive definite.' }),
    logLikelihood: finite,
    converged: z.boolean(),
  })
  .meta({ description: 'BG/NBD maximum-likelihood estimates, time in days.' });

const gammaGammaFitSchema = z
  .strictObject({
    p: finite,
    q: finite,
    gamma: finite,
    standardErrors: z.strictObject({ p: finite, q: finite, gamma: finite }).nullable(),
    logLikelihood: finite,
    converged: z.boolean(),
    frequencyValueCorrelation: finite.nullable().meta({ description: 'Pearson correlation between repeat purchases and mean order value; the model assumes none.' }),
  })
  .meta({ description: 'Gamma-gamma maximum-likelihood estimates on repeat customers, values in the currency of the data.' });

export const segmentFitSchema = z
  .strictObject({
    segment: z.string().min(1).max(64).meta({ description: 'The id of the segment this fit gave its purchase and order-value parameters.' }),
    customers: count,
    repeatCustomers: count.meta({ description: 'Customers with at least one repeat purchase in the calibration period.' }),
    bgnbd: bgnbdFitSchema.nullable().meta({ description: 'Null when the data could not support a fit and the preset’s values were kept.' }),
    gammaGamma: gammaGammaFitSchema.nullable(),
    warnings: z.array(z.string().min(1).max(64)).max(20).default([]).meta({ description: 'Codes of what the data could not support (docs/calibration.md lists them).' }),
  })
  .meta({ description: 'One segment’s fit.' });

const rateSchema = z
  .strictObject({ successes: count, trials: count, mean: finite, low: finite, high: finite })
  .meta({ description: 'A rate’s Beta posterior under the Jeffreys prior: successes of trials, mean and 95 % interval.' });

export const responseFitSchema = z
  .strictObject({
    channel: z.enum(channels),
    segment: z.string().min(1).max(64).nullable().meta({ description: 'The segment measured, or null for every customer.' }),
    delivered: count,
    open: rateSchema.nullable(),
    click: rateSchema.nullable().meta({ description: 'Clicks of opened touches.' }),
    unsubscribe: rateSchema.nullable(),
  })
  .meta({ description: 'A channel’s response measured in campaign history; null where the history does not say.' });

export const provenanceSchema = z
  .strictObject({
    kind: z.literal('fitted'),
    sources: z.array(sourceFileSchema).min(1).max(3),
    firstDate: calendarDate.meta({ description: 'The earliest purchase date in the data.' }),
    lastDate: calendarDate.meta({ description: 'The latest purchase date in the data.' }),
    calibrationEnd: calendarDate.meta({ description: 'Last day of the calibration period (inclusive); purchases after it were the holdout.' }),
    currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
    segmentBy: z
      .union([z.literal('none'), z.literal('rfm'), z.strictObject({ column: z.string().min(1).max(100) })])
      .meta({ description: 'One fit for everyone, one per RFM tier, or one per value of a profile column.' }),
    fits: z.array(segmentFitSchema).min(1).max(MAX_FITTED_SEGMENTS),
    holdout: z
      .strictObject({ days: count, predicted: finite, actual: count, errorPercent: finite.nullable() })
      .nullable()
      .meta({ description: 'Repeat purchases the fit predicted for the holdout period against those made; null without a holdout.' }),
    responses: z
      .array(responseFitSchema)
      .max(1000)
      .default([])
      .meta({ description: 'Channel responses measured in campaign history (at least 100 deliveries each); the segments’ behaviour.response holds their means.' }),
    filledFromPreset: z
      .strictObject({ preset: z.string().min(1).max(64), fields: z.array(z.string().min(1).max(64)).max(40) })
      .meta({ description: 'The preset whose values fill what the data does not give, and which fields those are.' }),
  })
  .meta({ description: 'Where a fitted cohort’s numbers come from: files, dates, fits and holdout check. Absent on authored cohorts.' });

export type CohortProvenance = z.output<typeof provenanceSchema>;
export type SegmentFit = z.output<typeof segmentFitSchema>;
export type SourceFile = z.output<typeof sourceFileSchema>;
