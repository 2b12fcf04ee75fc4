import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized, type Localized } from '../../i18n';
import { conditionSchema, describeCondition, type Condition } from '../condition';
import { implies, isSatisfiable } from '../conditionLogic';
import { remapItemPorts } from './itemPorts';
import { MAX_PORT_ITEMS } from '../limits';
import { conditionGuard } from '../../compile/operations';
import { explainCondition } from '../../trainer/explain';
import { paramsOf, plainPortStep, quoted, type StoryLine, type StoryPortContext } from '../../trainer/storyLine';
import type { JourneyNode } from '../schema';

const caseSchema = z.strictObject({
  label: z.string().max(100).default(''),
  condition: conditionSchema,
});

const params = z.strictObject({
  cases: z
    .array(caseSchema)
    .max(MAX_PORT_ITEMS)
    .default([{ label: '', condition: { tag: 'vip', present: true } }])
    .meta({ description: 'Checked in order; the user leaves through the first case that matches, else through "else".' }),
});

const casePort = (index: number) => `case-${index + 1}`;

export const branchKind = defineNodeKind({
  kind: 'branch',
  group: 'logic',
  icon: '◇',
  name: localized('Branch', '条件分支'),
  description: localized(
    'Sends users down different paths by who they are or what they did: attributes (分组), tags, segment, RFM layer (分层) or recent behaviour (分群). Cases are checked in order; the first match wins.',
    '按用户是谁、做过什么走不同路径：属性（分组）、标签、细分、RFM 分层或近期行为（分群）。按顺序判断，命中第一个即走该分支。',
  ),
  params,
  fields: [
    {
      key: 'cases',
      label: localized('Cases', '分支条件'),
      help: localized(
        'Checked from top to bottom: each user leaves through the first case they match, and through “else” if none. Order matters: put the narrowest cases (e.g. VIP) first, or a broader case above takes their users.',
        '从上到下依次判断：用户从第一个命中的分支离开，都不命中则走“其他”。顺序很重要：把最窄的条件（如 VIP）放在前面，否则上面较宽的条件会先截走这些用户。',
      ),
      control: 'list',
      item: {
        name: localized('Case {n}', '条件 {n}'),
        add: localized('Add case', '添加条件'),
        remove: localized('Remove case {n}', '删除条件 {n}'),
        create: () => ({ label: '', condition: { all: [] } }),
      },
      fields: [
        {
          key: 'label',
          label: localized('Name', '名称'),
          help: localized('Shown on the case’s port on the canvas, e.g. “VIP” or “price-sensitive”.', '显示在画布上该分支的端口上，例如“VIP”或“价格敏感”。'),
          control: 'text',
          maxLength: 100,
        },
        {
          key: 'condition',
          label: localized('Condition', '条件'),
          help: localized(
            'Who takes this case: attributes, tags, segment, RFM score, or how often they did something recently.',
            '哪些用户走这个分支：属性、标签、细分、RFM 分值，或近期做某件事的次数。',
          ),
          control: 'condition',
        },
      ],
    },
  ],
  ports: (p) => [
    ...p.cases.map((branchCase, index) => ({
      id: casePort(index),
      label: branchCase.label ? localized(branchCase.label, branchCase.label) : localized(`case ${index + 1}`, `条件 ${index + 1}`),
    })),
    { id: 'else', label: localized('else', '其他') },
  ],
  remapPorts: (before, after) => remapItemPorts(before.cases, after.cases, casePort),
  summary: (p, lang) =>
    p.cases.length === 0
      ? lang === 'en'
        ? 'No cases'
        : '没有条件'
      : p.cases.map((branchCase, index) => `${index + 1}: ${describeCondition(branchCase.condition, lang)}`).join('; '),
  problems: {
    'branch-without-cases': {
      severity: 'warning',
      title: localized('Branch without cases', '分支没有条件'),
      fix: localized('Add at least one case, or replace the branch with a direct connection.', '至少添加一个条件，或删除分支直接连线。'),
    },
    'branch-case-never-matches': {
      severity: 'warning',
      title: localized('Branch case can never match', '分支条件永远不会命中'),
      fix: localized(
        'The case contradicts itself (e.g. age < 20 and age > 30). Correct the condition or remove the case.',
        '该条件自相矛盾（例如 年龄<20 且 年龄>30）。请修正条件或删除该分支。',
      ),
    },
    'branch-case-shadowed': {
      severity: 'warning',
      title: localized('Branch case shadowed by earlier cases', '分支条件被前面的条件遮蔽'),
      fix: localized(
        'Every user this case would match is already taken by an earlier case. Move it up or narrow the earlier cases.',
        '该条件能命中的用户已全部被前面的条件截走。请把它上移，或收窄前面的条件。',
      ),
    },
  },
  validate(node, context) {
    const { cases } = node.params;
    if (cases.length === 0)
      context.report('branch-without-cases', localized(`Branch "${node.label || node.id}" has no cases.`, `分支「${node.label || node.id}」没有条件。`), ['cases']);
    const earlier: Condition[] = [];
    cases.forEach((branchCase, index) => {
      if (!isSatisfiable(branchCase.condition, context.conditionBudget))
        context.report(
          'branch-case-never-matches',
          localized(
            `Case ${index + 1} (${describeCondition(branchCase.condition, 'en')}) can never match.`,
            `条件 ${index + 1}（${describeCondition(branchCase.condition, 'zh-CN')}）永远不会命中。`,
          ),
          ['cases', index, 'condition'],
        );
      else if (earlier.length > 0 && implies(branchCase.condition, { any: earlier }, context.conditionBudget))
        context.report(
          'branch-case-shadowed',
          localized(
            `Case ${index + 1} (${describeCondition(branchCase.condition, 'en')}) only matches users an earlier case already takes.`,
            `条件 ${index + 1}（${describeCondition(branchCase.condition, 'zh-CN')}）命中的用户已被前面的条件截走。`,
          ),
          ['cases', index, 'condition'],
        );
      earlier.push(branchCase.condition);
    });
  },
  compile: (node, context) => ({
    entry: context.enter,
    always: [
      ...node.params.cases.map((branchCase, index) => ({
        ...context.go(casePort(index)),
        guard: conditionGuard.ref({ condition: branchCase.condition }),
      })),
      context.go('else'),
    ],
  }),
  // The case taken tells the story, with why each case before it did not match.
  story: {
    enter: () => null,
    port: (node, port, context) => branchStep(node, port, context) ?? plainPortStep('branch', port, context.label),
  },
});

