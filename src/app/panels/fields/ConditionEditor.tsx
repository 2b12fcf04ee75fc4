// A condition on the user, edited as rows: "match all / any of these tests", each test an attribute
// comparison, a tag, a segment, an RFM score or a count of recent events. Conditions with nested groups
// or "not" do not fit rows and are edited as JSON, checked by the same schema.
import { useState } from 'react';
import { comparisonOps, conditionSchema, describeCondition, rfmDimensions, type ComparisonOp } from '../../../core/journey';
import { formatScalar, parseScalar, pathKey, type FieldPath } from '../../../core/journey';
import { grouped } from '../../../core/i18n';
import { say } from '../../i18n/say';
import { measureDocument } from '../../../core/journey';
import { MAX_CONDITION_DEPTH, MAX_DOCUMENT_CHARS, MAX_DOCUMENT_DEPTH, MAX_DOCUMENT_VALUES } from '../../../core/journey';
import type { LocalError } from '../useDraftForm';
import { FieldShell, Messages, useSlot } from '../FieldShell';
import { useForm, type FormApi } from '../formContext';
import { DurationInput } from './DurationInput';
import { EventInput } from './EventInput';
import { NumberInput } from './NumberInput';
import { useRawText } from './useRawText';
import {
  fromFlat,
  newTest,
  rowPath,
  splitList,
  testType,
  testTypes,
  toFlat,
  type FlatCondition,
  type Mode,
  type Test,
  type TestType,
} from './conditionRows';

const opKeys = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', in: 'in' } as const satisfies Record<ComparisonOp, string>;
const orderOps = comparisonOps.filter((op) => op !== 'in');

