import type { CohortPreset } from './common';
import { ecommercePreset } from './ecommerce';
import { telecomPreset } from './telecom';
import { educationPreset } from './education';
import { bankingPreset } from './banking';
import { automotivePreset } from './automotive';
import { foodDeliveryPreset } from './foodDelivery';

export type { CohortPreset } from './common';

/** The ready cohorts, one per industry; each spec passes `checkCohort` without errors (a test checks). */
export const cohortPresets: readonly CohortPreset[] = [ecommercePreset, telecomPreset, educationPreset, bankingPreset, automotivePreset, foodDeliveryPreset];

export function getPreset(id: string): CohortPreset | undefined {
  return cohortPresets.find((preset) => preset.id === id);
}
