// The inspector: the selected step's label, stage and parameters as a form built from its kind's
// fields, validated as the user types; the journey's settings when nothing is selected. Props in,
// callbacks out: it reads no store.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n/index.ts';
import './inspector.css';
import type { Language } from '../i18n/index.ts';
import type { Problem } from '../../core/journey';
import { defaultRegistry, type Registry } from '../../core/journey';
import type { JourneyNode, JourneySettings } from '../../core/journey';
import { stageNames, stages, type Stage } from '../../core/journey';
import { FieldForm } from './FieldForm';
import { Messages } from './FieldShell';
import { joinIds, type InspectorT } from './formContext';
import type { FormMessage, PathMessage } from './formMessageSlots';
import { SettingsForm } from './SettingsForm';
import { useRawText } from './fields/useRawText';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { KindIcon } from '../icons';

/** What the inspector asks to change on the selected node; params are always complete and valid. */
export interface NodePatch {
  label?: string;
  stage?: Stage;
  params?: Record<string, unknown>;
}

export interface InspectorProps {
  /** The selected node, or null to show the journey settings. */
  node: JourneyNode | null;
  settings: JourneySettings;
  /** Every current problem of the journey; the inspector shows those of the node (or of the settings). */
  problems: readonly Problem[];
  onChangeNode(patch: NodePatch): void;
  onChangeSettings(next: JourneySettings): void;
  /** The node kinds; the built-in registry unless given. */
  registry?: Registry;
}

export function Inspector({ node, settings, problems, onChangeNode, onChangeSettings, registry = defaultRegistry }: InspectorProps) {
  const lang = useLang();
  const { t } = useTranslation('app', { keyPrefix: 'inspector', lng: lang });
  return (
    <section className="inspector" aria-label={t('region')} lang={lang}>
      {node ? (
        // A new node gets fresh drafts: nothing typed for one node carries over to another.
        <NodeInspector
          key={node.id}
          node={node}
          currency={settings.currency}
          problems={problems}
          t={t}
          registry={registry}
          onChangeNode={onChangeNode}
        />
      ) : (
        <SettingsForm settings={settings} problems={problems} t={t} onChangeSettings={onChangeSettings} />
      )}
    </section>
  );
}

/** The node's problems, sorted into those about its label, its stage, its params and the rest. */
export function nodeMessages(node: JourneyNode, problems: readonly Problem[], lang: Language, registry: Registry = defaultRegistry) {
  const definitions = registry.get(node.kind)?.problems ?? {};
  const result = { label: [] as FormMessage[], stage: [] as FormMessage[], params: [] as PathMessage[], other: [] as FormMessage[] };
  for (const problem of problems) {
    if (problem.location.nodeId !== node.id) continue;
    const message: FormMessage = { severity: problem.severity, text: say(problem.message, lang), code: problem.code };
    const hint = say(definitions[problem.code]?.fix, lang);
    if (hint) message.hint = hint;
    const [collection, , field, ...rest] = problem.location.path;
    if (collection === 'nodes' && field === 'params') result.params.push({ path: rest, message });
    else if (collection === 'nodes' && field === 'label') result.label.push(message);
    else if (collection === 'nodes' && field === 'stage') result.stage.push(message);
    else result.other.push(message);
  }
  return result;
}

function NodeInspector({
  node,
  currency,
  problems,
  t,
  registry,
  onChangeNode,
}: {
  node: JourneyNode;
  currency: string;
  problems: readonly Problem[];
  
  t: InspectorT;
  registry: Registry;
  onChangeNode(patch: NodePatch): void;
}) {
  const lang = useLang();
  const id = useId();
  const kind = registry.get(node.kind);
  const messages = nodeMessages(node, problems, lang, registry);
  const [label, setLabel] = useRawText(node.label, (raw) => raw, (value) => value);
  const ids = {
    heading: `${id}heading`,
    description: `${id}description`,
    label: `${id}label`,
    labelHelp: `${id}label-help`,
    labelMsg: `${id}label-msg`,
    stage: `${id}stage`,
    stageHelp: `${id}stage-help`,
    stageMsg: `${id}stage-msg`,
    top: `${id}top`,
  };
  const labelInvalid = messages.label.some((message) => message.severity === 'error');
  const stageInvalid = messages.stage.some((message) => message.severity === 'error');

  return (
    <section className="insp-section" aria-labelledby={ids.heading} data-node-id={node.id}>
      <header className="insp-header">
        <h2 id={ids.heading} className="insp-header__title">
          <span className="insp-header__icon" aria-hidden="true">
            <KindIcon name={kind?.icon ?? null} />
          </span>
          {kind ? say(kind.name, lang) : node.kind}
        </h2>
        {kind ? (
          <p id={ids.description} className="insp-header__description">
            {say(kind.description, lang)}
          </p>
        ) : null}
        <p className="insp-header__id">
          <code>{node.id}</code>
        </p>
      </header>

      {messages.other.length > 0 ? (
        <div className="insp-top" role="group" aria-label={t('node.problems')}>
          <Messages id={ids.top} messages={messages.other} t={t} />
        </div>
      ) : null}

      <div className="insp-fields">
        <div className={`insp-field insp-field--stack${labelInvalid ? ' insp-field--invalid' : ''}`}>
          <label htmlFor={ids.label} className="insp-field__label">
            {t('node.label')}
          </label>
          <div className="insp-field__row">
            <input
              id={ids.label}
              className="insp-input"
              type="text"
              maxLength={200}
              value={label}
              aria-invalid={labelInvalid || undefined}
              aria-describedby={joinIds(ids.labelHelp, messages.label.length > 0 && ids.labelMsg)}
              onChange={(event) => {
                setLabel(event.target.value);
                onChangeNode({ label: event.target.value });
              }}
            />
          </div>
          <p id={ids.labelHelp} className="insp-field__help">
            {t('node.labelHelp')}
          </p>
          <Messages id={ids.labelMsg} messages={messages.label} t={t} />
        </div>

        <div className={`insp-field insp-field--stack${stageInvalid ? ' insp-field--invalid' : ''}`}>
          <label htmlFor={ids.stage} className="insp-field__label">
            {t('node.stage')}
          </label>
          <div className="insp-field__row">
            <select
              id={ids.stage}
              className="insp-select"
              value={node.stage}
              aria-invalid={stageInvalid || undefined}
              aria-describedby={joinIds(ids.stageHelp, messages.stage.length > 0 && ids.stageMsg)}
              onChange={(event) => onChangeNode({ stage: event.target.value as Stage })}
            >
              {stages.map((stage) => (
                <option key={stage} value={stage}>
                  {say(stageNames[stage], lang)}
                </option>
              ))}
            </select>
          </div>
          <p id={ids.stageHelp} className="insp-field__help">
            {t('node.stageHelp')}
          </p>
          <Messages id={ids.stageMsg} messages={messages.stage} t={t} />
        </div>
      </div>

      {kind ? (
        <div className="insp-params">
          <h3 className="insp-params__title">{t('node.params')}</h3>
          {(kind.fields ?? []).length === 0 ? <p className="insp-field__help">{t('node.noParams')}</p> : null}
          <FieldForm
            fields={kind.fields ?? []}
            schema={kind.params}
            value={node.params}
            onCommit={(params) => onChangeNode({ params })}
            external={messages.params}
            t={t}
            currency={currency}
            messagesLabel={t('node.problems')}
          />
        </div>
      ) : (
        <p className="insp-unknown" role="note">
          {t('node.unknownKind', { kind: node.kind })}
        </p>
      )}
    </section>
  );
}
