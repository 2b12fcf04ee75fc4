// What a journey node looks like on the canvas, worked out from the node-kind registry: icon, names,
// summary and ports in one language. Pure (no React), so the canvas can use it to build flow nodes
// (their `ariaLabel`) and the node components to draw themselves.
import { defaultRegistry, type Registry } from '../../../core/journey';
import type { JourneyNode } from '../../../core/journey';
import type { KindIconName, NodeKind } from '../../../core/journey';
import { severities, type Problem, type Severity } from '../../../core/journey';
import type { Language } from '../../i18n/index.ts';
import i18n from '../../i18n/index.ts';
import { say, type Text } from '../../i18n/say';

// What is remembered per node object below is stale once a catalog loads (or reloads) later: each
// language's catalog comes on demand (i18n/index.ts).
let catalogVersion = 0;
for (const event of ['initialized', 'loaded', 'added', 'removed'] as const) i18n.on(event, () => (catalogVersion += 1));

export interface NodePort {
  id: string;
  label: string;
}

export interface NodeView {
  /** The kind's definition, or undefined for a kind this build does not know. */
  definition: NodeKind | undefined;
  /** The kind's icon name (drawn by KindIcon), or null for a kind this build does not know. */
  icon: KindIconName | null;
  /** The kind's localized name ("Message"), or the raw kind string when unknown. */
  kindName: string;
  /** The node's label, or the kind name when the label is empty. */
  title: string;
  /** Whether `title` is the operator's own label (false: it fell back to the kind name). */
  labelled: boolean;
  /** The key params in a few words, or '' when they cannot be summarised. */
  summary: string;
  ports: NodePort[];
  /** Entry kinds (palette group "triggers") are where users come in: they take no incoming edge. */
  hasInput: boolean;
}

/**
 * Params as the kind's functions expect them: defaults filled in by the kind's schema. A node that
 * fails its schema keeps its raw params (the problems list says what is wrong) and every kind function
 * is called defensively.
 */
function paramsFor(definition: NodeKind, params: Record<string, unknown>): Record<string, unknown> {
  const parsed = definition.params.safeParse(params);
  return parsed.success ? parsed.data : params;
}

function attempt<T>(compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch {
    return fallback;
  }
}

export function describeNode(node: JourneyNode, lang: Language, registry: Registry = defaultRegistry): NodeView {
  if (registry !== defaultRegistry) return viewOf(node, lang, registry);
  // Remembered per node object (documents are immutable): the canvas describes a node for its frame,
  // its estimated size and both ends of every edge, and a journey of 2,000 steps has 2,600 edges.
  const known = views.get(node);
  if (known && known.lang === lang && known.catalogs === catalogVersion) return known.view;
  const view = viewOf(node, lang, registry);
  views.set(node, { lang, catalogs: catalogVersion, view });
  return view;
}

const views = new WeakMap<JourneyNode, { lang: Language; catalogs: number; view: NodeView }>();

function viewOf(node: JourneyNode, lang: Language, registry: Registry): NodeView {
  const definition = registry.get(node.kind);
  const label = node.label.trim();
  if (!definition) {
    return {
      definition,
      icon: null,
      kindName: node.kind,
      title: label || node.kind,
      labelled: label !== '',
      summary: i18n.t('canvas.node.unknownKind', { lng: lang, kind: node.kind }),
      ports: [],
      hasInput: true,
    };
  }
  const params = paramsFor(definition, node.params);
  const kindName = say(definition.name, lang);
  return {
    definition,
    icon: definition.icon,
    kindName,
    title: label || kindName,
    labelled: label !== '',
    summary: attempt(() => say(definition.summary(params), lang), ''),
    ports: attempt(() => definition.ports(params), []).map((port) => ({ id: port.id, label: say(port.label, lang) })),
    hasInput: definition.group !== 'triggers',
  };
}

/**
 * The accessible name of a node on the canvas: "Message: Push reminder", or just "Message" when the
 * node has no label. React Flow puts a node's name on its focusable wrapper from the flow node's
 * `ariaLabel`, so the canvas sets `ariaLabel: nodeAriaLabel(node, lang)` on every flow node.
 */
export function nodeAriaLabel(node: JourneyNode, lang: Language, registry: Registry = defaultRegistry): string {
  if (registry !== defaultRegistry) return ariaLabelOf(node, lang, registry);
  // Remembered per node object: a document's nodes are immutable, and the step lists that name every
  // step (the port selects) are worked out again on each change of the editor, every frame of a drag.
  const known = ariaLabels.get(node);
  if (known && known.lang === lang && known.catalogs === catalogVersion) return known.label;
  const label = ariaLabelOf(node, lang, registry);
  ariaLabels.set(node, { lang, catalogs: catalogVersion, label });
  return label;
}

const ariaLabels = new WeakMap<JourneyNode, { lang: Language; catalogs: number; label: string }>();

function ariaLabelOf(node: JourneyNode, lang: Language, registry: Registry): string {
  const definition = registry.get(node.kind);
  const kind = definition ? say(definition.name, lang) : node.kind;
  const label = node.label.trim();
  return label ? i18n.t('canvas.node.name', { lng: lang, kind, label }) : kind;
}

/** Memoised by message and language: kinds' names and ports' labels are a few texts said again and again. */
const said = new Map<string, string>();
let saidCatalogs = catalogVersion;
function sayOften(message: Text, lang: Language): string {
  if (saidCatalogs !== catalogVersion) {
    said.clear();
    saidCatalogs = catalogVersion;
  }
  const key = `${lang}\u0000${JSON.stringify(message)}`;
  let text = said.get(key);
  if (text === undefined) said.set(key, (text = say(message, lang)));
  return text;
}

/**
 * A node's title as describeNode gives it (its label, else its kind's name), without the rest of the
 * description: an edge's name needs the titles of both its ends, and a large journey has thousands.
 */
export function nodeTitle(node: JourneyNode, lang: Language, registry: Registry = defaultRegistry): string {
  const label = node.label.trim();
  if (label) return label;
  const definition = registry.get(node.kind);
  return definition ? sayOften(definition.name, lang) : node.kind;
}

/** The label of one of a node's output ports as describeNode gives it, or undefined for no such port. */
export function portLabel(node: JourneyNode, portId: string, lang: Language, registry: Registry = defaultRegistry): string | undefined {
  const definition = registry.get(node.kind);
  if (!definition) return undefined;
  const port = attempt(() => definition.ports(paramsOf(node, definition)), []).find((candidate) => candidate.id === portId);
  return port && sayOften(port.label, lang);
}

/** A node's params with its kind's defaults, once per node object (a node is an end of several edges). */
const parsedParams = new WeakMap<JourneyNode, Record<string, unknown>>();
function paramsOf(node: JourneyNode, definition: NodeKind): Record<string, unknown> {
  let params = parsedParams.get(node);
  if (!params) parsedParams.set(node, (params = paramsFor(definition, node.params)));
  return params;
}

/** The most severe of the problems, or null for none. */
export function worstSeverity(problems: readonly Problem[]): Severity | null {
  let worst: number = severities.length;
  for (const { severity } of problems) worst = Math.min(worst, severities.indexOf(severity));
  return severities[worst] ?? null;
}
