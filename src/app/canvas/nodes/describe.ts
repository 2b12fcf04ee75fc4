// What a journey node looks like on the canvas, worked out from the node-kind registry: icon, names,
// summary and ports in one language. Pure (no React), so the canvas can use it to build flow nodes
// (their `ariaLabel`) and the node components to draw themselves.
import { defaultRegistry, type Registry } from '../../../core/journey';
import type { JourneyNode } from '../../../core/journey';
import type { KindIconName, NodeKind } from '../../../core/journey';
import { severities, type Problem, type Severity } from '../../../core/journey';
import type { Language } from '../../i18n/index.ts';
import i18n from '../../i18n/index.ts';
import { say } from '../../i18n/say';

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
  const definition = registry.get(node.kind);
  const kind = definition ? say(definition.name, lang) : node.kind;
  const label = node.label.trim();
  return label ? i18n.t('canvas.node.name', { lng: lang, kind, label }) : kind;
}

/** The most severe of the problems, or null for none. */
export function worstSeverity(problems: readonly Problem[]): Severity | null {
  let worst: number = severities.length;
  for (const { severity } of problems) worst = Math.min(worst, severities.indexOf(severity));
  return severities[worst] ?? null;
}
