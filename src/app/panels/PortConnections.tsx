import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { JourneyEdge, JourneyNode } from '../../core/journey';
import { defaultRegistry } from '../../core/journey';
import { nodeAriaLabel } from '../canvas/nodes/describe';
import { useEditor } from '../store/useEditor';
import { useJourneyEditor } from '../store/journeyEditor';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';

const noEdges: JourneyEdge[] = [];

/**
 * Where each output port of the selected step leads, as a select per port: the keyboard (and screen
 * reader) way to connect steps, beside dragging between handles on the canvas.
 */
export function PortConnections({ node }: { node: JourneyNode }) {
  const lang = useLang();
  const { t } = useTranslation();
  const editor = useJourneyEditor();
  const edges = useEditor((state) => state.journey?.edges ?? noEdges);
  // Names of the other steps, compared by value: moving a node does not re-render this list.
  const others = useEditor(
    useShallow((state) => ((state.gestureBase ?? state.journey)?.nodes ?? []).filter((other) => other.id !== node.id).map((other) => `${other.id}\u0000${nodeAriaLabel(other, lang)}`)),
  );
  const ports = defaultRegistry.get(node.kind)?.ports(node.params) ?? [];
  if (ports.length === 0) return null;
  return (
    <section className="port-connections" aria-labelledby={`ports-${node.id}`}>
      <h3 id={`ports-${node.id}`}>{t('connections.heading')}</h3>
      {ports.map((port) => {
        const edge = edges.find((candidate) => candidate.source === node.id && candidate.sourcePort === port.id);
        return (
          <label key={port.id} className="port-connections__row">
            <span>{t('connections.leadsTo', { port: say(port.label, lang) })}</span>
            <select
              value={edge?.target ?? ''}
              onChange={(event) => {
                const target = event.target.value;
                if (target) editor.connect({ source: node.id, sourcePort: port.id, target });
                else if (edge) editor.delete([], [edge.id]);
              }}
            >
              <option value="">{t('connections.none')}</option>
              {others.map((entry) => {
                const [id, name] = entry.split('\u0000') as [string, string];
                return (
                  <option key={id} value={id}>
                    {name} ({id})
                  </option>
                );
              })}
            </select>
          </label>
        );
      })}
    </section>
  );
}
