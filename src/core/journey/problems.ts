import { message, type Message } from '../i18n';

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

/** Where a problem is: the node or edge it concerns and the JSON path inside the journey file. */
export interface ProblemLocation {
  nodeId?: string;
  edgeId?: string;
  path: (string | number)[];
}

export interface Problem {
  severity: Severity;
  /** Stable code, documented in docs/problems.md; tools and tests key on it. */
  code: string;
  message: Message;
  location: ProblemLocation;
}

/** What a code means and how to fix it, shown beside the problem and in docs/problems.md. */
export interface ProblemDefinition {
  severity: Severity;
  title: Message;
  fix: Message;
}

/** A JSON path as people read it: `nodes[2].params.duration`. */
export function pathText(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}

/** "node n3 (nodes[2].params.duration)" — how the CLI and the problems panel name a place. */
export function formatLocation(location: ProblemLocation): Message {
  const path = pathText(location.path);
  const [subject, id] = location.nodeId ? ['node', location.nodeId] : location.edgeId ? ['edge', location.edgeId] : ['none', ''];
  return message('core.journey.problems.location', { subject, id, hasPath: String(Boolean(path)), path });
}

export const bySeverity = (a: Problem, b: Problem): number => severities.indexOf(a.severity) - severities.indexOf(b.severity);
