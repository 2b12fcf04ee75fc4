// One segment's form: name, id and share, channel reach and response, the purchase and order-value
// models (with what they imply in plain words), the response model, its profile and its event rates.
// Memoised: typing in one segment re-renders only that one (the draft is updated by path copying, so
// other segments keep their identity) unless the problems found in a segment change.
import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/journey';
import { channelInfo, channels } from '../../../core/journey';
import { isPlainObject } from '../../../core/journey';
import { allFinite, lapseChance, meanOrderValue, purchasesPerMonth } from '../../../core/cohort';
import { getAt, problemsByPath, setAt, textIn, type Json, type Path } from '../draft';
import { fmt, NumberField, Section, TextField, type SetField } from './fields';
import { SegmentAttributes, SegmentRfm, SegmentTags, type Update } from './SegmentProfile';
import { SegmentEvents } from './SegmentEvents';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

export interface SegmentFormProps {
  index: number;
  segment: Json;
  /** The cohort's attribute declarations and tag list, which the profile gives distributions for. */
  declarations: Json;
  tags: readonly string[];
  /** The problems checkCohort found in this segment. */
  problems: readonly Problem[];
  canRemove: boolean;
  set: SetField;
  update: Update;
  onRemove(index: number): void;
}

const recordAt = (value: unknown): Json => (isPlainObject(value) ? value : {});
const responseFields = ['open', 'click', 'unsubscribe'] as const;
const responseLabel = { open: 'cohorts.open_', click: 'cohorts.click', unsubscribe: 'cohorts.unsubscribe' } as const;
const responseColumn = { open: 'cohorts.openColumn', click: 'cohorts.clickColumn', unsubscribe: 'cohorts.unsubscribeColumn' } as const;