function OpSelect({ path, value, ops, onChange }: { path: FieldPath; value: string; ops: readonly ComparisonOp[]; onChange(op: ComparisonOp): void }) {
  const form = useForm();
  return (
    <FieldShell path={path} label={form.t('condition.op')}>
      {(control) => (
        <select
          id={control.id}
          className="insp-select"
          value={value}
          aria-invalid={control.invalid || undefined}
          aria-describedby={control.describedBy}
          onChange={(event) => onChange(event.target.value as ComparisonOp)}
        >
          {ops.map((op) => (
            <option key={op} value={op}>
              {form.t(`condition.ops.${opKeys[op]}`)}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

function TextRowInput({ path, label, value, placeholder }: { path: FieldPath; label: string; value: unknown; placeholder?: string }) {
  const form = useForm();
  return (
    <FieldShell path={path} label={label}>
      {(control) => (
        <input
          id={control.id}
          className="insp-input"
          type="text"
          value={typeof value === 'string' ? value : ''}
          placeholder={placeholder}
          aria-invalid={control.invalid || undefined}
          aria-describedby={control.describedBy}
          onChange={(event) => form.setAt(path, event.target.value)}
        />
      )}
    </FieldShell>
  );
}

function BooleanRowSelect({ path, label, value, yes, no }: { path: FieldPath; label: string; value: unknown; yes: string; no: string }) {
  const form = useForm();
  return (
    <FieldShell path={path} label={label}>
      {(control) => (
        <select
          id={control.id}
          className="insp-select"
          value={value === false ? 'false' : 'true'}
          aria-describedby={control.describedBy}
          onChange={(event) => form.setAt(path, event.target.value === 'true')}
        >
          <option value="true">{yes}</option>
          <option value="false">{no}</option>
        </select>
      )}
    </FieldShell>
  );
}

/** The value of an attribute test: one scalar, or a comma-separated list with "in". */
function AttributeValueInput({ path, value, list }: { path: FieldPath; value: unknown; list: boolean }) {
  const form = useForm();
  const valueOf = (raw: string) => (list ? splitList(raw).map(parseScalar) : parseScalar(raw));
  const format = (current: unknown) => (Array.isArray(current) ? current.map(formatScalar).join(', ') : formatScalar(current));
  const [raw, setRaw] = useRawText<unknown>(value, valueOf, format);
  return (
    <FieldShell path={path} label={list ? form.t('condition.values') : form.t('condition.value')}>
      {(control) => (
        <input
          id={control.id}
          className="insp-input"
          type="text"
          value={raw}
          aria-invalid={control.invalid || undefined}
          aria-describedby={control.describedBy}
          onChange={(event) => {
            setRaw(event.target.value);
            form.setAt(path, valueOf(event.target.value));
          }}
        />
      )}
    </FieldShell>
  );
}

function RowFields({ row, at }: { row: Test; at: FieldPath }) {
  const form = useForm();
  const { t } = form;
  if ('attribute' in row)
    return (
      <>
        <TextRowInput path={[...at, 'attribute']} label={t('condition.attribute')} value={row.attribute} placeholder={t('condition.attributePlaceholder')} />
        <OpSelect
          path={[...at, 'op']}
          value={row.op}
          ops={comparisonOps}
          onChange={(op) => {
            const value =
              op === 'in'
                ? Array.isArray(row.value)
                  ? row.value
                  : row.value === ''
                    ? []
                    : [row.value]
                : Array.isArray(row.value)
                  ? (row.value[0] ?? '')
                  : row.value;
            form.setAt(at, { ...row, op, value });
          }}
        />
        <AttributeValueInput key={row.op === 'in' ? 'list' : 'one'} path={[...at, 'value']} value={row.value} list={row.op === 'in'} />
      </>
    );
  if ('tag' in row)
    return (
      <>
        <TextRowInput path={[...at, 'tag']} label={t('condition.tag')} value={row.tag} placeholder="vip" />
        <BooleanRowSelect path={[...at, 'present']} label={t('condition.presence')} value={row.present} yes={t('condition.present')} no={t('condition.absent')} />
      </>
    );
  if ('segment' in row)
    return (
      <>
        <TextRowInput path={[...at, 'segment']} label={t('condition.segment')} value={row.segment} />
        <BooleanRowSelect path={[...at, 'member']} label={t('condition.membership')} value={row.member} yes={t('condition.member')} no={t('condition.notMember')} />
      </>
    );
  if ('rfm' in row)
    return (
      <>
        <FieldShell path={[...at, 'rfm']} label={t('condition.dimension')}>
          {(control) => (
            <select
              id={control.id}
              className="insp-select"
              value={row.rfm}
              aria-describedby={control.describedBy}
              onChange={(event) => form.setAt([...at, 'rfm'], event.target.value)}
            >
              {rfmDimensions.map((dimension) => (
                <option key={dimension} value={dimension}>
                  {t(`condition.dimensions.${dimension}`)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <OpSelect path={[...at, 'op']} value={row.op} ops={orderOps} onChange={(op) => form.setAt([...at, 'op'], op)} />
        <FieldShell path={[...at, 'score']} label={t('condition.score')}>
          {(control) => <NumberInput path={[...at, 'score']} value={row.score} min={1} max={5} step={1} control={control} />}
        </FieldShell>
      </>
    );
  return (
    <>
      <FieldShell path={[...at, 'event']} label={t('condition.event')}>
        {(control) => <EventInput path={[...at, 'event']} value={row.event} label={t('condition.event')} control={control} />}
      </FieldShell>
      <OpSelect path={[...at, 'op']} value={row.op} ops={orderOps} onChange={(op) => form.setAt([...at, 'op'], op)} />
      <FieldShell path={[...at, 'count']} label={t('condition.count')}>
        {(control) => <NumberInput path={[...at, 'count']} value={row.count} min={0} step={1} control={control} />}
      </FieldShell>
      <FieldShell path={[...at, 'within']} label={t('condition.within')}>
        {(control) => <DurationInput path={[...at, 'within']} value={row.within} label={t('condition.within')} control={control} />}
      </FieldShell>
    </>
  );
}

function Row({ flat, path, index, write }: { flat: FlatCondition; path: FieldPath; index: number; write(mode: Mode, rows: Test[]): void }) {
  const form = useForm();
  const { t } = form;
  const row = flat.rows[index]!;
  const at = rowPath(flat, path, index);
  const slot = useSlot(at);
  const type = testType(row) ?? 'tag';
  const legend = t('condition.row', { n: index + 1 });
  const typeId = form.idFor(at, 'type');
  return (
    <li className="insp-cond__item">
      <fieldset className="insp-row" aria-describedby={slot.describedBy}>
        <legend className="insp-row__legend">{legend}</legend>
        <div className="insp-row__fields">
          <div className="insp-field insp-field--stack">
            <label htmlFor={typeId} className="insp-field__label">
              {t('condition.type')}
            </label>
            <div className="insp-field__row">
              <select
                id={typeId}
                className="insp-select"
                value={type}
                onChange={(event) => form.setAt(at, newTest(event.target.value as TestType))}
              >
                {testTypes.map((option) => (
                  <option key={option} value={option}>
                    {t(`condition.types.${option}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <RowFields key={type} row={row} at={at} />
        </div>
        <button
          type="button"
          className="insp-button insp-button--quiet"
          onClick={() => write(flat.mode, flat.rows.filter((_, other) => other !== index))}
        >
          {t('condition.remove', { n: index + 1 })}
        </button>
        <Messages id={slot.msgId} messages={slot.messages} t={t} />
      </fieldset>
    </li>
  );
}

/**
 * Typed or pasted JSON as a value to check, or the control's own error: broken JSON, or a value nested
 * or sized beyond what any document may be. That is measured without recursion first: the schema,
 * JSON.stringify and the form's deep comparisons all recurse, and a condition pasted 10,000 deep
 * would overflow the stack in each.
 */
function readJson(text: string): { value: unknown } | { error: LocalError } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { error: { key: 'json', detail: error instanceof Error ? error.message : String(error) } };
  }
  const breach = measureDocument(value);
  if (!breach) return { value };
  return breach.code === 'document-too-deep'
    ? { error: { key: 'tooDeep', params: { depth: MAX_DOCUMENT_DEPTH, conditionDepth: MAX_CONDITION_DEPTH } } }
    : { error: { key: 'tooLarge', params: { values: grouped(MAX_DOCUMENT_VALUES), chars: grouped(MAX_DOCUMENT_CHARS) } } };
}

function JsonEditor({ path, value, label, describedBy, invalid, onEdit }: { path: FieldPath; value: unknown; label: string; describedBy?: string | undefined; invalid: boolean; onEdit(): void }) {
  const form = useForm();
  // Text that is no usable value stands for nothing, so it stays in the box next to its message.
  const valueOf = (raw: string): unknown => {
    const read = readJson(raw);
    return 'value' in read ? read.value : undefined;
  };
  const [raw, setRaw] = useRawText<unknown>(value, valueOf, (current) => (current === undefined ? '' : JSON.stringify(current, null, 2)));
  const helpId = form.idFor(path, 'json-help');
  return (
    <div className="insp-json">
      <textarea
        className="insp-input insp-input--code"
        aria-label={label}
        rows={6}
        spellCheck={false}
        value={raw}
        aria-invalid={invalid || undefined}
        aria-describedby={[helpId, describedBy].filter(Boolean).join(' ')}
        onChange={(event) => {
          onEdit();
          const text = event.target.value;
          setRaw(text);
          const read = readJson(text);
          if ('value' in read) form.setAt(path, read.value);
          else form.setError(path, read.error);
        }}
      />
      <p id={helpId} className="insp-field__help">
        {form.t('condition.jsonHelp')}
      </p>
    </div>
  );
}

/** The editor proper (the field's label, help and messages are drawn around it by FieldControl). */
export function ConditionEditor({
  path,
  value,
  label,
  describedBy,
  invalid,
}: {
  path: FieldPath;
  value: unknown;
  label: string;
  describedBy?: string | undefined;
  invalid: boolean;
}) {
  const form = useForm();
  const flat = toFlat(value);
  // Once the user types JSON, stay in JSON even when the text becomes a flat condition.
  const [typingJson, setTypingJson] = useState(false);
  if (typingJson || flat === null)
    return <JsonEditor path={path} value={value} label={label} describedBy={describedBy} invalid={invalid} onEdit={() => setTypingJson(true)} />;
  return <Builder path={path} flat={flat} value={value} form={form} />;
}

function Builder({ path, flat, value, form }: { path: FieldPath; flat: FlatCondition; value: unknown; form: FormApi }) {
  const { t } = form;
  const write = (mode: Mode, rows: Test[]) => form.setAt(path, fromFlat(mode, rows));
  const modeId = form.idFor(path, 'mode');
  const parsed = conditionSchema.safeParse(value);
  return (
    <div className="insp-cond">
      <div className="insp-field insp-field--inline">
        <label htmlFor={modeId} className="insp-field__label">
          {t('condition.mode')}
        </label>
        <select id={modeId} className="insp-select" value={flat.mode} onChange={(event) => write(event.target.value as Mode, flat.rows)}>
          <option value="all">{t('condition.modes.all')}</option>
          <option value="any">{t('condition.modes.any')}</option>
        </select>
      </div>
      {flat.rows.length === 0 ? (
        <p className="insp-cond__empty">{t('condition.empty')}</p>
      ) : (
        <ol className="insp-cond__rows">
          {flat.rows.map((row, index) => (
            <Row key={`${pathKey(path)}-${index}`} flat={flat} path={path} index={index} write={write} />
          ))}
        </ol>
      )}
      <button type="button" className="insp-button" onClick={() => write(flat.mode, [...flat.rows, newTest('tag')])}>
        {t('condition.add')}
      </button>
      {parsed.success ? <p className="insp-cond__reads">{t('condition.reads', { text: say(describeCondition(parsed.data), form.lang) })}</p> : null}
    </div>
  );
}
