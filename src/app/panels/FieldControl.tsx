// One field of a form, drawn from its FieldSpec: the right control with its label, unit, help text,
// "switched off" checkbox for nullable values, and the messages that belong to it.
import { formatScalar, getIn, isVisible, keyPath, parseScalar, type FieldPath, type FieldSpec } from '../../core/journey';
import { FieldShell, Messages, useSlot } from './FieldShell';
import { unitText, useForm, type FormApi } from './formContext';
import { ConditionEditor } from './fields/ConditionEditor';
import { DurationInput } from './fields/DurationInput';
import { EventInput } from './fields/EventInput';
import { ListField } from './fields/ListField';
import { NumberInput } from './fields/NumberInput';
import { useRawText } from './fields/useRawText';
import { say } from '../i18n/say';

const isOff = (field: FieldSpec, value: unknown) => field.nullable !== undefined && (field.nullable.omit ? value === undefined : value === null);

function NullToggle({ field, path, value, form }: { field: FieldSpec; path: FieldPath; value: unknown; form: FormApi }) {
  const nullable = field.nullable;
  if (!nullable) return null;
  const id = form.idFor(path, 'off');
  return (
    <div className="insp-field__check insp-field__off">
      <input
        id={id}
        type="checkbox"
        checked={isOff(field, value)}
        onChange={(event) => {
          if (!event.target.checked) form.setAt(path, nullable.enable());
          else if (nullable.omit) form.setAt(path, undefined, { remove: true });
          else form.setAt(path, null);
        }}
      />
      <label htmlFor={id}>{say(nullable.label, form.lang)}</label>
    </div>
  );
}

function ScalarInput({ path, value, id, describedBy, invalid, placeholder }: { path: FieldPath; value: unknown; id: string; describedBy: string | undefined; invalid: boolean; placeholder?: string | undefined }) {
  const form = useForm();
  const [raw, setRaw] = useRawText<unknown>(value, parseScalar, formatScalar);
  return (
    <input
      id={id}
      className="insp-input"
      type="text"
      value={raw}
      placeholder={placeholder}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => {
        setRaw(event.target.value);
        form.setAt(path, parseScalar(event.target.value));
      }}
    />
  );
}

export function FieldControl({ field, scope, at }: { field: FieldSpec; scope: unknown; at: FieldPath }) {
  const form = useForm();
  if (!isVisible(field, scope)) return null;
  const path = [...at, ...keyPath(field.key)];
  const value = getIn(scope, keyPath(field.key));
  const label = say(field.label, form.lang);
  const help = say(field.help, form.lang);
  const placeholder = field.placeholder === undefined ? undefined : say(field.placeholder, form.lang);
  const off = isOff(field, value);

  if (field.control === 'group') return <GroupField field={field} path={path} value={value} />;
  if (field.control === 'list')
    return (
      <ListField
        field={field}
        path={path}
        value={value}
        renderItemField={(sub, item, itemPath) => <FieldControl key={sub.key} field={sub} scope={item} at={itemPath} />}
      />
    );
  if (field.control === 'condition') return <ConditionField field={field} path={path} value={value} />;

  if (field.control === 'boolean')
    return (
      <FieldShell path={path} label={label} help={help} layout="check">
        {(control) => (
          <input
            id={control.id}
            type="checkbox"
            checked={value === true}
            aria-invalid={control.invalid || undefined}
            aria-describedby={control.describedBy}
            onChange={(event) => form.setAt(path, event.target.checked)}
          />
        )}
      </FieldShell>
    );

  return (
    <FieldShell
      path={path}
      label={label}
      help={help}
      unit={off ? undefined : unitText(field.unit, form)}
      before={<NullToggle field={field} path={path} value={value} form={form} />}
    >
      {(control) => {
        if (off) return null;
        const common = {
          id: control.id,
          'aria-invalid': control.invalid || undefined,
          'aria-describedby': control.describedBy,
        };
        switch (field.control) {
          case 'number':
            return (
              <NumberInput path={path} value={value} min={field.min} max={field.max} step={field.step} optional={field.optional} placeholder={placeholder} control={control} />
            );
          case 'duration':
            return <DurationInput path={path} value={value} label={label} control={control} />;
          case 'event':
            return <EventInput path={path} value={value} label={label} control={control} />;
          case 'scalar':
            return <ScalarInput path={path} value={value} id={control.id} describedBy={control.describedBy} invalid={control.invalid} placeholder={placeholder} />;
          case 'select': {
            const options = field.options ?? [];
            const selected = options.findIndex((option) => option.value === value);
            return (
              <select
                {...common}
                className="insp-select"
                value={selected === -1 ? '' : String(selected)}
                onChange={(event) => {
                  const option = options[Number(event.target.value)];
                  if (!option) return;
                  if (option.replaces) form.setAt(path.slice(0, -1), option.replaces());
                  else form.setAt(path, option.value);
                }}
              >
                {selected === -1 ? <option value="">{formatScalar(value)}</option> : null}
                {options.map((option, index) => (
                  <option key={String(option.value)} value={String(index)}>
                    {say(option.label, form.lang)}
                  </option>
                ))}
              </select>
            );
          }
          case 'textarea':
            return (
              <textarea
                {...common}
                className="insp-input insp-input--area"
                rows={3}
                maxLength={field.maxLength}
                placeholder={placeholder}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => form.setAt(path, event.target.value)}
              />
            );
          case 'time':
            return (
              <input
                {...common}
                className="insp-input insp-input--time"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={5}
                placeholder={placeholder ?? 'HH:MM'}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => form.setAt(path, event.target.value)}
              />
            );
          default:
            return (
              <input
                {...common}
                className="insp-input"
                type="text"
                maxLength={field.maxLength}
                placeholder={placeholder}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => form.setAt(path, event.target.value)}
              />
            );
        }
      }}
    </FieldShell>
  );
}

function GroupField({ field, path, value }: { field: FieldSpec; path: FieldPath; value: unknown }) {
  const form = useForm();
  const helpId = form.idFor(path, 'help');
  const slot = useSlot(path, [helpId]);
  const off = isOff(field, value);
  const scope = value !== null && typeof value === 'object' ? value : {};
  return (
    <fieldset className="insp-group" aria-describedby={slot.describedBy}>
      <legend className="insp-group__legend">{say(field.label, form.lang)}</legend>
      <p id={helpId} className="insp-field__help">
        {say(field.help, form.lang)}
      </p>
      <NullToggle field={field} path={path} value={value} form={form} />
      {off ? null : (field.fields ?? []).map((sub) => <FieldControl key={sub.key} field={sub} scope={scope} at={path} />)}
      <Messages id={slot.msgId} messages={slot.messages} t={form.t} />
    </fieldset>
  );
}

function ConditionField({ field, path, value }: { field: FieldSpec; path: FieldPath; value: unknown }) {
  const form = useForm();
  const label = say(field.label, form.lang);
  const helpId = form.idFor(path, 'help');
  const slot = useSlot(path, [helpId]);
  const off = isOff(field, value);
  return (
    <fieldset className="insp-group insp-condition" aria-describedby={slot.describedBy}>
      <legend className="insp-group__legend">{label}</legend>
      <p id={helpId} className="insp-field__help">
        {say(field.help, form.lang)}
      </p>
      <NullToggle field={field} path={path} value={value} form={form} />
      {off ? null : <ConditionEditor path={path} value={value} label={label} describedBy={slot.describedBy} invalid={slot.invalid} />}
      <Messages id={slot.msgId} messages={slot.messages} t={form.t} />
    </fieldset>
  );
}
