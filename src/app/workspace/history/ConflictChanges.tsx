// In the editor's conflict banner on a team workspace's page: what the version someone else saved on
// the server changes against the one being edited, in words (diffJourneys), so the choice between
// keeping one's own and taking theirs is made knowing what each loses. Nothing when theirs is gone
// or unreadable: the banner says so itself.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { diffJourneys, type JourneyDocument } from '../../../core/journey';
import { DiffSummary } from './DiffSummary';
import './history.css';

export interface ConflictChangesProps {
  /** The journey as the editor has it. */
  mine: JourneyDocument;
  /** The server's version; null when it was deleted or cannot be read. */
  theirs: JourneyDocument | null;
}

export function ConflictChanges({ mine, theirs }: ConflictChangesProps) {
  const { t } = useTranslation();
  const diff = useMemo(() => (theirs ? diffJourneys(mine, theirs) : null), [mine, theirs]);
  if (!diff) return null;
  return (
    <div className="history-conflict" role="group" aria-label={t('workspace.history.conflict.label')}>
      <p>{t('workspace.history.conflict.heading')}</p>
      <DiffSummary diff={diff} />
    </div>
  );
}
