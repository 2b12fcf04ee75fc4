// The steps one can add to a journey, from the node-kind registry, grouped as the registry groups them
// (triggers, touches, timing, logic, outcomes). Each step is a button: Enter, Space or a click adds it
// (onAdd), and dragging it onto the canvas drops it where it is let go (the canvas reads KIND_DRAG_TYPE).
import { useId, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRegistry, type Registry } from '../../core/journey';
import { paletteGroups, type NodeKind } from '../../core/journey';
import { KIND_DRAG_TYPE } from '../canvas/types.ts';
import './panels.css';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { KindIcon } from '../icons';

export interface PaletteProps {
  /** Add a node of this kind (keyboard or click); the caller decides where it goes. */
  onAdd(kind: string): void;
  /** The kinds to offer; the product's registry unless a test or a plugin passes another. */
  registry?: Registry;
}

function onDragStart(event: DragEvent<HTMLButtonElement>, kind: string) {
  event.dataTransfer.setData(KIND_DRAG_TYPE, kind);
  event.dataTransfer.effectAllowed = 'copy';
}

export function Palette({ onAdd, registry = defaultRegistry }: PaletteProps) {
  const lang = useLang();
  const { t } = useTranslation(undefined, { lng: lang });
  const headingId = useId();
  const hintId = useId();
  const groups = paletteGroups
    .map((group) => ({ group, kinds: registry.kinds.filter((definition) => definition.group === group) }))
    .filter(({ kinds }) => kinds.length > 0);

  return (
    <nav className="palette" aria-labelledby={headingId} aria-describedby={hintId} lang={lang}>
      <h2 id={headingId} className="panel-heading">
        {t('palette.region')}
      </h2>
      <p id={hintId} className="palette__hint">
        {t('palette.hint')}
      </p>
      {groups.map(({ group, kinds }) => (
        <PaletteGroup key={group} heading={t(`palette.groups.${group}`)} group={group} kinds={kinds} onAdd={onAdd} />
      ))}
    </nav>
  );
}

interface PaletteGroupProps {
  heading: string;
  group: string;
  kinds: readonly NodeKind[];
  onAdd(kind: string): void;
}

function PaletteGroup({ heading, group, kinds, onAdd }: PaletteGroupProps) {
  const headingId = useId();
  return (
    <section className="palette__group" aria-labelledby={headingId} data-group={group}>
      <h3 id={headingId} className="palette__group-heading">
        {heading}
      </h3>
      <ul className="palette__list">
        {kinds.map((definition) => (
          <PaletteItem key={definition.kind} definition={definition} onAdd={onAdd} />
        ))}
      </ul>
    </section>
  );
}

function PaletteItem({ definition, onAdd }: { definition: NodeKind; onAdd(kind: string): void }) {
  const lang = useLang();
  const descriptionId = useId();
  const description = say(definition.description, lang);
  return (
    <li className="palette__item">
      <button
        type="button"
        className="palette__button"
        draggable
        data-kind={definition.kind}
        title={description}
        aria-describedby={descriptionId}
        onClick={() => onAdd(definition.kind)}
        onDragStart={(event) => onDragStart(event, definition.kind)}
      >
        <span className="palette__icon" aria-hidden="true">
          <KindIcon name={definition.icon} />
        </span>
        <span className="palette__name">{say(definition.name, lang)}</span>
      </button>
      <span id={descriptionId} className="visually-hidden">
        {description}
      </span>
    </li>
  );
}
