// The frame every journey node is drawn in: stage accent, kind icon, label, key params, problems,
// one input handle on the left (except entry kinds) and one labelled output handle per port on the
// right, stacked for kinds with several ports. Everything comes from the node-kind registry, so a
// kind needs no canvas code of its own to be drawn. Zoomed far out it is drawn simplified, in the same
// box (levelOfDetail.ts).
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { JourneyFlowNode } from '../types.ts';
import { describeNode, worstSeverity } from './describe.ts';
import { ProblemBadge } from './ProblemBadge.tsx';
import '../canvas.css';
import { KindIcon } from '../../icons';
import { useSimplified } from '../levelOfDetail.ts';

export type JourneyNodeProps = NodeProps<JourneyFlowNode>;

export interface NodeShellProps extends JourneyNodeProps {
  /** Draw the input handle; by default every kind but the entry (trigger) kinds has one. */
  input?: boolean;
  /** Extra classes on the node's frame, e.g. a kind's own accent. */
  className?: string;
  /** Kind-specific content, shown under the summary. */
  children?: ReactNode;
}

export function NodeShell({ data, selected, isConnectable, input, className, children }: NodeShellProps) {
  // The badge and extra classes are what the host's overlay adds (canvas/overlay.ts).
  const { node, problems, lang, badge, className: overlayClassName } = data;
  const { t } = useTranslation(undefined, { lng: lang });
  const view = useMemo(() => describeNode(node, lang), [node, lang]);
  const simplified = useSimplified();
  const hasInput = input ?? view.hasInput;
  const severity = worstSeverity(problems);
  const classes = [
    'journey-node',
    `journey-node--stage-${node.stage}`,
    `journey-node--kind-${node.kind}`,
    selected ? 'journey-node--selected' : '',
    simplified ? 'journey-node--simplified' : '',
    severity ? `journey-node--${severity}` : '',
    view.definition ? '' : 'journey-node--unknown',
    className ?? '',
    overlayClassName ?? '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={classes} data-kind={node.kind} data-stage={node.stage} lang={lang}>
      {hasInput && (
        <Handle
          type="target"
          position={Position.Left}
          className="journey-node__handle journey-node__handle--input"
          isConnectable={isConnectable}
          title={t('canvas.node.input')}
        />
      )}
      {badge}
      <div className="journey-node__header">
        <span className="journey-node__icon" aria-hidden="true">
          <KindIcon name={view.icon} />
        </span>
        <span className="journey-node__names">
          {view.labelled && <span className="journey-node__kind">{view.kindName}</span>}
          <span className="journey-node__title">{view.title}</span>
        </span>
        <ProblemBadge problems={problems} />
      </div>
      {view.summary && (
        <p className="journey-node__summary" title={view.summary}>
          {view.summary}
        </p>
      )}
      {children}
      {view.ports.length > 0 && (
        <ul className="journey-node__ports" aria-label={t('canvas.node.outputs')}>
          {view.ports.map((port) => (
            <li key={port.id} className="journey-node__port" data-port={port.id}>
              <span className="journey-node__port-label">{port.label}</span>
              <Handle
                type="source"
                position={Position.Right}
                id={port.id}
                className="journey-node__handle journey-node__handle--output"
                isConnectable={isConnectable}
                title={port.label}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
