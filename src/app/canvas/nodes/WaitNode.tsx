// Wait: a fixed delay; the summary gives the duration.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const WaitNode = memo(function WaitNode(props: JourneyNodeProps) {
  return <NodeShell {...props} />;
});
