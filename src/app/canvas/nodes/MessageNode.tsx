// Message: a touch on a channel; the summary names the channel and the start of the content, and a
// badge names the offers the message announces (offers given before it "with the next message").
import { memo } from 'react';
import { NodeShell, type JourneyNodeProps } from './NodeShell.tsx';
import { OfferCarrierBadge } from './OfferCarrierBadge.tsx';
import { useCarriedOffers } from './useCarriedOffers.ts';

export const MessageNode = memo(function MessageNode(props: JourneyNodeProps) {
  const offers = useCarriedOffers(props.data.node.id);
  return <NodeShell {...props}>{offers.length > 0 && <OfferCarrierBadge offers={offers} lang={props.data.lang} />}</NodeShell>;
});
