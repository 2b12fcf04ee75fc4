// Goal: a counted conversion checkpoint.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const GoalNode = memo(function GoalNode(props: JourneyNodeProps) {
  return <NodeShell {...props} />;
});
