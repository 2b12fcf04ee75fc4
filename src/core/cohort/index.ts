/** The public surface of this folder: code outside it imports from here (lint keeps it so). */
export { allFinite, lapseChance, meanOrderValue, normaliseShareRecord, normaliseShares, purchasesPerMonth, shareTotal, uniformRfmShares } from './editing';
export { ecommercePreset } from './presets/ecommerce';
export { cohortPresets, getPreset } from './presets/index';
export { checkCohort } from './schema';
export { MAX_FITTED_SEGMENTS, provenanceSchema, type CohortProvenance, type SegmentFit, type SourceFile } from './provenance';
export type { CohortSpec, CohortSpecInput, LocalizedText } from './schema';
export { addAttribute, addAttributeValue, addEventRate, addTag, attributeNameProblem, attributeValueProblem, attributeValues, eventRateProblem, newAttributeProblem, removeAttribute, removeAttributeValue, removeTag, renameAttribute, renameAttributeValue, tagNameProblem } from './vocabulary';
export type { AttributeKind } from './vocabulary';
