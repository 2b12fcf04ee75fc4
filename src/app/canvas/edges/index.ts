// Edge components by type, for <ReactFlow edgeTypes={edgeTypes}>; a module-level constant, like nodeTypes.
import type { EdgeTypes } from '@xyflow/react';
import { PortEdge } from './PortEdge.tsx';

export const PORT_EDGE_TYPE = 'port';

export const edgeTypes = { [PORT_EDGE_TYPE]: PortEdge } satisfies EdgeTypes;

export { PortEdge, type PortEdgeProps } from './PortEdge.tsx';

import type { JourneyEdge, JourneyNode } from '../../../core/journey';
import type { Problem } from '../../../core/journey';
import type { Language } from '../../i18n/index.ts';
import type { JourneyFlowEdge } from '../types.ts';
import { nodeTitle, portLabel as portLabelOf } from '../nodes/describe.ts';
import i18n from '../../i18n/index.ts';

/**
 * The React Flow edge for a journey edge: a `port` edge from the source port's handle, labelled with
 * the port's localized label, and an `ariaLabel` naming the port and both ends ("Connection timeout
 * from Wait for purchase to Reminder") for the focusable edge wrapper.
 */
export function toFlowEdge(
  edge: JourneyEdge,
  nodeById: (id: string) => JourneyNode | undefined,
  problems: Problem[],
  lang: Language,
): JourneyFlowEdge {
  const source = nodeById(edge.source);
  const target = nodeById(edge.target);
  // Only the titles and the port's label, not whole descriptions: a large journey has thousands of edges.
  const portLabel = (source && portLabelOf(source, edge.sourcePort, lang)) ?? edge.sourcePort;
  return {
    id: edge.id,
    type: PORT_EDGE_TYPE,
    source: edge.source,
    sourceHandle: edge.sourcePort,
    target: edge.target,
    data: { portLabel, problems },
    ariaLabel: i18n.t('canvas.edge.name', {
      lng: lang,
      port: portLabel,
      source: source ? nodeTitle(source, lang) : edge.source,
      target: target ? nodeTitle(target, lang) : edge.target,
    }),
  };
}
