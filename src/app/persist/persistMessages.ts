// What the persistence layer tells the user, in both languages. Kept here (not in the i18n JSON files)
// because these travel inside results (SaveResult, LoadResult, share-link and import results) and are
// shown by whichever panel receives them: pick the language with `message[lang]`.
import { grouped, localized, type Localized } from '../../core/i18n';
import { MAX_DOCUMENT_CHARS } from '../../core/journey';

export const persistMessages = {
  saveFailedQuota: localized(
    'Could not save: the browser’s storage for this site is full. Delete journeys you no longer need, or export this one to a file.',
    '保存失败：浏览器为本站分配的存储空间已满。请删除不再需要的旅程，或把当前旅程导出为文件。',
  ),
  saveFailedUnavailable: localized(
    'Could not save: this browser does not let the page store data (private browsing, or site data turned off). Export the journey to a file to keep it.',
    '保存失败：浏览器不允许本页面存储数据（隐私/无痕模式，或已禁用网站数据）。请把旅程导出为文件以免丢失。',
  ),
  storageNotKept: localized(
    'Journeys are not being kept: this browser does not let the page store data (private browsing, or site data turned off). They are lost when the tab closes; export them to files to keep them.',
    '旅程不会被保存：浏览器不允许本页面存储数据（隐私/无痕模式，或已禁用网站数据）。关闭标签页后将丢失；请导出为文件保存。',
  ),
  conflict: localized(
    'Another tab changed this journey since you opened it. Reload it to see their version, or keep yours and replace theirs.',
    '自从你打开这个旅程后，另一个标签页修改了它。可以重新加载查看对方的版本，或保留你的版本并覆盖对方的修改。',
  ),
  conflictDeleted: localized(
    'Another tab deleted this journey. Save it again to keep your version, or close it.',
    '另一个标签页删除了这个旅程。再次保存可保留你的版本，或者关闭它。',
  ),
  conflictUnreadable: localized(
    'Another tab saved this journey in a form this version of Journey Lab cannot read (probably a newer version). Nothing was overwritten.',
    '另一个标签页以本版 Journey Lab 无法读取的形式保存了这个旅程（可能来自更新的版本）。未覆盖任何内容。',
  ),
  // Appended to a failed save (see useAutosave): whether the changes survive a reload meanwhile.
  unsavedCopyKept: localized(
    'Your changes are kept in this tab meanwhile, also across a reload, and saved as soon as saving works again.',
    '在此期间，你的修改保留在这个标签页中（重新加载也不会丢失），一旦可以保存就会立即保存。',
  ),
  unsavedCopyNotKept: localized(
    'Your latest changes exist only on this page: do not reload or close it, and export the journey to a file to keep them.',
    '你最近的修改只存在于当前页面：请不要重新加载或关闭它，并把旅程导出为文件以免丢失。',
  ),
  // Shown on opening a journey whose unsaved copy lost to another tab's save (see unsavedCopy.ts).
  unsavedCopySetAside: localized(
    'This journey was changed in another tab after your last edits here, which were not saved yet. It opens as the other tab saved it; your unsaved version was set aside, and you can restore it (Undo goes back) or download it as a file.',
    '在你于此处的最后几次修改保存之前，这个旅程已在另一个标签页中被修改。现在打开的是另一个标签页保存的版本；你未保存的版本已被另行保留，可以恢复它（可撤销），或下载为文件。',
  ),
  changedElsewhere: localized('This journey was changed in another tab.', '这个旅程已在另一个标签页中被修改。'),
  removedElsewhere: localized('This journey was deleted in another tab.', '这个旅程已在另一个标签页中被删除。'),
  shareLinkInvalid: localized(
    'The share link is damaged or incomplete: it could not be read as a journey. Ask for the link again (copy all of it).',
    '分享链接已损坏或不完整，无法读取为旅程。请重新获取链接（完整复制）。',
  ),
  shareLinkEmpty: localized('The share link contains no journey.', '分享链接中没有旅程。'),
  shareLinkNotJson: localized(
    'The share link was read, but what it holds is not a journey (not a JSON object).',
    '分享链接可以读取，但其中的内容不是旅程（不是 JSON 对象）。',
  ),
  shareLinkTooLarge: localized(
    `The share link was not opened: it unpacks to more than ${grouped(MAX_DOCUMENT_CHARS)} characters, the most a journey may have. Journey Lab never makes such links: ask the sender for the journey file.`,
    `未打开该分享链接：解压后超过 ${grouped(MAX_DOCUMENT_CHARS)} 个字符，超出了旅程允许的最大长度。Journey Lab 不会生成这样的链接：请向发送者索取旅程文件。`,
  ),
  importCheckFailed: localized(
    'The journey could not be checked: it is too large or too deeply nested for this browser. Nothing was changed.',
    '无法检查该旅程：对本浏览器而言它过大或嵌套过深。没有做任何更改。',
  ),
  exportRefused: localized(
    'The journey has errors and cannot be exported as a state machine. Fix the errors listed in Problems first.',
    '旅程存在错误，无法导出为状态机。请先修正“问题”列表中的错误。',
  ),
} satisfies Record<string, Localized>;

