// Tag: adds or removes a tag, or sets an attribute.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const TagNode = memo(function TagNode(props: JourneyNodeProps) {
  return <NodeShell {...props} />;
});
