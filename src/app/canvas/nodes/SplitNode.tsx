// A/B split: one output per variant (with its weight; the holdout marked), stacked on the right.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const SplitNode = memo(function SplitNode(props: JourneyNodeProps) {
  return <NodeShell {...props} />;
});