function SegmentFormView({ index, segment, declarations, tags, problems: found, canRemove, set, update, onRemove }: SegmentFormProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const problems = useMemo(() => problemsByPath(found), [found]);
  const base: Path = ['segments', index];
  const name = textIn(segment.name, lang) || String(segment.id ?? index + 1);
  const headingId = useId();
  const behaviourPath: Path = [...base, 'behaviour'];
  const behaviour = recordAt(segment.behaviour);
  const purchase = recordAt(behaviour.purchase);
  const order = recordAt(behaviour.orderValue);
  const reach = recordAt(segment.reach);
  const response = recordAt(behaviour.response);
  const common = { problems, onChange: set };
  const parts = { base, segment, problems, set, update };
  return (
    <section className="cohort-segment" aria-labelledby={headingId}>
      <header className="cohort-segment__header">
        <h4 id={headingId}>{t('cohorts.segment', { name })}</h4>
        {canRemove && (
          <button type="button" onClick={() => onRemove(index)}>
            {t('cohorts.removeSegment', { name })}
          </button>
        )}
      </header>
      <div className="cohort-grid">
        <TextField label={t('cohorts.segmentName')} help={t('cohorts.segmentNameHelp')} path={[...base, 'name']} value={segment.name} {...common} />
        <TextField label={t('cohorts.segmentId')} help={t('cohorts.segmentIdHelp')} path={[...base, 'id']} value={segment.id} {...common} />
        <NumberField label={t('cohorts.share')} help={t('cohorts.shareHelp')} path={[...base, 'share']} value={segment.share} {...common} />
      </div>

      <Section title={t('cohorts.reachHeading')} help={`${t('cohorts.reachHelp')} ${t('cohorts.responseHelp')}`}>
        <table className="cohort-channels">
          <thead>
            <tr>
              <th scope="col">{t('cohorts.reachHeading')}</th>
              <th scope="col">%</th>
              {responseFields.map((field) => (
                <th key={field} scope="col">
                  {t(responseColumn[field])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {channels.map((channel) => {
              const label = say(channelInfo[channel].name, lang);
              const channelPath: Path = [...behaviourPath, 'response', channel];
              // Typing into a channel with no response yet creates it, the other two at 0.
              const setResponse: SetField = (path, value) =>
                update((draft) =>
                  getAt(draft, channelPath) === undefined && value !== undefined ? setAt(draft, channelPath, { open: 0, click: 0, unsubscribe: 0, [String(path.at(-1))]: value }) : setAt(draft, path, value),
                );
              return (
                <tr key={channel}>
                  <th scope="row">{label}</th>
                  <td>
                    <NumberField compact label={t('cohorts.reach', { channel: label })} path={[...base, 'reach', channel]} value={reach[channel]} scale={100} {...common} />
                  </td>
                  {responseFields.map((field) => (
                    <td key={field}>
                      <NumberField compact label={t(responseLabel[field], { channel: label })} path={[...channelPath, field]} value={recordAt(response[channel])[field]} scale={100} {...common} onChange={setResponse} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>

      <Section title={t('cohorts.purchaseHeading')} help={t('cohorts.purchaseHelp')}>
        <div className="cohort-grid">
          {(['r', 'alpha', 'a', 'b'] as const).map((key) => (
            <NumberField key={key} label={t(`cohorts.${key}`)} help={t(`cohorts.${key}Help`)} path={[...behaviourPath, 'purchase', key]} value={purchase[key]} {...common} />
          ))}
        </div>
        <p className="cohort-implied" aria-live="polite">
          {allFinite(purchase.r, purchase.alpha) && (purchase.alpha as number) > 0 && <span>{t('cohorts.perMonth', { value: fmt(purchasesPerMonth(purchase.r as number, purchase.alpha as number), lang) })}</span>}
          {allFinite(purchase.a, purchase.b) && (purchase.a as number) + (purchase.b as number) > 0 && (
            <span>{t('cohorts.lapse', { value: fmt(lapseChance(purchase.a as number, purchase.b as number) * 100, lang, 1) })}</span>
          )}
        </p>
      </Section>

      <Section title={t('cohorts.orderHeading')} help={t('cohorts.orderHelp')}>
        <div className="cohort-grid">
          {(['p', 'q', 'gamma'] as const).map((key) => (
            <NumberField key={key} label={t(`cohorts.${key}`)} help={t(`cohorts.${key}Help`)} path={[...behaviourPath, 'orderValue', key]} value={order[key]} {...common} />
          ))}
        </div>
        <p className="cohort-implied" aria-live="polite">
          {allFinite(order.p, order.q, order.gamma) &&
            (Number.isFinite(meanOrderValue(order.p as number, order.q as number, order.gamma as number)) ? (
              <span>{t('cohorts.meanOrder', { value: fmt(meanOrderValue(order.p as number, order.q as number, order.gamma as number), lang) })}</span>
            ) : (
              <span>{t('cohorts.meanOrderInfinite')}</span>
            ))}
        </p>
      </Section>

      <Section title={t('cohorts.responseModelHeading')}>
        <div className="cohort-grid">
          {(['fatigue', 'unsubscribePressure', 'clickLift', 'priceElasticity', 'pullForward', 'reactivation', 'responseWindowDays', 'responseDelayHours'] as const).map((key) => (
            <NumberField key={key} label={t(`cohorts.${key}`)} help={t(`cohorts.${key}Help`)} path={[...behaviourPath, key]} value={behaviour[key]} {...common} />
          ))}
        </div>
      </Section>

      <SegmentAttributes {...parts} declarations={declarations} />
      <SegmentTags {...parts} tags={tags} />
      <SegmentRfm {...parts} />
      <SegmentEvents {...parts} index={index} />
    </section>
  );
}

const sameProblems = (a: readonly Problem[], b: readonly Problem[]) =>
  a.length === b.length && a.every((problem, at) => problem.code === b[at]!.code && say(problem.message, 'en') === say(b[at]!.message, 'en') && JSON.stringify(problem.location) === JSON.stringify(b[at]!.location));

export const SegmentForm = memo(SegmentFormView, (before, after) =>
  (Object.keys(after) as (keyof SegmentFormProps)[]).every((key) => (key === 'problems' ? sameProblems(before.problems, after.problems) : before[key] === after[key])),
);
