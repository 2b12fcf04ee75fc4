// Template list shown in the sidebar. The journeys themselves live in src/core/templates.

export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
}

export function templateSummaries(lang: 'en' | 'zh-CN'): { id: string; name: string; description: string }[] {
  void lang;
  // wired to src/core/templates in the foundation commit
  return [];
}
