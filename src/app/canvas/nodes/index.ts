// Node components by kind, for <ReactFlow nodeTypes={nodeTypes}>. A module-level constant: React Flow
// warns (and remounts every node) when it receives a new nodeTypes object.
import type { NodeTypes } from '@xyflow/react';
import { EntryNode } from './EntryNode.tsx';
import { MessageNode } from './MessageNode.tsx';
import { OfferNode } from './OfferNode.tsx';
import { WaitNode } from './WaitNode.tsx';
import { WaitForEventNode } from './WaitForEventNode.tsx';
import { BranchNode } from './BranchNode.tsx';
import { SplitNode } from './SplitNode.tsx';
import { TagNode } from './TagNode.tsx';
import { GoalNode } from './GoalNode.tsx';
import { ExitNode } from './ExitNode.tsx';
import { GenericNode } from './GenericNode.tsx';

/** The flow node type for kinds without a component of their own. */
export const GENERIC_NODE_TYPE = 'generic';

export const nodeTypes = {
  entry: EntryNode,
  message: MessageNode,
  offer: OfferNode,
  wait: WaitNode,
  waitForEvent: WaitForEventNode,
  branch: BranchNode,
  split: SplitNode,
  tag: TagNode,
  goal: GoalNode,
  exit: ExitNode,
  [GENERIC_NODE_TYPE]: GenericNode,
  // React Flow draws a node of an unlisted type with the 'default' component: make that ours too.
  default: GenericNode,
} satisfies NodeTypes;

/** The flow node `type` for a journey node kind: the kind itself, or the generic node for other kinds. */
export function nodeTypeFor(kind: string): string {
  return Object.hasOwn(nodeTypes, kind) && kind !== 'default' ? kind : GENERIC_NODE_TYPE;
}

export {
  EntryNode,
  MessageNode,
  OfferNode,
  WaitNode,
  WaitForEventNode,
  BranchNode,
  SplitNode,
  TagNode,
  GoalNode,
  ExitNode,
  GenericNode,
};
export { NodeShell, type NodeShellProps, type JourneyNodeProps } from './NodeShell.tsx';
export { ProblemBadge, type ProblemBadgeProps } from './ProblemBadge.tsx';
export { describeNode, nodeAriaLabel, worstSeverity, type NodeView, type NodePort } from './describe.ts';

import type { JourneyNode } from '../../../core/journey';
import type { Problem } from '../../../core/journey';
import type { Language } from '../../i18n/index.ts';
import type { JourneyFlowNode } from '../types.ts';
import { nodeAriaLabel } from './describe.ts';

/**
 * The React Flow node for a journey node: type from `nodeTypeFor`, data as the components expect it,
 * and `ariaLabel` ("Message: Push reminder"), which React Flow puts on the focusable node wrapper.
 * Selection, dragging and other flow state are the caller's to add.
 */
export function toFlowNode(node: JourneyNode, problems: Problem[], lang: Language): JourneyFlowNode {
  return {
    id: node.id,
    type: nodeTypeFor(node.kind),
    position: node.position,
    data: { node, problems, lang },
    ariaLabel: nodeAriaLabel(node, lang),
  };
}
