import enCatalog from '../../src/locales/en.json';
import zhCatalog from '../../src/locales/zh-CN.json';
import { glossary, glossaryTerm, glossaryTermIds, isGlossaryTermId } from '../../src/core/glossary';
import { stageNames, stages } from '../../src/core/journey/stages';
import { splitKind } from '../../src/core/journey/kinds/split';
import { say, inEnglish, inChinese, inBoth } from '../support/messages.ts';

const en = enCatalog.app;
const zh = zhCatalog.app;

const fields = ['name', 'definition', 'inJourneyLab'] as const;

describe('the domain glossary', () => {
  it('has every term in both languages', () => {
    expect(glossary.map((term) => term.id)).toEqual([...glossaryTermIds]);
    for (const term of glossary)
      for (const field of fields) {
        expect(inEnglish(term[field]).trim(), `${term.id}.${field}`).not.toBe('');
        expect(inChinese(term[field]).trim(), `${term.id}.${field}`).not.toBe('');
        expect(inChinese(term[field]), `${term.id}.${field} is not translated`).not.toBe(inEnglish(term[field]).length > 6 ? inEnglish(term[field]) : '');
      }
  });

  it('covers the terms the domain brief names', () => {
    const names = glossary.map((term) => inChinese(term.name));
    for (const wanted of ['分层', '分组', '分群', '细分', 'RFM', '对照组', '流失', '转化', '频次上限', '免打扰时段', '召回', '标签', '模拟人群', 'BG/NBD', '增量', '对照孪生', '归因收入', '客户价值', '全局对照组', '留出组'])
      expect(names.some((name) => name.includes(wanted)), wanted).toBe(true);
  });

  it('names terms exactly as the dashboard, the settings and the node kinds do', () => {
    // The term 'ltv' keeps its id (links to it still work) and is named as its card is: revenue per converted user.
    const kpi = {
      attributedRevenue: 'attributedRevenue',
      cac: 'cac',
      arpu: 'arpu',
      ltv: 'revenuePerConverted',
      customerValue: 'customerValue',
      churn: 'churn',
      lift: 'lift',
      unsubscribes: 'unsubscribes',
    } as const;
    for (const [term, key] of Object.entries(kpi)) {
      expect(inBoth(glossaryTerm(term as keyof typeof kpi).name)).toEqual({ en: en.dashboard.kpi[key], 'zh-CN': zh.dashboard.kpi[key] });
    }
    expect(inBoth(glossaryTerm('frequencyCap').name)).toEqual({ en: en.report.assumption.frequencyCap, 'zh-CN': zh.report.assumption.frequencyCap });
    expect(inBoth(glossaryTerm('quietHours').name)).toEqual({ en: en.report.assumption.quietHours, 'zh-CN': zh.report.assumption.quietHours });
    expect(glossaryTerm('abSplit').name).toEqual(splitKind.name);
  });

  it('lists the lifecycle stages by the names the canvas gives them, in order', () => {
    const { definition } = glossaryTerm('stages');
    for (const lang of ['en', 'zh-CN'] as const) expect(say(definition, lang)).toContain(stages.map((stage) => say(stageNames[stage], lang)).join(' → '));
  });

  it('keeps the seed’s word for the first stage (意识) and names the synonym many marketers use (认知)', () => {
    expect(inChinese(stageNames.awareness)).toBe('意识');
    expect(inChinese(glossaryTerm('stages').definition)).toContain('“意识”阶段也常称为“认知”（如 AIPL、5A 模型）');
    expect(inEnglish(glossaryTerm('stages').definition)).toContain('认知');
    // The lane tooltip's synonym line, one key per stage: empty where no common synonym exists.
    expect(Object.keys(zh.canvas.laneSynonym).sort()).toEqual([...stages].sort());
    expect(Object.keys(en.canvas.laneSynonym).sort()).toEqual([...stages].sort());
    expect(zh.canvas.laneSynonym.awareness).toBe('又称“认知”（AIPL、5A 模型）');
    expect(en.canvas.laneSynonym.awareness).toBe('');
  });

  it('refers only to terms it has', () => {
    for (const term of glossary) expect(term.seeAlso.every(isGlossaryTermId), term.id).toBe(true);
    expect(isGlossaryTermId('nonsense')).toBe(false);
  });

  it('defines the incremental figures and what they are measured against, in both languages', () => {
    for (const id of ['incremental', 'twin', 'attributedRevenue', 'customerValue', 'controlGroup', 'holdoutLift'] as const) expect(isGlossaryTermId(id), id).toBe(true);
    expect(inBoth(glossaryTerm('incremental').name)).toEqual({ en: 'Incremental', 'zh-CN': '增量' });
    expect(inBoth(glossaryTerm('controlGroup').name)).toEqual({ en: 'Global control group', 'zh-CN': '全局对照组' });
    // Attributed revenue carries the one-line explanation that sets it apart from incremental revenue.
    expect(inEnglish(glossaryTerm('attributedRevenue').definition)).toContain('including what they would have bought anyway; incremental revenue is only what the journey added');
    expect(inChinese(glossaryTerm('attributedRevenue').definition)).toContain('增量收入只计旅程额外带来的部分');
    expect(inEnglish(glossaryTerm('holdoutLift').definition)).toContain('true effect');
    // ROI says which one is the headline.
    expect(inEnglish(glossaryTerm('roi').definition)).toMatch(/Incremental ROI, the headline/);
  });
});
