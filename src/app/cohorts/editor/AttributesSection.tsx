// The cohort's attribute vocabulary: declare, rename and remove attributes; a categorical one lists
// its values (add, rename, remove), a numeric one gives its range. Renames and removals carry through
// to every segment's distributions (src/core/cohort/vocabulary.ts).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPlainObject } from '../../../core/journey';
import {
  addAttribute,
  addAttributeValue,
  attributeNameProblem,
  newAttributeProblem,
  attributeValueProblem,
  attributeValues,
  removeAttribute,
  removeAttributeValue,
  renameAttribute,
  renameAttributeValue,
  type AttributeKind,
} from '../../../core/cohort';
import { problemsAt, textIn, type Json, type Path } from '../draft';
import { AddForm, NameField, NumberField, ProblemText, Section, type ProblemMap, type SetField } from './fields';
import type { Update } from './SegmentProfile';
import { useLang } from '../../i18n/useLang';

interface Props {
  declarations: Json;
  problems: ProblemMap;
  set: SetField;
  update: Update;
}

export function AttributesSection({ declarations, problems, set, update }: Props) {
  const { t } = useTranslation();
  const names = Object.keys(declarations);
  const [kind, setKind] = useState<AttributeKind>('categorical');
  const [values, setValues] = useState('');
  const kindId = useId();
  const valuesId = useId();
  const typedValues = values
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  return (
    <Section title={t('cohorts.attributesHeading')} help={t('cohorts.attributesHelp')}>
      {names.length === 0 && <p>{t('cohorts.noAttributes')}</p>}
      {names.map((name) => (
        <AttributeDeclaration key={name} name={name} declaration={isPlainObject(declarations[name]) ? declarations[name] : {}} names={names} problems={problems} set={set} update={update} />
      ))}
      <AddForm
        label={t('cohorts.newAttribute')}
        help={t('cohorts.newAttributeHelp')}
        button={t('cohorts.addAttribute')}
        validate={(name) => newAttributeProblem(name, names, kind, typedValues)}
        onAdd={(name) => {
          update((draft) => addAttribute(draft, name, kind, typedValues));
          setValues('');
        }}
      >
        <div className="cohort-field">
          <label htmlFor={kindId}>{t('cohorts.attributeKind')}</label>
          <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value as AttributeKind)}>
            <option value="categorical">{t('cohorts.kindCategorical')}</option>
            <option value="numeric">{t('cohorts.kindNumeric')}</option>
          </select>
        </div>
        {kind === 'categorical' && (
          <div className="cohort-field">
            <label htmlFor={valuesId}>{t('cohorts.newValues')}</label>
            <input id={valuesId} type="text" value={values} aria-describedby={`${valuesId}-help`} onChange={(event) => setValues(event.target.value)} />
            <small id={`${valuesId}-help`} className="cohort-field__help">
              {t('cohorts.newValuesHelp')}
            </small>
          </div>
        )}
      </AddForm>
    </Section>
  );
}

function AttributeDeclaration({ name, declaration, names, problems, set, update }: Omit<Props, 'declarations'> & { name: string; declaration: Json; names: string[] }) {
  const lang = useLang();
  const { t } = useTranslation();
  const path: Path = ['attributes', name];
  const categorical = Array.isArray(declaration.values);
  const range = isPlainObject(declaration.numeric) ? declaration.numeric : {};
  const headingId = useId();
  const shown = textIn(declaration.name, lang);
  return (
    <section className="cohort-group" aria-labelledby={headingId}>
      <div className="cohort-segment__header">
        <h5 id={headingId}>
          {t('cohorts.attribute', { attribute: name })} {shown && shown !== name ? `(${shown})` : ''} · {categorical ? t('cohorts.kindCategorical') : t('cohorts.kindNumeric')}
        </h5>
        <button type="button" onClick={() => update((draft) => removeAttribute(draft, name))}>
          {t('cohorts.removeAttribute', { attribute: name })}
        </button>
      </div>
      <ProblemText id={`${headingId}-error`} problems={problemsAt(problems, path, false)} />
      <div className="cohort-grid">
        <NameField
          label={t('cohorts.attributeName', { attribute: name })}
          help={t('cohorts.attributeNameHelp')}
          value={name}
          validate={(text) => attributeNameProblem(text, names)}
          onCommit={(text) => update((draft) => renameAttribute(draft, name, text))}
        />
        {!categorical && (
          <>
            <NumberField label={t('cohorts.rangeMin', { attribute: name })} help={t('cohorts.rangeMinHelp')} path={[...path, 'numeric', 'min']} value={range.min} problems={problems} onChange={set} />
            <NumberField label={t('cohorts.rangeMax', { attribute: name })} help={t('cohorts.rangeMaxHelp')} path={[...path, 'numeric', 'max']} value={range.max} problems={problems} onChange={set} />
            <label className="cohort-check">
              <input type="checkbox" checked={range.integer === true} onChange={(event) => set([...path, 'numeric', 'integer'], event.target.checked)} /> {t('cohorts.integer', { attribute: name })}
            </label>
          </>
        )}
      </div>
      {!categorical && <ProblemText id={`${headingId}-range`} problems={problemsAt(problems, [...path, 'numeric'], false)} />}
      {categorical && <AttributeValues name={name} problems={problems} update={update} values={attributeValues({ attributes: { [name]: declaration } }, name)} />}
    </section>
  );
}

function AttributeValues({ name, values, problems, update }: Pick<Props, 'problems' | 'update'> & { name: string; values: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="cohort-values" aria-label={t('cohorts.valuesOf', { attribute: name })}>
        {values.map((value, index) => (
          <li key={`${index}-${value}`}>
            <NameField
              label={t('cohorts.valueName', { attribute: name, n: index + 1 })}
              value={value}
              problems={problemsAt(problems, ['attributes', name, 'values', index])}
              validate={(text) => attributeValueProblem(text, values)}
              onCommit={(text) => update((draft) => renameAttributeValue(draft, name, value, text))}
            />
            {values.length > 1 && (
              <button type="button" onClick={() => update((draft) => removeAttributeValue(draft, name, value))}>
                {t('cohorts.removeValue', { attribute: name, value })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <AddForm
        label={t('cohorts.newValue', { attribute: name })}
        help={t('cohorts.newValueHelp')}
        button={t('cohorts.addValue', { attribute: name })}
        validate={(text) => attributeValueProblem(text, values)}
        onAdd={(text) => update((draft) => addAttributeValue(draft, name, text))}
      />
    </>
  );
}
