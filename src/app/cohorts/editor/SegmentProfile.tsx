// A segment's profile: its own distribution of every declared attribute (shares per value for a
// categorical one, a normal mean and sd for a numeric one), the chance of carrying each tag, and its
// RFM score shares. Share groups show their total and can be normalised to 100 %.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/journey';
import { rfmDimensions } from '../../../core/journey';
import { isPlainObject } from '../../../core/journey';
import { normaliseShareRecord, normaliseShares, shareTotal, uniformRfmShares } from '../../../core/cohort';
import { getAt, problemsAt, setAt, type Json, type Path } from '../draft';
import { fmt, NumberField, ProblemText, Section, type ProblemMap, type SetField } from './fields';
import { useLang } from '../../i18n/useLang';

export type Update = (change: (draft: Json) => Json) => void;

export interface PartProps {
  base: Path;
  segment: Json;
  problems: ProblemMap;
  set: SetField;
  update: Update;
}

const recordAt = (value: unknown): Json => (isPlainObject(value) ? value : {});

/** The total of a group of shares, the problems of the group as a whole, and its Normalise button. */
function ShareTotal({ shares, name, found, onNormalise }: { shares: unknown[]; name: string; found: Problem[]; onNormalise(): void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="cohort-share-total">
      <span id={id}>{t('cohorts.groupTotal', { total: fmt(shareTotal(shares), lang, 4) })}</span>
      <button type="button" aria-describedby={id} onClick={onNormalise}>
        {t('cohorts.normaliseGroup', { name })}
      </button>
      <ProblemText id={`${id}-error`} problems={found} />
    </div>
  );
}

export function SegmentAttributes({ base, segment, problems, set, update, declarations }: PartProps & { declarations: Json }) {
  const { t } = useTranslation();
  const names = Object.keys(declarations);
  const own = recordAt(segment.attributes);
  const numeric = recordAt(segment.numeric);
  return (
    <Section title={t('cohorts.segmentAttributesHeading')} help={t('cohorts.segmentAttributesHelp')}>
      {names.length === 0 && <p>{t('cohorts.noAttributes')}</p>}
      {names.map((name) => {
        const declaration = recordAt(declarations[name]);
        if (Array.isArray(declaration.values)) {
          const path: Path = [...base, 'attributes', name];
          const values = declaration.values.map(String);
          const shares = recordAt(own[name]);
          return (
            <div key={name} className="cohort-group" role="group" aria-label={t('cohorts.attributeShares', { attribute: name })}>
              <h5>{t('cohorts.attributeShares', { attribute: name })}</h5>
              <p className="cohort-field__help">{own[name] === undefined ? t('cohorts.usesCohortShares') : t('cohorts.ownShares')}</p>
              <div className="cohort-grid cohort-grid--narrow">
                {values.map((value) => (
                  <NumberField key={value} label={t('cohorts.valueShare', { attribute: name, value })} path={[...path, value]} value={shares[value]} problems={problems} onChange={set} />
                ))}
              </div>
              <ShareTotal
                shares={values.map((value) => shares[value])}
                name={name}
                found={problemsAt(problems, path, false)}
                onNormalise={() => update((draft) => setAt(draft, path, normaliseShareRecord(recordAt(getAt(draft, path)), values)))}
              />
              {own[name] !== undefined && (
                <button type="button" onClick={() => set(path, undefined)}>
                  {t('cohorts.useCohortShares', { attribute: name })}
                </button>
              )}
            </div>
          );
        }
        const path: Path = [...base, 'numeric', name];
        const distribution = recordAt(numeric[name]);
        const range = recordAt(declaration.numeric);
        // Typing into a segment that has no distribution yet creates one: the cohort-wide one, else the middle of the range with no spread.
        const setNumeric: SetField = (at, value) =>
          update((draft) => {
            if (getAt(draft, path) !== undefined || value === undefined) return setAt(draft, at, value);
            const fallback = isPlainObject(declaration.normal) ? declaration.normal : { mean: midpoint(range.min, range.max), sd: 0 };
            return setAt(draft, path, { ...fallback, [String(at.at(-1))]: value });
          });
        return (
          <div key={name} className="cohort-group" role="group" aria-label={t('cohorts.attributeNormal', { attribute: name })}>
            <h5>{t('cohorts.attributeNormal', { attribute: name })}</h5>
            <div className="cohort-grid cohort-grid--narrow">
              <NumberField label={t('cohorts.mean', { attribute: name })} help={t('cohorts.meanHelp')} path={[...path, 'mean']} value={distribution.mean} problems={problems} onChange={setNumeric} />
              <NumberField label={t('cohorts.sd', { attribute: name })} help={t('cohorts.sdHelp')} path={[...path, 'sd']} value={distribution.sd} problems={problems} onChange={setNumeric} />
            </div>
            <ProblemText id={`${path.join('-')}-error`} problems={problemsAt(problems, path, false)} />
          </div>
        );
      })}
      {/* Distributions for attributes the cohort does not declare: checkCohort reports them; they can only be removed. */}
      {[...Object.keys(own), ...Object.keys(numeric)]
        .filter((name) => !names.includes(name))
        .map((name) => {
          const path: Path = [...base, name in own ? 'attributes' : 'numeric', name];
          return (
            <div key={`undeclared-${name}`} className="cohort-group">
              <ProblemText id={`${path.join('-')}-error`} problems={problemsAt(problems, path)} />
              <button type="button" onClick={() => set(path, undefined)}>
                {t('cohorts.removeUndeclared', { attribute: name })}
              </button>
            </div>
          );
        })}
    </Section>
  );
}

