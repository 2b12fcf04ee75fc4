import { type Lang, type Localized, message, type Message } from '../i18n';
import { CURRENT_SCHEMA_VERSION, type JourneyDocumentInput } from '../journey/schema';
import type { Stage } from '../journey/stages';
import { FIRST_COLUMN_X, laneRowY } from '../journey/lanes';
import type { TemplateHeader } from '../templateSummaries';

export const industryNames = {
  ecommerce: message('core.templates.defineTemplate.eCommerce'),
  telecom: message('core.templates.defineTemplate.telecom'),
  banking: message('core.templates.defineTemplate.banking'),
  education: message('core.templates.defineTemplate.education'),
  automotive: message('core.templates.defineTemplate.automotive'),
  food: message('core.templates.defineTemplate.foodDelivery'),
  retail: message('core.templates.defineTemplate.retail'),
  b2b: message('core.templates.defineTemplate.b2bLeads'),
} satisfies Record<string, Message>;

export type Industry = keyof typeof industryNames;

export interface TemplateNode {
  id: string;
  kind: string;
  stage: Stage;
  label: Localized;
  params?: Record<string, unknown>;
  /** Column on the canvas (left to right) and an optional row offset inside the stage lane. */
  at: [column: number, row?: number];
}

/** A template's steps: what the gallery does not show (src/core/templateSummaries holds the rest). */
export interface TemplateBody {
  settings?: JourneyDocumentInput['settings'];
  nodes: TemplateNode[];
  /** [source, port, target] */
  edges: [string, string, string][];
}

/** A ready journey from one of the domain cases; labels exist in both languages. */
export type JourneyTemplate = Omit<TemplateHeader, 'nodeCount'> & TemplateBody;

/** A template from its gallery header and its steps (the header's node count is the body's, by test). */
export function defineTemplate(header: TemplateHeader, body: TemplateBody): JourneyTemplate {
  const { nodeCount: _nodeCount, ...summary } = header;
  return { ...summary, ...body };
}

export const COLUMN_WIDTH = 260;

const isLocalized = (value: unknown): value is Localized =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).sort().join() === 'en,zh-CN';

/** Params may hold text in both languages (a message's content, a goal's name): keep the one asked for. */
function inLanguage(value: unknown, lang: Lang): unknown {
  if (isLocalized(value)) return value[lang];
  if (Array.isArray(value)) return value.map((item) => inLanguage(item, lang));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inLanguage(item, lang)]));
  return value;
}

/** The template as a journey document in one language (recorded as its `language`), ready to save, validate or compile. */
export function instantiateTemplate(template: JourneyTemplate, lang: Lang, id: string = template.id): JourneyDocumentInput {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name: template.name[lang],
    description: template.description[lang],
    language: lang,
    ...(template.settings ? { settings: template.settings } : {}),
    nodes: template.nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      stage: node.stage,
      label: node.label[lang],
      position: { x: FIRST_COLUMN_X + node.at[0] * COLUMN_WIDTH, y: laneRowY(node.stage, node.at[1] ?? 0) },
      params: inLanguage(node.params ?? {}, lang) as Record<string, unknown>,
    })),
    edges: template.edges.map(([source, port, target]) => ({ id: `${source}--${port}`, source, sourcePort: port, target })),
  };
}
