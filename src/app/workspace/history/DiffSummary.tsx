// A diff of two versions of a journey in words (diffJourneys): how many steps were added, removed,
// changed and moved, with their names; connections as counts; settings and journey details by name.
// Version history shows it for a chosen version, the conflict banner for the server's version.
import { useTranslation } from 'react-i18next';
import { settingsFields, type FieldSpec, type JourneyDiff, type JourneyNode } from '../../../core/journey';
import { nodeTitle } from '../../canvas/nodes/describe';
import { formatList } from '../../i18n/format';
import type { Language } from '../../i18n/index.ts';
import { say } from '../../i18n/say';
import { useLang } from '../../i18n/useLang';

/** Names shown in one line before "N more": a long list helps nobody on a small panel. */
const MAX_NAMES = 8;

/** A setting's name as the settings panel labels it ("Frequency cap › Touches"); the path when it has none. */
export function settingName(path: string, lang: Language): string {
  const names: string[] = [];
  let fields: readonly FieldSpec[] | undefined = settingsFields;
  let rest = path;
  while (fields && rest) {
    const field: FieldSpec | undefined = fields.find((candidate) => rest === candidate.key || rest.startsWith(`${candidate.key}.`));
    if (!field) break;
    names.push(say(field.label, lang));
    rest = rest.slice(field.key.length + 1);
    fields = field.fields;
  }
  return names.length > 0 && !rest ? names.join(' › ') : path;
}

export function DiffSummary({ diff }: { diff: JourneyDiff }) {
  const { t } = useTranslation();
  const lang = useLang();
  const names = (items: readonly string[]) => {
    const shown = items.slice(0, MAX_NAMES);
    if (items.length > MAX_NAMES) shown.push(t('workspace.history.diff.more', { count: items.length - MAX_NAMES }));
    return formatList(shown, lang);
  };
  const titles = (nodes: readonly JourneyNode[]) => names(nodes.map((node) => nodeTitle(node, lang)));
  const lines: { key: string; text: string }[] = [];
  const add = (key: string, count: number, text: () => string) => count > 0 && lines.push({ key, text: text() });

  add('nodesAdded', diff.nodesAdded.length, () => t('workspace.history.diff.nodesAdded', { count: diff.nodesAdded.length, names: titles(diff.nodesAdded) }));
  add('nodesRemoved', diff.nodesRemoved.length, () => t('workspace.history.diff.nodesRemoved', { count: diff.nodesRemoved.length, names: titles(diff.nodesRemoved) }));
  add('nodesChanged', diff.nodesChanged.length, () =>
    t('workspace.history.diff.nodesChanged', {
      count: diff.nodesChanged.length,
      names: names(
        diff.nodesChanged.map(({ node, aspects }) =>
          t('workspace.history.diff.changedNode', { name: nodeTitle(node, lang), aspects: formatList(aspects.map((aspect) => t(`workspace.history.diff.aspects.${aspect}`)), lang) }),
        ),
      ),
    }),
  );
  add('nodesMoved', diff.nodesMoved.length, () => t('workspace.history.diff.nodesMoved', { count: diff.nodesMoved.length, names: titles(diff.nodesMoved.map((moved) => moved.node)) }));
  add('edgesAdded', diff.edgesAdded.length, () => t('workspace.history.diff.edgesAdded', { count: diff.edgesAdded.length }));
  add('edgesRemoved', diff.edgesRemoved.length, () => t('workspace.history.diff.edgesRemoved', { count: diff.edgesRemoved.length }));
  add('settingsChanged', diff.settingsChanged.length, () =>
    t('workspace.history.diff.settingsChanged', { count: diff.settingsChanged.length, names: names(diff.settingsChanged.map((path) => settingName(path, lang))) }),
  );
  add('journeyChanged', diff.journeyChanged.length, () => t('workspace.history.diff.journeyChanged', { names: formatList(diff.journeyChanged.map((field) => t(`workspace.history.diff.fields.${field}`)), lang) }));

  if (lines.length === 0) return <p className="history-diff history-diff--same">{t('workspace.history.diff.same')}</p>;
  return (
    <ul className="history-diff" aria-label={t('workspace.history.diff.label')}>
      {lines.map((line) => (
        <li key={line.key} className={`history-diff__${line.key}`}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}
