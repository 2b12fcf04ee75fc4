// Who the followed user is: segment, attributes, RFM, tags and the channels that reach them.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { channelInfo, channels } from '../../../core/journey';
import { attributeName, formatValue } from '../../../core/trainer';
import type { CohortSpec } from '../../../core/cohort';
import type { UserProfile } from '../../../core/trainer';
import { formatList } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

export function UserProfileView({ user, profile, cohort, onStop }: { user: number; profile: UserProfile; cohort: CohortSpec; onStop(): void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const headingId = useId();
  const none = t('trainer.follow.none');
  const attributes = Object.entries(profile.attributes);
  const { recency, frequency, monetary } = profile.rfm;
  return (
    <section className="follow__profile" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('trainer.follow.profileHeading', { user })}</h3>
      <button type="button" onClick={onStop}>
        {t('trainer.follow.stop')}
      </button>
      <dl>
        <dt>{t('trainer.follow.segment')}</dt>
        <dd>{say(profile.segmentName, lang)}</dd>
        <dt>{t('trainer.follow.attributes')}</dt>
        <dd>{attributes.length === 0 ? none : formatList(attributes.map(([name, value]) => `${say(attributeName(cohort, name), lang)} ${say(formatValue(value), lang)}`), lang)}</dd>
        <dt>{t('trainer.follow.rfm')}</dt>
        <dd>{`R${recency} F${frequency} M${monetary}`}</dd>
        <dt>{t('trainer.follow.tags')}</dt>
        <dd>{profile.tags.length === 0 ? none : formatList(profile.tags, lang)}</dd>
        <dt>{t('trainer.follow.reach')}</dt>
        <dd>{profile.reach.length === 0 ? none : formatList(channels.filter((channel) => profile.reach.includes(channel)).map((channel) => say(channelInfo[channel].name, lang)), lang)}</dd>
      </dl>
    </section>
  );
}
