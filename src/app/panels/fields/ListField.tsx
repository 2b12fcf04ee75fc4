// A list of items (branch cases, split variants): one fieldset per item with its fields, a remove
// button per item, an add button, and a running total where the list has one (weights → 100 %).
import type { ReactNode } from 'react';
import { getIn, keyPath, numbered, type FieldPath, type FieldSpec } from '../../../core/journey';
import { Messages, useSlot } from '../FieldShell';
import { unitText, useForm } from '../formContext';
import { say } from '../../i18n/say';

export function ListField({
  field,
  path,
  value,
  renderItemField,
}: {
  field: FieldSpec;
  path: FieldPath;
  value: unknown;
  renderItemField(sub: FieldSpec, item: unknown, at: FieldPath): ReactNode;
}) {
  const form = useForm();
  const { lang, t } = form;
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const helpId = form.idFor(path, 'help');
  const slot = useSlot(path, [helpId]);
  const spec = field.item;
  const minItems = spec?.minItems ?? 0;
  const sum = field.sum;
  const total = sum ? items.reduce<number>((acc, item) => acc + (Number(getIn(item, keyPath(sum.key))) || 0), 0) : 0;
  const sumField = sum ? field.fields?.find((sub) => sub.key === sum.key) : undefined;
  const sumUnit = unitText(sumField?.unit, form) ?? '';
  const rounded = Math.round(total * 1000) / 1000;
  return (
    <fieldset className="insp-group insp-list" aria-describedby={slot.describedBy}>
      <legend className="insp-group__legend">{say(field.label, lang)}</legend>
      <p id={helpId} className="insp-field__help">
        {say(field.help, lang)}
      </p>
      {items.length === 0 ? <p className="insp-list__empty">{t('list.empty')}</p> : null}
      {items.map((item, index) => (
        <ListItem key={index} path={[...path, index]} legend={spec ? say(numbered(spec.name, index + 1), lang) : String(index + 1)}>
          {(field.fields ?? []).map((sub) => renderItemField(sub, item, [...path, index]))}
          {spec ? (
            <button
              type="button"
              className="insp-button insp-button--quiet"
              disabled={items.length <= minItems}
              onClick={() => form.setAt(path, items.filter((_, other) => other !== index))}
            >
              {say(numbered(spec.remove, index + 1), lang)}
            </button>
          ) : null}
        </ListItem>
      ))}
      {sum ? (
        <p className={`insp-sum${sum.target !== undefined && Math.abs(total - sum.target) > 1e-6 ? ' insp-sum--off' : ''}`} aria-live="polite">
          {t('list.sum', { label: say(sum.label, lang), total: rounded, unit: sumUnit === '%' ? ' %' : sumUnit ? ` ${sumUnit}` : '' })}
          {sum.target !== undefined && Math.abs(total - sum.target) > 1e-6 ? (
            <span className="insp-sum__target"> · {t('list.sumTarget', { target: sum.target })}</span>
          ) : null}
        </p>
      ) : null}
      {spec ? (
        <button type="button" className="insp-button" onClick={() => form.setAt(path, [...items, spec.create(items)])}>
          {say(spec.add, lang)}
        </button>
      ) : null}
      <Messages id={slot.msgId} messages={slot.messages} t={t} />
    </fieldset>
  );
}

function ListItem({ path, legend, children }: { path: FieldPath; legend: string; children: ReactNode }) {
  const form = useForm();
  const slot = useSlot(path);
  return (
    <fieldset className="insp-item" aria-describedby={slot.describedBy}>
      <legend className="insp-item__legend">{legend}</legend>
      {children}
      <Messages id={slot.msgId} messages={slot.messages} t={form.t} />
    </fieldset>
  );
}