function branchStep(node: JourneyNode, port: string, { label, facts, cohort }: StoryPortContext): StoryLine | null {
  const cases = paramsOf({ params }, node)?.cases;
  if (!cases) return null;
  const taken = port === 'else' ? cases.length : Number(port.replace('case-', '')) - 1;
  if (!Number.isInteger(taken) || taken < 0 || taken > cases.length) return null;
  const caseName = (index: number) =>
    index >= cases.length ? localized('“else”', '“其他”') : cases[index]!.label ? quoted(cases[index]!.label!) : localized(`case ${index + 1}`, `条件 ${index + 1}`);
  const reasons: Localized[] = [];
  for (let index = 0; index < Math.min(taken + 1, cases.length); index++) {
    const verdict = explainCondition(cases[index]!.condition, facts, cohort);
    const name = caseName(index);
    reasons.push(
      verdict.matched
        ? localized(`${name.en} matched: ${verdict.text.en}.`, `${name['zh-CN']}命中：${verdict.text['zh-CN']}。`)
        : localized(`${name.en} did not match: ${verdict.text.en}.`, `${name['zh-CN']}未命中：${verdict.text['zh-CN']}。`),
    );
  }
  if (taken >= cases.length) reasons.push(localized('No case matched, so they took “else”.', '所有条件都未命中，因此走“其他”。'));
  const name = caseName(taken);
  return {
    kind: 'branch',
    text: localized(`At ${label.en} they went down ${name.en}.`, `在${label['zh-CN']}走了${name['zh-CN']}分支。`),
    why: localized(`Cases are checked in order. ${reasons.map((reason) => reason.en).join(' ')}`, `按顺序判断条件。${reasons.map((reason) => reason['zh-CN']).join('')}`),
  };
}
