// The population of a fitted cohort, in its "Fitted from data" section: how many customers, as of
// when, how many still active; export it as a file pandas, polars or DuckDB read; remove it; or import
// one made by `journey-lab fit --population` (read against this cohort by segment id and source, so a
// population of other data is refused). Customer-level data: kept in this browser, never uploaded.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { populationDocument, populationForCohort, readPopulation } from '../../core/calibration';
import { isoDate } from '../../core/calibration/import';
import { message, type Message } from '../../core/i18n';
import { useServices } from '../services';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { downloadText, readFileAsText } from '../persist/files';
import { RepositoryError } from '../persist/repository';
import type { PopulationSummary } from '../persist/populationRepository';
import { ImportFileButton } from '../ImportFileButton';

export const POPULATION_FILE_EXTENSION = '.population.json';
/** The largest population file read in the browser (about 5 million customers); a larger one is for the CLI. */
export const MAX_POPULATION_FILE_BYTES = 512 * 1024 * 1024;

type Note = { kind: 'info' | 'error'; text: string } | null;

/** `cohort`: the cohort as the editor holds it (its id, segments, tags, attributes and provenance). */
export function PopulationSection({ cohort }: { cohort: { id: string } & Parameters<typeof populationForCohort>[1] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { repository } = useServices();
  const [summary, setSummary] = useState<PopulationSummary | null | undefined>(undefined);
  const [note, setNote] = useState<Note>(null);
  const failed = useCallback((error: unknown) => setNote({ kind: 'error', text: error instanceof RepositoryError ? say(error.localizedMessage, lang) : String(error) }), [lang]);

  // Read again after each change made here.
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((at) => at + 1);
  useEffect(() => {
    let live = true;
    repository.populations.list().then(
      (list) => live && setSummary(list.find((found) => found.cohortId === cohort.id) ?? null),
      (error: unknown) => live && (failed(error), setSummary(null)),
    );
    return () => {
      live = false;
    };
  }, [repository, cohort.id, failed, version]);

  const exportFile = async () => {
    try {
      const data = await repository.populations.get(cohort.id);
      if (!data) return setNote({ kind: 'error', text: t('calibration.population.unreadable') });
      downloadText(`${cohort.id}${POPULATION_FILE_EXTENSION}`, `${JSON.stringify(populationDocument(data))}\n`);
    } catch (error) {
      failed(error);
    }
  };
  const remove = async () => {
    try {
      await repository.populations.remove(cohort.id);
      setNote({ kind: 'info', text: t('calibration.population.removed') });
      refresh();
    } catch (error) {
      failed(error);
    }
  };
  const importFile = async (file: File) => {
    const refuse = (reason: Message) => setNote({ kind: 'error', text: t('calibration.population.cannotRead', { file: file.name, reason: say(reason, lang) }) });
    if (file.size > MAX_POPULATION_FILE_BYTES) return refuse(message('app.calibration.population.tooLarge', { megabytes: Math.round(file.size / 2 ** 20), most: MAX_POPULATION_FILE_BYTES / 2 ** 20 }));
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFileAsText(file));
    } catch {
      return refuse(message('app.calibration.population.notJson'));
    }
    const read = readPopulation(parsed);
    if (!read.ok) return refuse(read.problem);
    const fits = populationForCohort(read, cohort);
    if (!fits.ok) return refuse(fits.problem);
    try {
      await repository.populations.put(read);
      setNote({ kind: 'info', text: t('calibration.population.imported', { file: file.name }) });
      refresh();
    } catch (error) {
      failed(error);
    }
  };

  const n = (value: number) => value.toLocaleString(lang);
  return (
    <div className="fitted-population" role="group" aria-labelledby="fitted-population-heading">
      <h4 id="fitted-population-heading">{t('calibration.population.heading')}</h4>
      {summary === undefined ? null : summary ? (
        <>
          <p>{t('calibration.population.summary', { customers: n(summary.customers), date: isoDate(summary.asOf), active: n(summary.active) })}</p>
          <p className="cohort-section__help">{summary.idsHashed ? t('calibration.population.hashed') : t('calibration.population.keptIds')}</p>
          <div className="fitted-population__actions">
            <button type="button" onClick={() => void exportFile()}>
              {t('calibration.population.export')}
            </button>
            <button type="button" onClick={() => void remove()}>
              {t('calibration.population.remove')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="cohort-section__help">{t('calibration.population.none')}</p>
          <ImportFileButton label={t('calibration.population.import')} inputLabel={t('calibration.population.importInput')} accept=".json,application/json" onFile={(file) => void importFile(file)} />
        </>
      )}
      {note && (
        <p role={note.kind === 'error' ? 'alert' : 'status'} className={note.kind === 'error' ? 'fit-problem' : undefined}>
          {note.text}
        </p>
      )}
    </div>
  );
}
