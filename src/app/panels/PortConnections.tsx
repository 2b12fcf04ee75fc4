import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/i18n';
import type { JourneyDocument, JourneyNode } from '../../core/journey/schema';
import { defaultRegistry } from '../../core/journey/registry';
import { nodeAriaLabel } from '../canvas/nodes/describe';

/**
 * Where each output port of the selected step leads, as a select per port: the keyboard (and screen
 * reader) way to connect steps, beside dragging between handles on the canvas.
 */
export function PortConnections({
  journey,
  node,
  lang,
  onConnect,
  onDisconnect,
}: {
  journey: JourneyDocument;
  node: JourneyNode;
  lang: Lang;
  onConnect(port: string, target: string): void;
  onDisconnect(edgeId: string): void;
}) {
  const { t } = useTranslation();
  const ports = defaultRegistry.get(node.kind)?.ports(node.params) ?? [];
  if (ports.length === 0) return null;
  const others = journey.nodes.filter((other) => other.id !== node.id);
  return (
    <section className="port-connections" aria-labelledby={`ports-${node.id}`}>
      <h3 id={`ports-${node.id}`}>{t('connections.heading')}</h3>
      {ports.map((port) => {
        const edge = journey.edges.find((candidate) => candidate.source === node.id && candidate.sourcePort === port.id);
        return (
          <label key={port.id} className="port-connections__row">
            <span>{t('connections.leadsTo', { port: port.label[lang] })}</span>
            <select
              value={edge?.target ?? ''}
              onChange={(event) => {
                if (event.target.value) onConnect(port.id, event.target.value);
                else if (edge) onDisconnect(edge.id);
              }}
            >
              <option value="">{t('connections.none')}</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {nodeAriaLabel(other, lang)} ({other.id})
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </section>
  );
}
