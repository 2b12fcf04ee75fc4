// Message: a touch on a channel; the summary names the channel and the start of the content.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const MessageNode = memo(function MessageNode(props: JourneyNodeProps) {
  return <NodeShell {...props} />;
});
