import { journeyFormat } from '../journey/migrate';
import { cohortFormat } from '../cohort/migrations';
import { lessonFormat } from '../lessons/migrations';
import { partialFormat } from '../sim/partialFile';
import type { VersionedFormat } from './versioned';

/**
 * Every file format Journey Lab publishes a JSON Schema for. Kept out of the module's index: the
 * formats import the module, and the module itself names none of them.
 */
export const publishedFormats: readonly VersionedFormat[] = [journeyFormat, cohortFormat, lessonFormat, partialFormat];
