// A message that announces offers (their announcement is "with the next message") says so on its frame:
// a ticket and the offers' names, so the operator sees which touch tells users of which coupon.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/index.ts';
import { formatList } from '../../i18n/format';
import './offerCarrierBadge.css';
import { OfferIcon } from '../../icons';

export function OfferCarrierBadge({ offers, lang }: { offers: readonly string[]; lang: Language }) {
  const { t } = useTranslation(undefined, { lng: lang });
  const names = formatList(offers, lang);
  const label = t('canvas.node.carriesOffers', { count: offers.length, offers: names });
  return (
    <p className="offer-carrier-badge">
      <span role="img" className="offer-carrier-badge__pill" aria-label={label} title={label}>
        <span aria-hidden="true" className="offer-carrier-badge__icon">
          <OfferIcon />
        </span>
        <span aria-hidden="true" className="offer-carrier-badge__names">
          {names}
        </span>
      </span>
    </p>
  );
}
