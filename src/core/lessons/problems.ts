import { localized } from '../i18n';
import type { ProblemDefinition } from '../journey/problems';

/** What each lesson problem code means and how to fix it; docs/lesson-format.md has a section per code. */
export const lessonProblems = {
  'lesson-invalid': {
    severity: 'error',
    title: localized('Not a valid lesson', '不是有效的课程'),
    fix: localized('Correct the field at the path shown; docs/lesson-format.md describes every field.', '按提示路径修正字段；docs/lesson-format.md 说明了每个字段。'),
  },
  'lesson-newer-version': {
    severity: 'error',
    title: localized('Lesson from a newer Journey Lab', '课程来自更新版本的 Journey Lab'),
    fix: localized('Update Journey Lab, or ask the trainer for a lesson in the version named.', '请升级 Journey Lab，或请培训师提供所示版本的课程。'),
  },
  'lesson-unknown-template': {
    severity: 'error',
    title: localized('Lesson uses a journey template that does not exist', '课程使用的旅程模板不存在'),
    fix: localized('Use the id of a ready journey, or embed the whole journey document instead.', '请使用已有模板的 id，或直接嵌入完整的旅程文件。'),
  },
  'lesson-unknown-cohort': {
    severity: 'error',
    title: localized('Lesson uses a cohort that does not exist', '课程使用的模拟人群不存在'),
    fix: localized('Use the id of a ready cohort (ecommerce, telecom, education, banking), or leave it out.', '请使用已有模拟人群的 id（ecommerce、telecom、education、banking），或省略该字段。'),
  },
  'lesson-journey-invalid': {
    severity: 'error',
    title: localized('The lesson’s journey has errors', '课程中的旅程有错误'),
    fix: localized('Open the journey in the editor, fix the errors shown, and embed it again.', '在编辑器中打开该旅程，修正提示的错误后重新嵌入。'),
  },
  'lesson-missing-node': {
    severity: 'error',
    title: localized('Lesson refers to a node the journey does not have', '课程引用了旅程中不存在的节点'),
    fix: localized('Use the id of a node of the lesson’s journey (ids, not labels).', '请使用课程旅程中已有节点的 id（是 id，不是名称）。'),
  },
  'lesson-edit-invalid': {
    severity: 'error',
    title: localized('A suggested edit breaks the journey', '建议的修改会让旅程出错'),
    fix: localized('Give the param or setting a value the journey format accepts (docs/journey-format.md).', '请为参数或设置填写旅程格式允许的值（见 docs/journey-format.md）。'),
  },
  'lesson-no-holdout': {
    severity: 'warning',
    title: localized('Lift is read but the journey has no holdout', '读取提升值，但旅程没有对照组'),
    fix: localized('Add a split with a holdout variant, or look at another figure: without a holdout there is no lift.', '请添加带对照组的分流节点，或改看其他指标：没有对照组就没有提升值。'),
  },
} satisfies Record<string, ProblemDefinition>;

export type LessonProblemCode = keyof typeof lessonProblems;
