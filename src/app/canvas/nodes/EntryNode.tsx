// Entry: where users come in (trigger event, audience or schedule); no input handle.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const EntryNode = memo(function EntryNode(props: JourneyNodeProps) {
  return <NodeShell {...props} input={false} />;
});
