// The journey edited beside the lesson: the inspector of the step selected on the canvas (its ports'
// connections too), or the journey's settings when none is, so a challenge's "change the journey and
// check again" can be done without leaving the lesson. Every change is an ordinary, undoable edit.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../ErrorBoundary';
import { Inspector } from '../../panels/Inspector';
import { useInspectorChanges } from '../../editor/useInspectorChanges';
import { PortConnections } from '../../panels/PortConnections';
import { useEditor } from '../../store/useEditor';
import { useProblems } from '../../store/useProblems';

export function LessonInspector() {
  const { t } = useTranslation();
  const headingId = useId();
  const settings = useEditor((state) => state.journey?.settings ?? null);
  // As the editor's side panel does: during a drag, the step as it was when the drag began.
  const selectedNode = useEditor((state) =>
    state.selection.nodes.length === 1 ? ((state.gestureBase ?? state.journey)?.nodes.find((node) => node.id === state.selection.nodes[0]) ?? null) : null,
  );
  const problems = useProblems();

  const { onChangeNode, onChangeSettings } = useInspectorChanges();

  if (!settings) return null;
  return (
    <section className="lesson-tab__edit" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('trainer.lessons.tab.editHeading')}</h4>
      <p className="lesson-tab__note">{t('trainer.lessons.tab.editNote')}</p>
      <ErrorBoundary area={t('errorBoundary.areas.inspector')} resetKeys={[selectedNode?.id]}>
        <Inspector node={selectedNode} settings={settings} problems={problems} onChangeNode={onChangeNode} onChangeSettings={onChangeSettings} />
        {selectedNode && <PortConnections node={selectedNode} />}
      </ErrorBoundary>
    </section>
  );
}
