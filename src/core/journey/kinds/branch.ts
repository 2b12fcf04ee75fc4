import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { message, type Message, verbatim, joinedMessages } from '../../i18n';
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
  icon: 'diamond',
  name: message('core.journey.kinds.branch.branch'),
  description: message('core.journey.kinds.branch.sendsUsersDownDifferentPaths'),
  params,
  fields: [
    {
      key: 'cases',
      label: message('core.journey.kinds.branch.cases'),
      help: message('core.journey.kinds.branch.checkedFromTopToBottom'),
      control: 'list',
      item: {
        name: message('core.journey.kinds.branch.case'),
        add: message('core.journey.kinds.branch.addCase'),
        remove: message('core.journey.kinds.branch.removeCase'),
        create: () => ({ label: '', condition: { all: [] } }),
      },
      fields: [
        {
          key: 'label',
          label: message('core.journey.kinds.branch.name'),
          help: message('core.journey.kinds.branch.shownOnTheCaseS'),
          control: 'text',
          maxLength: 100,
        },
        {
          key: 'condition',
          label: message('core.journey.kinds.branch.condition'),
          help: message('core.journey.kinds.branch.whoTakesThisCaseAttributes'),
          control: 'condition',
        },
      ],
    },
  ],
  ports: (p) => [
    ...p.cases.map((branchCase, index) => ({
      id: casePort(index),
      label: branchCase.label ? verbatim(branchCase.label) : message('core.journey.kinds.branch.case2', { v: index + 1 }),
    })),
    { id: 'else', label: message('core.journey.kinds.branch.else') },
  ],
  remapPorts: (before, after) => remapItemPorts(before.cases, after.cases, casePort),
  summary: (p) =>
    p.cases.length === 0
      ? message('core.journey.kinds.branch.noCases')
      : joinedMessages(
          p.cases.map((branchCase, index) => message('core.journey.kinds.branch.caseSummary', { n: index + 1, condition: describeCondition(branchCase.condition) })),
          'semicolons',
        ),
  problems: {
    'branch-without-cases': {
      severity: 'warning',
      title: message('core.journey.kinds.branch.branchWithoutCases'),
      fix: message('core.journey.kinds.branch.addAtLeastOneCase'),
    },
    'branch-case-never-matches': {
      severity: 'warning',
      title: message('core.journey.kinds.branch.branchCaseCanNeverMatch'),
      fix: message('core.journey.kinds.branch.theCaseContradictsItselfE'),
    },
    'branch-case-shadowed': {
      severity: 'warning',
      title: message('core.journey.kinds.branch.branchCaseShadowedByEarlier'),
      fix: message('core.journey.kinds.branch.everyUserThisCaseWould'),
    },
  },
  validate(node, context) {
    const { cases } = node.params;
    if (cases.length === 0)
      context.report('branch-without-cases', message('core.journey.kinds.branch.branchHasNoCases', { v: node.label || node.id }), ['cases']);
    const earlier: Condition[] = [];
    cases.forEach((branchCase, index) => {
      if (!isSatisfiable(branchCase.condition, context.conditionBudget))
        context.report(
          'branch-case-never-matches',
          message('core.journey.kinds.branch.caseCanNeverMatch', { v: index + 1, condition: describeCondition(branchCase.condition) }),
          ['cases', index, 'condition'],
        );
      else if (earlier.length > 0 && implies(branchCase.condition, { any: earlier }, context.conditionBudget))
        context.report(
          'branch-case-shadowed',
          message('core.journey.kinds.branch.caseOnlyMatchesUsersAn', { v: index + 1, condition: describeCondition(branchCase.condition) }),
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
    index >= cases.length ? message('core.journey.kinds.branch.else2') : cases[index]!.label ? quoted(cases[index]!.label!) : message('core.journey.kinds.branch.case2', { v: index + 1 });
  const reasons: Message[] = [];
  for (let index = 0; index < Math.min(taken + 1, cases.length); index++) {
    const verdict = explainCondition(cases[index]!.condition, facts, cohort);
    const name = caseName(index);
    reasons.push(
      verdict.matched
        ? message('core.journey.kinds.branch.matched', { name, text: verdict.text })
        : message('core.journey.kinds.branch.didNotMatch', { name, text: verdict.text }),
    );
  }
  if (taken >= cases.length) reasons.push(message('core.journey.kinds.branch.noCaseMatchedSoThey'));
  const name = caseName(taken);
  return {
    kind: 'branch',
    text: message('core.journey.kinds.branch.atTheyWentDown', { label, name }),
    why: message('core.journey.kinds.branch.casesAreCheckedInOrder', { reasons: joinedMessages(reasons, 'sentences') }),
  };
}
