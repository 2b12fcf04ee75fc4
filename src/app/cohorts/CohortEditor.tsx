// The cohort editor: name, size, segments (shares with their total and Normalise to 100 %), and per
// segment reach and response per channel, the BG/NBD purchase and gamma-gamma order-value parameters
// (with what they imply in plain words), fatigue, lifts, response window and delay, and event rates.
// Every edit is checked with checkCohort at once; each problem shows next to the field its path names,
// and the draft keeps whatever was typed. Attribute distributions, tags and RFM are kept as they are.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/i18n';
import type { Problem } from '../../core/journey/problems';
import { channelInfo, channels } from '../../core/journey/channels';
import { checkCohort } from '../../core/sim/cohort';
import { allFinite, lapseChance, meanOrderValue, normaliseShares, purchasesPerMonth, shareTotal } from '../../core/sim/cohortEditing';
import { getAt, problemsAt, problemsByPath, setAt, textIn, withText, displayNumber, parseNumber, type Json, type Path } from './draft';

type ProblemMap = Map<string, Problem[]>;

function ProblemText({ id, problems, lang }: { id: string; problems: Problem[]; lang: Lang }) {
  if (problems.length === 0) return null;
  return (
    <span id={id} className="cohort-field__error" role="note">
      {problems.map((problem, index) => (
        <span key={index} className={`cohort-field__problem cohort-field__problem--${problem.severity}`}>
          {problem.message[lang]}
        </span>
      ))}
    </span>
  );
}

interface NumberFieldProps {
  label: string;
  help?: string;
  path: Path;
  draft: Json;
  problems: ProblemMap;
  lang: Lang;
  scale?: number;
  onChange(path: Path, value: unknown): void;
  compact?: boolean;
}

/** A number typed as text: the typed text is kept while it is not a number (and the check says so). */
function NumberField({ label, help, path, draft, problems, lang, scale = 1, onChange, compact }: NumberFieldProps) {
  const id = useId();
  const value = getAt(draft, path);
  const [local, setLocal] = useState(() => ({ text: displayNumber(value, scale), value }));
  let text = local.text;
  if (local.value !== value) {
    // Changed elsewhere (Normalise, a reload): show it, unless the typed text already means it.
    text = parseNumber(local.text, scale) === value ? local.text : displayNumber(value, scale);
    setLocal({ text, value });
  }
  const found = problemsAt(problems, path);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : '', found.length ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`cohort-field${compact ? ' cohort-field--compact' : ''}`}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={found.some((problem) => problem.severity === 'error') || undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const typed = parseNumber(event.target.value, scale);
          setLocal({ text: event.target.value, value: typed });
          onChange(path, typed);
        }}
      />
      {help && (
        <small id={helpId} className="cohort-field__help">
          {help}
        </small>
      )}
      <ProblemText id={errorId} problems={found} lang={lang} />
    </div>
  );
}

function TextField({ label, help, path, draft, problems, lang, onChange }: Omit<NumberFieldProps, 'scale' | 'compact'>) {
  const id = useId();
  const value = getAt(draft, path);
  const found = problemsAt(problems, path);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  return (
    <div className="cohort-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={textIn(value, lang)}
        aria-invalid={found.some((problem) => problem.severity === 'error') || undefined}
        aria-describedby={[help ? helpId : '', found.length ? errorId : ''].filter(Boolean).join(' ') || undefined}
        onChange={(event) => onChange(path, typeof value === 'string' && path.at(-1) === 'id' ? event.target.value : withText(value, lang, event.target.value))}
      />
      {help && (
        <small id={helpId} className="cohort-field__help">
          {help}
        </small>
      )}
      <ProblemText id={errorId} problems={found} lang={lang} />
    </div>
  );
}

function Section({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className="cohort-section" aria-describedby={help ? `${id}-help` : undefined}>
      <legend>{title}</legend>
      {help && (
        <p id={`${id}-help`} className="cohort-section__help">
          {help}
        </p>
      )}
      {children}
    </fieldset>
  );
}

