// Any kind without a component of its own: a newly registered kind is drawn from its registry entry
// (icon, name, summary, ports); a kind this build does not know at all still shows, marked unknown.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const GenericNode = memo(function GenericNode(props: JourneyNodeProps) {
  return <NodeShell {...props} />;
});
