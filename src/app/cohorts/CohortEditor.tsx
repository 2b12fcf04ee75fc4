// The cohort editor: name, size, global control group, the attribute and tag vocabularies, and the segments (shares with
// their total and Normalise to 100 %, each segment's own form in editor/SegmentForm.tsx). The screen
// checks the draft with checkCohort; each problem shows next to the field its path names, and the
// draft keeps whatever was typed.
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import type { Problem } from '../../core/journey';
import { isPlainObject } from '../../core/journey';
import { normaliseShares, shareTotal } from '../../core/cohort';
import { problemsAt, problemsByPath, setAt, textIn, type Json, type Path } from './draft';
import { fmt, NumberField, ProblemText, Section, TextField } from './editor/fields';
import { AttributesSection } from './editor/AttributesSection';
import { SegmentForm } from './editor/SegmentForm';
import type { Update } from './editor/SegmentProfile';
import { TagsSection } from './editor/TagsSection';
import { CalendarSection } from './editor/CalendarSection';
import { TimingSection } from './editor/TimingSection';
import { useLang } from '../i18n/useLang';
import { FittedFromData } from '../calibration/FittedFromData';

export interface CohortEditorProps {
  draft: Json;
  /** What checkCohort found in the draft (possibly a render behind while typing). */
  problems: readonly Problem[];
  /** Applies a change to the latest draft (so a stable callback never edits a stale one). */
  onChange: Update;
}

const noProblems: readonly Problem[] = [];
const noDeclarations: Json = {};

/** The editing form for one cohort draft (saving is the screen's). */
export function CohortEditor({ draft, problems: found, onChange }: CohortEditorProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const problems = useMemo(() => problemsByPath(found), [found]);
  const set = useCallback((path: Path, value: unknown) => onChange((current) => setAt(current, path, value)), [onChange]);
  const segments = Array.isArray(draft.segments) ? (draft.segments as unknown[]).map((segment) => (isPlainObject(segment) ? segment : {})) : [];
  const declarations = isPlainObject(draft.attributes) ? draft.attributes : noDeclarations;
  const rawTags = draft.tags;
  const tags = useMemo(() => (Array.isArray(rawTags) ? rawTags.filter((tag): tag is string => typeof tag === 'string') : []), [rawTags]);
  const bySegment = useMemo(() => {
    const lists = new Map<number, Problem[]>();
    for (const problem of found) {
      const path = (problem.location as { path?: Path }).path ?? [];
      if (path[0] === 'segments' && typeof path[1] === 'number') lists.set(path[1], [...(lists.get(path[1]) ?? []), problem]);
    }
    return lists;
  }, [found]);
  const shares = segments.map((segment) => segment.share);
  const total = shareTotal(shares);
  const totalId = useId();
  // One segment's form at a time: a segment has over a hundred fields, and all of them at once make a
  // page too long to find one's way in (and slow to update).
  const [chosen, setChosen] = useState(0);
  const shown = Math.min(chosen, Math.max(segments.length - 1, 0));
  const common = { problems, onChange: set };

  const normalise = () =>
    onChange((current) => {
      const list = Array.isArray(current.segments) ? (current.segments as Json[]) : [];
      const next = normaliseShares(list.map((segment) => segment.share));
      return { ...current, segments: list.map((segment, index) => ({ ...segment, share: next[index] })) };
    });
  const addSegment = () => {
    // The new segment is picked outside the state updater (React may run an updater twice).
    setChosen(segments.length);
    onChange((current) => {
      const list = Array.isArray(current.segments) ? (current.segments as Json[]) : [];
      const ids = new Set(list.map((segment) => segment.id));
      let n = list.length + 1;
      while (ids.has(`segment_${n}`)) n += 1;
      // Named in both languages, whichever one the editor is showing.
      const name = { en: i18n.getFixedT('en')('cohorts.newSegmentName', { n }), 'zh-CN': i18n.getFixedT('zh-CN')('cohorts.newSegmentName', { n }) };
      const added: Json = { ...structuredClone(list.at(-1) ?? {}), id: `segment_${n}`, name, share: 0 };
      delete added.description;
      return { ...current, segments: [...list, added] };
    });
  };
  const removeSegment = useCallback(
    (index: number) => {
      setChosen((at) => Math.max(0, at >= index ? at - 1 : at));
      onChange((current) => ({ ...current, segments: Array.isArray(current.segments) ? current.segments.filter((_, at) => at !== index) : current.segments }));
    },
    [onChange],
  );

  return (
    <div className="cohort-editor">
      <Section title={t('cohorts.editorHeading')}>
        <TextField label={t('cohorts.name')} help={t('cohorts.nameHelp')} path={['name']} value={draft.name} {...common} />
        <TextField label={t('cohorts.description')} help={t('cohorts.descriptionHelp')} path={['description']} value={draft.description} {...common} />
        <NumberField label={t('cohorts.size')} help={t('cohorts.sizeHelp')} path={['size']} value={draft.size} {...common} />
        <NumberField label={t('cohorts.controlGroup')} help={t('cohorts.controlGroupHelp')} path={['controlGroupShare']} value={draft.controlGroupShare} scale={100} {...common} />
      </Section>

      {draft.provenance !== undefined && <FittedFromData provenance={draft.provenance} cohort={{ ...draft, id: String(draft.id) }} />}
      <AttributesSection declarations={declarations} problems={problems} set={set} update={onChange} />
      <TagsSection tags={tags} problems={problems} update={onChange} />
      <CalendarSection calendar={draft.calendar} problems={found} update={onChange} />
      <TimingSection timing={draft.timing} problems={found} update={onChange} />

      <section className="cohort-segments" aria-labelledby={`${totalId}-heading`}>
        <h3 id={`${totalId}-heading`}>{t('cohorts.segmentsHeading')}</h3>
        <p className="cohort-section__help">{t('cohorts.segmentsHelp')}</p>
        <div className="cohort-total" role="status" aria-live="polite">
          <strong id={totalId}>{t('cohorts.total', { total: fmt(total, lang, 4) })}</strong>{' '}
          <span>{Math.abs(total - 100) < 1e-6 ? t('cohorts.totalOk') : t('cohorts.totalOff')}</span>
          <ProblemText id={`${totalId}-error`} problems={problemsAt(problems, ['segments'], false)} />
        </div>
        <div className="cohort-segments__actions">
          <button type="button" onClick={normalise} aria-describedby={totalId}>
            {t('cohorts.normalise')}
          </button>
          <button type="button" onClick={addSegment}>
            {t('cohorts.addSegment')}
          </button>
        </div>
        <ul className="cohort-segment-picker" aria-label={t('cohorts.segmentPicker')}>
          {segments.map((segment, index) => (
            <li key={index}>
              <button type="button" aria-pressed={index === shown} className={bySegment.has(index) ? 'cohort-segment-picker__flagged' : undefined} onClick={() => setChosen(index)}>
                {textIn(segment.name, lang) || String(segment.id ?? index + 1)} · {fmt(typeof segment.share === 'number' ? segment.share : 0, lang)} %
                {bySegment.has(index) && <span className="visually-hidden"> {t('cohorts.segmentHasProblems')}</span>}
              </button>
            </li>
          ))}
        </ul>
        {segments[shown] && (
          <SegmentForm
            key={shown}
            index={shown}
            segment={segments[shown]}
            declarations={declarations}
            tags={tags}
            problems={bySegment.get(shown) ?? noProblems}
            canRemove={segments.length > 1}
            set={set}
            update={onChange}
            onRemove={removeSegment}
          />
        )}
      </section>
    </div>
  );
}