const fmt = (value: number, lang: Lang, digits = 2) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);

export interface CohortEditorProps {
  draft: Json;
  lang: Lang;
  onChange(next: Json): void;
}

/** The editing form for one cohort draft (saving is the screen's). */
export function CohortEditor({ draft, lang, onChange }: CohortEditorProps) {
  const { t } = useTranslation();
  const checked = useMemo(() => checkCohort(draft), [draft]);
  const problems = useMemo(() => problemsByPath(checked.problems), [checked]);
  const set = (path: Path, value: unknown) => onChange(setAt(draft, path, value));
  const segments = Array.isArray(draft.segments) ? (draft.segments as Json[]) : [];
  const shares = segments.map((segment) => segment.share);
  const total = shareTotal(shares);
  const totalProblems = problemsAt(problems, ['segments'], false);
  const totalId = useId();
  const common = { draft, problems, lang, onChange: set };

  const normalise = () => {
    const next = normaliseShares(shares);
    onChange({ ...draft, segments: segments.map((segment, index) => ({ ...segment, share: next[index] })) });
  };
  const addSegment = () => {
    const last = segments.at(-1) ?? {};
    const ids = new Set(segments.map((segment) => segment.id));
    let n = segments.length + 1;
    while (ids.has(`segment_${n}`)) n += 1;
    const added = { ...structuredClone(last), id: `segment_${n}`, name: withText('', 'en', `${t('cohorts.newSegment')} ${n}`), share: 0 };
    delete (added as Json).description;
    onChange({ ...draft, segments: [...segments, added] });
  };
  const removeSegment = (index: number) => onChange({ ...draft, segments: segments.filter((_, at) => at !== index) });

  return (
    <div className="cohort-editor">
      <Section title={t('cohorts.editorHeading')}>
        <TextField label={t('cohorts.name')} help={t('cohorts.nameHelp')} path={['name']} {...common} />
        <TextField label={t('cohorts.description')} help={t('cohorts.descriptionHelp')} path={['description']} {...common} />
        <NumberField label={t('cohorts.size')} help={t('cohorts.sizeHelp')} path={['size']} {...common} />
        <p className="cohort-editor__kept">{t('cohorts.fieldsKept')}</p>
      </Section>

      <section className="cohort-segments" aria-labelledby={`${totalId}-heading`}>
        <h3 id={`${totalId}-heading`}>{t('cohorts.segmentsHeading')}</h3>
        <p className="cohort-section__help">{t('cohorts.segmentsHelp')}</p>
        <div className="cohort-total" role="status" aria-live="polite">
          <strong id={totalId}>{t('cohorts.total', { total: fmt(total, lang, 4) })}</strong>{' '}
          <span>{Math.abs(total - 100) < 1e-6 ? t('cohorts.totalOk') : t('cohorts.totalOff')}</span>
          <ProblemText id={`${totalId}-error`} problems={totalProblems} lang={lang} />
        </div>
        <div className="cohort-segments__actions">
          <button type="button" onClick={normalise} aria-describedby={totalId}>
            {t('cohorts.normalise')}
          </button>
          <button type="button" onClick={addSegment}>
            {t('cohorts.addSegment')}
          </button>
        </div>
        {segments.map((segment, index) => (
          <SegmentForm
            key={index}
            index={index}
            segment={segment}
            canRemove={segments.length > 1}
            onRemove={() => removeSegment(index)}
            {...common}
          />
        ))}
      </section>
    </div>
  );
}