/** Storage failed for a reason the browser did not name; `detail` is the browser's own text. */
export const saveFailedUnknown = (detail: string): Localized =>
  localized(`Could not save: ${detail || 'the browser reported an unknown storage error'}.`, `保存失败：${detail || '浏览器报告了未知的存储错误'}。`);

export const readFailed = (detail: string): Localized =>
  localized(`Could not read saved journeys: ${detail || 'unknown storage error'}.`, `无法读取已保存的旅程：${detail || '未知的存储错误'}。`);

/** A stored journey that this build cannot open; `reason` is its first problem. */
export const storedJourneyUnreadable = (reason: Localized): Localized =>
  localized(`This saved journey cannot be opened: ${reason.en}`, `无法打开这个已保存的旅程：${reason['zh-CN']}`);

export const shareLinkTooLong = (length: number, limit: number): Localized =>
  localized(
    `The share link is ${grouped(length)} characters long. Links over about ${grouped(limit)} characters may be cut off by chat apps, mail clients or servers; export the journey as a file instead.`,
    `分享链接长 ${grouped(length)} 个字符。超过约 ${grouped(limit)} 个字符的链接可能会被聊天软件、邮件客户端或服务器截断；请改为导出文件。`,
  );

/** A chosen file refused for its size (from its bytes, before reading, or its characters). */
export const fileTooLarge = (name: string, size: { megabytes: number } | { characters: number }): Localized =>
  localized(
    `“${name}” was not opened: ${'megabytes' in size ? `at ${grouped(size.megabytes)} MB` : `with ${grouped(size.characters)} characters`} it is larger than any journey, cohort or lesson file may be (at most ${grouped(MAX_DOCUMENT_CHARS)} characters). Nothing was changed.`,
    `未打开“${name}”：它有 ${'megabytes' in size ? `${grouped(size.megabytes)} MB` : `${grouped(size.characters)} 个字符`}，超过了旅程、人群或课程文件允许的最大长度（最多 ${grouped(MAX_DOCUMENT_CHARS)} 个字符）。没有做任何更改。`,
  );

export const fileUnreadable = (name: string): Localized =>
  localized(`“${name}” could not be read from the disk. Nothing was changed.`, `无法从磁盘读取“${name}”。没有做任何更改。`);

export const notJson = (detail: string): Localized =>
  localized(`The file is not valid JSON (${detail}).`, `文件不是有效的 JSON（${detail}）。`);

export const importRefused = (errorCount: number): Localized =>
  localized(
    `The journey was not opened: it has ${errorCount} error${errorCount === 1 ? '' : 's'} (listed below). Nothing was changed.`,
    `未打开该旅程：其中有 ${errorCount} 个错误（见下方列表）。没有做任何更改。`,
  );

export const importMigrated = (from: number, to: number): Localized =>
  localized(
    `The file was in format version ${from}; it was upgraded to version ${to}. Saving or exporting writes version ${to}.`,
    `该文件为格式版本 ${from}，已升级到版本 ${to}。保存或导出时将写为版本 ${to}。`,
  );

export const edgesDropped = (ids: string[]): Localized =>
  localized(
    `${ids.length} connection(s) that led to missing steps or ports were left out (${ids.join(', ')}).`,
    `已略去 ${ids.length} 条指向不存在的步骤或端口的连线（${ids.join('、')}）。`,
  );
