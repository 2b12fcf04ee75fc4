// Offer: a coupon, points or a right; the summary gives its value, minimum spend and validity.
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';

export const OfferNode = memo(function OfferNode(props: JourneyNodeProps) {
  return <NodeShell {...props} />;
});
