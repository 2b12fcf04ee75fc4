// Wait for event: two outputs, "happened" and "timeout", stacked on the right.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const WaitForEventNode = memo(function WaitForEventNode(props: JourneyNodeProps) {
  return <NodeShell {...props} />;
});
