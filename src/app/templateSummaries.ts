// Template list shown in the sidebar. The journeys themselves live in src/core/templates.
import { templateSummaries as coreTemplateSummaries } from '../core/templates/index.ts';

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
}

export function templateSummaries(lang: 'en' | 'zh-CN'): { id: string; name: string; description: string }[] {
  return coreTemplateSummaries(lang).map(({ id, name, description }) => ({ id, name, description }));
}
