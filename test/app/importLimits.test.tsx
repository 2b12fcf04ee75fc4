// Files chosen for import (cohorts and lessons, as journeys) within the document limit: a file far over
// it is refused from its size alone, before a byte of it is read; a text over MAX_DOCUMENT_CHARS before
// it is parsed. Either way the message names the file and the limit, in both languages.
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { MAX_FILE_BYTES_READ, readDocumentFile } from '../../src/app/persist/documentFile';
import { ServicesContext, type AppServices } from '../../src/app/services';
import { CohortsScreen } from '../../src/app/cohorts/CohortsScreen';
import { exportCohortJson, parseCohortFile } from '../../src/app/cohorts/cohortFiles';
import { LessonsScreen } from '../../src/app/trainer/lessons/LessonsScreen';
import { IMPORTED_LESSONS_SETTING } from '../../src/app/trainer/lessons/lessonLibrary';
import { MAX_DOCUMENT_CHARS } from '../../src/core/journey/limits';
import { frequencyCapsLesson } from '../../src/core/lessons/builtin/frequencyCaps';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { inEnglish, inChinese } from '../support/messages.ts';

const newServices = (): AppServices => ({ repository: createMemoryRepository(), tabId: 'tab-a', storageWarning: null });

/** A good file that says it is `size` bytes long, and records whether anyone read it. */
function hugeFile(name: string, text: string, size = MAX_FILE_BYTES_READ + 1) {
  const file = new File([text], name, { type: 'application/json' });
  const reads = { count: 0 };
  Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(file, 'text', { value: () => (reads.count++, Promise.resolve(text)) });
  return { file, reads };
}

/** A file whose text has one character more than any document may have. */
function tooLongFile(name: string) {
  const file = new File(['{}'], name, { type: 'application/json' });
  Object.defineProperty(file, 'text', { value: () => Promise.resolve(' '.repeat(MAX_DOCUMENT_CHARS + 1)) });
  return file;
}

function Cohorts({ services }: { services: AppServices }) {
  const [cohortId, setCohortId] = useState<string | null>(null);
  return (
    <ServicesContext.Provider value={services}>
      <CohortsScreen cohortId={cohortId} onOpen={setCohortId} onHome={() => {}} />
    </ServicesContext.Provider>
  );
}

const cohortText = exportCohortJson({ ...ecommercePreset.spec, id: 'shop', name: 'Imported shop' });
const lessonText = JSON.stringify({ ...frequencyCapsLesson, id: 'my-caps' });

describe('reading a chosen file within the document limit', () => {
  it('refuses a file too large to hold a document from its size, without reading it, in both languages', async () => {
    const { file, reads } = hugeFile('huge.json', '{}', 70_000_000);
    const result = await readDocumentFile(file);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    if (result.ok) return;
    expect(inEnglish(result.message)).toBe('“huge.json” was not opened: at 70 MB it is larger than any journey, cohort or lesson file may be (at most 20,000,000 characters). Nothing was changed.');
    expect(inChinese(result.message)).toContain('“huge.json”');
    expect(inChinese(result.message)).toContain('20,000,000');
    expect(reads.count).toBe(0);
  });

  it('refuses a text longer than a document may be, naming its length', async () => {
    const result = await readDocumentFile(tooLongFile('long.json'));
    expect(result.ok === false && inEnglish(result.message)).toContain('with 20,000,001 characters');
    expect(await readDocumentFile(new File(['{"a":1}'], 'fine.json'))).toEqual({ ok: true, text: '{"a":1}' });
  });

  it('refuses a cohort text over the limit before parsing it, with the limit’s problem', () => {
    const read = parseCohortFile(' '.repeat(MAX_DOCUMENT_CHARS + 1));
    expect(read.ok).toBe(false);
    expect(read.problems.map((problem) => problem.code)).toEqual(['document-too-large']);
  });
});

describe('importing a file over the size limit', () => {
  beforeEach(async () => {
    await setLanguage('en');
  });

  it('on the Cohorts screen: refused without reading it, the file and the limit named', async () => {
    const services = newServices();
    render(<Cohorts services={services} />);
    const { file, reads } = hugeFile('shop.cohort.json', cohortText);
    fireEvent.change(await screen.findByLabelText('Cohort file to import'), { target: { files: [file] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“shop.cohort.json” was not opened');
    expect(alert).toHaveTextContent('at most 20,000,000 characters');
    expect(reads.count).toBe(0);
    expect(await services.repository.cohorts.list()).toEqual([]);

    fireEvent.change(screen.getByLabelText('Cohort file to import'), { target: { files: [tooLongFile('long.cohort.json')] } });
    expect(await screen.findByText(/“long\.cohort\.json” was not opened: with 20,000,001 characters/)).toBeInTheDocument();
  });

  it('on the Lessons screen: refused without reading it, the file and the limit named, in Chinese too', async () => {
    await setLanguage('zh-CN');
    const services = newServices();
    render(
      <ServicesContext.Provider value={services}>
        <LessonsScreen link={null} onStart={() => {}} onHome={() => {}} />
      </ServicesContext.Provider>,
    );
    const { file, reads } = hugeFile('caps.lesson.json', lessonText);
    fireEvent.change(screen.getByLabelText('导入课程文件'), { target: { files: [file] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('未打开“caps.lesson.json”');
    expect(alert).toHaveTextContent('20,000,000');
    expect(reads.count).toBe(0);
    expect(await services.repository.getSetting(IMPORTED_LESSONS_SETTING)).toBeUndefined();
  });
});
