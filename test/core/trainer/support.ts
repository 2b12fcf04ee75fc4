import { templates } from '../../../src/core/templates';
import { instantiateTemplate } from '../../../src/core/templates/defineTemplate';
import { getPreset } from '../../../src/core/cohort/presets';
import { recordSampleOf, type TraceSample } from '../../../src/core/trainer/sample';

/** The churn win-back template on the e-commerce preset (it carries every tag and event the journey reads). */
export function churnWinBackInput(seed = 7, users = 60_000) {
  const template = templates.find((candidate) => candidate.id === 'churn-win-back')!;
  return { journey: instantiateTemplate(template, 'en'), cohort: getPreset('ecommerce')!.spec, seed, users };
}

let cached: TraceSample | null = null;
/** A 1,500-user sample of it, recorded once per test file. */
export function churnWinBackSample(): TraceSample {
  cached ??= recordSampleOf(churnWinBackInput(), 1_500);
  return cached;
}
