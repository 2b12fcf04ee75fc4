// Exit: leaves the journey; no outputs.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const ExitNode = memo(function ExitNode(props: JourneyNodeProps) {
  return <NodeShell {...props} />;
});