const midpoint = (min: unknown, max: unknown) => (typeof min === 'number' && typeof max === 'number' ? (min + max) / 2 : 0);

export function SegmentTags({ base, segment, problems, set, tags }: PartProps & { tags: readonly string[] }) {
  const { t } = useTranslation();
  const chances = recordAt(segment.tags);
  const undeclared = Object.keys(chances).filter((tag) => !tags.includes(tag));
  return (
    <Section title={t('cohorts.segmentTagsHeading')} help={t('cohorts.segmentTagsHelp')}>
      {tags.length === 0 && undeclared.length === 0 && <p>{t('cohorts.noTags')}</p>}
      <div className="cohort-grid cohort-grid--narrow">
        {[...tags, ...undeclared].map((tag) => (
          <div key={tag} className="cohort-inline">
            <NumberField label={t('cohorts.tagChance', { tag })} path={[...base, 'tags', tag]} value={chances[tag]} scale={100} problems={problems} onChange={set} />
            {undeclared.includes(tag) && (
              <button type="button" onClick={() => set([...base, 'tags', tag], undefined)}>
                {t('cohorts.removeUndeclaredTag', { tag })}
              </button>
            )}
          </div>
        ))}
      </div>
    </Section>
  );
}

export function SegmentRfm({ base, segment, problems, update }: PartProps) {
  const { t } = useTranslation();
  const rfm = recordAt(segment.rfm);
  // A dimension the segment leaves out is uniform; editing one score writes the whole five.
  const setScore = (dimension: string, score: number, value: unknown) =>
    update((draft) => {
      const path = [...base, 'rfm', dimension];
      const current = getAt(draft, path);
      const shares = Array.isArray(current) ? [...current] : [...uniformRfmShares];
      shares[score] = value;
      return setAt(draft, path, shares);
    });
  return (
    <Section title={t('cohorts.rfmHeading')} help={t('cohorts.rfmHelp')}>
      <table className="cohort-channels">
        <thead>
          <tr>
            <th scope="col">{t('cohorts.rfmDimension')}</th>
            {[1, 2, 3, 4, 5].map((score) => (
              <th key={score} scope="col">
                {t('cohorts.rfmScore', { score })}
              </th>
            ))}
            <th scope="col">{t('cohorts.rfmTotal')}</th>
          </tr>
        </thead>
        <tbody>
          {rfmDimensions.map((dimension) => {
            const path: Path = [...base, 'rfm', dimension];
            const shares = Array.isArray(rfm[dimension]) ? (rfm[dimension] as unknown[]) : uniformRfmShares;
            const name = t(`cohorts.rfm_${dimension}`);
            return (
              <tr key={dimension}>
                <th scope="row">{name}</th>
                {[0, 1, 2, 3, 4].map((score) => (
                  <td key={score}>
                    <NumberField
                      compact
                      label={t('cohorts.rfmShare', { dimension: name, score: score + 1 })}
                      path={[...path, score]}
                      value={shares[score]}
                      problems={problems}
                      onChange={(_, value) => setScore(dimension, score, value)}
                    />
                  </td>
                ))}
                <td>
                  <ShareTotal shares={[...shares]} name={name} found={problemsAt(problems, path, false)} onNormalise={() => update((draft) => setAt(draft, path, normaliseShares(Array.isArray(getAt(draft, path)) ? (getAt(draft, path) as unknown[]) : uniformRfmShares)))} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Section>
  );
}
