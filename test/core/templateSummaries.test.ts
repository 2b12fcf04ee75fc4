// The template gallery reads light headers (src/core/templateSummaries/index.ts) and loads a template's steps
// only when it is used: the headers must say what the templates are, and carry none of their weight.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getTemplate, templateHeaders, templates, templateSummaries } from '../../src/core/templates';
import { languages } from '../../src/core/i18n';

describe('template summaries', () => {
  it('have one header per template, in case order, whose node count is the template’s', () => {
    expect(Object.values(templateHeaders).map((header) => header.id).sort()).toEqual(templates.map((template) => template.id).sort());
    for (const header of Object.values(templateHeaders)) {
      const template = getTemplate(header.id)!;
      expect(header.nodeCount, header.id).toBe(template.nodes.length);
      expect(template, header.id).toMatchObject({ id: header.id, caseNumber: header.caseNumber, industry: header.industry, name: header.name, description: header.description });
    }
  });

  it.each(languages)('list every template in %s as the full templates describe it', (lang) => {
    expect(templateSummaries(lang)).toEqual(
      templates.map((template) => ({
        id: template.id,
        name: template.name[lang],
        description: template.description[lang],
        caseNumber: template.caseNumber,
        industry: template.industry,
        nodeCount: template.nodes.length,
      })),
    );
  });

  it('import nothing at run time but the i18n helpers, so the home screen does not load the templates’ steps or the format schema', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../src/core/templateSummaries/index.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import (?!type )[^;]*from '([^']+)';/gm)].map((match) => match[1]);
    expect(runtimeImports).toEqual(['../i18n']);
    expect(source).toContain("import type { Industry } from '../templates/defineTemplate';");
  });
});
