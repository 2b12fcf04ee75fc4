// What a run's cohort is called wherever results name it: the preset's name, or a saved cohort's own
// name from the spec the run used (not its generated id).
import type { Language } from '../i18n/index.ts';
import { dataLanguage } from '../../core/i18n.ts';
import { checkCohort, type LocalizedText } from '../../core/cohort';
import { getPreset } from '../../core/cohort';

export const nameText = (text: LocalizedText, lang: Language): string => (typeof text === 'string' ? text : text[dataLanguage(lang)]);

/** The cohort's name from its spec; `fallback` when the spec does not check. */
export function cohortName(cohort: unknown, fallback: string, lang: Language): string {
  const name = checkCohort(cohort).spec?.name;
  return name ? nameText(name, lang) : fallback;
}

/** A run's cohort: the preset picked, else the saved cohort's name, else the report's cohort id. */
export function cohortLabel(presetId: string, cohort: unknown, fallback: string, lang: Language): string {
  const preset = getPreset(presetId);
  return preset ? preset.name[dataLanguage(lang)] : cohortName(cohort, fallback, lang);
}
