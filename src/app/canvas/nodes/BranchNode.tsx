// Branch: one output per case plus "else", stacked on the right; the summary lists the conditions.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const BranchNode = memo(function BranchNode(props: JourneyNodeProps) {
  return <NodeShell {...props} />;
});