function SegmentForm({ index, segment, canRemove, onRemove, draft, problems, lang, onChange }: { index: number; segment: Json; canRemove: boolean; onRemove(): void } & Omit<NumberFieldProps, 'label' | 'path'>) {
  const { t } = useTranslation();
  const base: Path = ['segments', index];
  const common = { draft, problems, lang, onChange };
  const name = textIn(segment.name, lang) || String(segment.id ?? index + 1);
  const headingId = useId();
  const behaviour: Path = [...base, 'behaviour'];
  const purchase = (getAt(draft, [...behaviour, 'purchase']) ?? {}) as Json;
  const order = (getAt(draft, [...behaviour, 'orderValue']) ?? {}) as Json;
  const events = (getAt(draft, [...behaviour, 'events']) ?? {}) as Json;
  const eventNames = Object.keys(events);
  return (
    <section className="cohort-segment" aria-labelledby={headingId}>
      <header className="cohort-segment__header">
        <h4 id={headingId}>{t('cohorts.segment', { name })}</h4>
        {canRemove && (
          <button type="button" onClick={onRemove}>
            {t('cohorts.removeSegment', { name })}
          </button>
        )}
      </header>
      <div className="cohort-grid">
        <TextField label={t('cohorts.segmentName')} help={t('cohorts.segmentNameHelp')} path={[...base, 'name']} {...common} />
        <TextField label={t('cohorts.segmentId')} help={t('cohorts.segmentIdHelp')} path={[...base, 'id']} {...common} />
        <NumberField label={t('cohorts.share')} help={t('cohorts.shareHelp')} path={[...base, 'share']} {...common} />
      </div>

      <Section title={t('cohorts.reachHeading')} help={`${t('cohorts.reachHelp')} ${t('cohorts.responseHelp')}`}>
        <table className="cohort-channels">
          <thead>
            <tr>
              <th scope="col">{t('cohorts.reachHeading')}</th>
              <th scope="col">%</th>
              <th scope="col">{t('cohorts.open_', { channel: '' })}</th>
              <th scope="col">{t('cohorts.click', { channel: '' })}</th>
              <th scope="col">{t('cohorts.unsubscribe', { channel: '' })}</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((channel) => {
              const label = channelInfo[channel].name[lang];
              return (
                <tr key={channel}>
                  <th scope="row">{label}</th>
                  <td>
                    <NumberField compact label={t('cohorts.reach', { channel: label })} path={[...base, 'reach', channel]} scale={100} {...common} />
                  </td>
                  {(['open', 'click', 'unsubscribe'] as const).map((field) => (
                    <td key={field}>
                      <NumberField
                        compact
                        label={t(field === 'open' ? 'cohorts.open_' : field === 'click' ? 'cohorts.click' : 'cohorts.unsubscribe', { channel: label })}
                        path={[...behaviour, 'response', channel, field]}
                        scale={100}
                        {...common}
                        onChange={(path, value) => {
                          // Typing into a channel with no response yet creates it, the other two at 0.
                          const existing = getAt(draft, [...behaviour, 'response', channel]);
                          if (existing === undefined && value !== undefined)
                            onChange([...behaviour, 'response', channel], { open: 0, click: 0, unsubscribe: 0, [field]: value });
                          else onChange(path, value);
                        }}
                      />
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
            <NumberField key={key} label={t(`cohorts.${key}`)} help={t(`cohorts.${key}Help`)} path={[...behaviour, 'purchase', key]} {...common} />
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
            <NumberField key={key} label={t(`cohorts.${key}`)} help={t(`cohorts.${key}Help`)} path={[...behaviour, 'orderValue', key]} {...common} />
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
          {(['fatigue', 'clickLift', 'offerLift', 'responseWindowDays', 'responseDelayHours'] as const).map((key) => (
            <NumberField key={key} label={t(`cohorts.${key}`)} help={t(`cohorts.${key}Help`)} path={[...behaviour, key]} {...common} />
          ))}
        </div>
      </Section>

      <Section title={t('cohorts.eventsHeading')} help={t('cohorts.eventsHelp')}>
        {eventNames.length === 0 ? (
          <p>{t('cohorts.noEvents')}</p>
        ) : (
          <ul className="cohort-events">
            {eventNames.map((event) => (
              <li key={event}>
                <NumberField label={t('cohorts.event', { event })} path={[...behaviour, 'events', event, 'perDay']} {...common} />
                <button type="button" aria-label={t('cohorts.removeEvent', { event })} title={t('cohorts.removeEvent', { event })} onClick={() => onChange([...behaviour, 'events', event], undefined)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </section>
  );
}
