import { describe, expect, it } from 'vitest';
import { checkCohort } from '../../src/core/cohort/schema';
import { normaliseShareRecord } from '../../src/core/cohort/editing';
import {
  addAttribute,
  addAttributeValue,
  addEventRate,
  addTag,
  attributeNameProblem,
  eventRateProblem,
  newAttributeProblem,
  removeAttribute,
  removeAttributeValue,
  removeTag,
  renameAttribute,
  renameAttributeValue,
  tagNameProblem,
} from '../../src/core/cohort/vocabulary';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { inEnglish, inChinese } from '../support/messages.ts';

const spec = () => structuredClone(ecommercePreset.spec) as unknown as Record<string, unknown> & { segments: Record<string, Record<string, unknown>>[]; attributes: Record<string, Record<string, unknown>>; tags: string[] };
const codes = (input: unknown) => checkCohort(input).problems.map((problem) => problem.code);

describe('cohort vocabulary editing', () => {
  it('refuses bad or duplicate names with the schema’s own message, in both languages', () => {
    expect(inEnglish(attributeNameProblem('Member Tier', []))).toMatch(/snake_case/);
    expect(attributeNameProblem('member_tier', [])).toBeNull();
    expect(inEnglish(attributeNameProblem('member_tier', ['member_tier']))).toMatch(/already there/);
    expect(attributeNameProblem('tier', ['member_tier'])).toBeNull();
    expect(inChinese(tagNameProblem('has space', []))).toMatch(/标签/);
    expect(tagNameProblem('vip:gold', [])).toBeNull();
    expect(inEnglish(newAttributeProblem('plan', [], 'categorical', []))).toMatch(/at least one value/);
    expect(inEnglish(newAttributeProblem('plan', [], 'categorical', ['a', 'a']))).toMatch(/already there/);
    expect(newAttributeProblem('plan', [], 'numeric', [])).toBeNull();
  });

  it('refuses rates for events the model makes, as checkCohort would', () => {
    for (const event of ['purchase', 'open', 'click', 'unsubscribe']) expect(eventRateProblem(event, [])).not.toBeNull();
    expect(inEnglish(eventRateProblem('Add To Cart', []))).toMatch(/snake_case/);
    expect(inEnglish(eventRateProblem('visit', ['visit']))).toMatch(/already there/);
    expect(eventRateProblem('wishlist', ['visit'])).toBeNull();
    // The rule is checkCohort's: a purchase rate written anyway is reported as cohort-modelled-event.
    const withPurchase = spec();
    (withPurchase.segments[0]!.behaviour as { events: Record<string, unknown> }).events.purchase = { perDay: 1 };
    expect(codes(withPurchase)).toContain('cohort-modelled-event');
  });

  it('adds an event rate at 0 a day to one segment only', () => {
    const next = addEventRate(spec(), 1, 'wishlist') as ReturnType<typeof spec>;
    expect((next.segments[1]!.behaviour as { events: Record<string, unknown> }).events.wishlist).toEqual({ perDay: 0 });
    expect((next.segments[0]!.behaviour as { events: Record<string, unknown> }).events.wishlist).toBeUndefined();
    expect(codes(next)).toEqual([]);
    expect(addEventRate(spec(), 9, 'wishlist')).toEqual(spec());
  });

  it('renames and removes an attribute everywhere, so the cohort stays valid', () => {
    const renamed = renameAttribute(spec(), 'member_tier', 'tier') as ReturnType<typeof spec>;
    expect(Object.keys(renamed.attributes)).toContain('tier');
    expect(Object.keys(renamed.attributes).indexOf('tier')).toBe(Object.keys(spec().attributes).indexOf('member_tier'));
    expect(renamed.segments[1]!.attributes).toEqual({ tier: { none: 20, silver: 50, gold: 25, platinum: 5 } });
    expect(codes(renamed)).toEqual([]);
    const numeric = renameAttribute(spec(), 'points', 'loyalty_points') as ReturnType<typeof spec>;
    expect(numeric.segments[0]!.numeric).toHaveProperty('loyalty_points', { mean: 100, sd: 150 });
    const removed = removeAttribute(spec(), 'member_tier') as ReturnType<typeof spec>;
    expect(removed.attributes.member_tier).toBeUndefined();
    expect(removed.segments.every((segment) => !('member_tier' in (segment.attributes as object)))).toBe(true);
    expect(codes(removed)).toEqual([]);
  });

  it('declares attributes of both kinds', () => {
    const categorical = addAttribute(spec(), 'plan', 'categorical', ['basic', 'pro']) as ReturnType<typeof spec>;
    expect(categorical.attributes.plan).toEqual({ values: ['basic', 'pro'] });
    expect(codes(categorical)).toEqual([]);
    const numeric = addAttribute(spec(), 'age', 'numeric') as ReturnType<typeof spec>;
    expect(numeric.attributes.age).toEqual({ numeric: { min: 0, max: 100, integer: false } });
    expect(codes(numeric)).toEqual([]);
  });

  it('adds, renames and removes values; their shares follow them', () => {
    const renamed = renameAttributeValue(spec(), 'member_tier', 'silver', 'argent') as ReturnType<typeof spec>;
    expect(renamed.attributes.member_tier!.values).toEqual(['none', 'argent', 'gold', 'platinum']);
    expect(renamed.segments[1]!.attributes).toEqual({ member_tier: { none: 20, argent: 50, gold: 25, platinum: 5 } });
    expect(codes(renamed)).toEqual([]);
    const declared = renameAttributeValue(spec(), 'gender', 'male', 'man') as ReturnType<typeof spec>;
    expect(declared.attributes.gender!.shares).toEqual({ female: 56, man: 44 });
    const numbers = renameAttributeValue(addAttribute(spec(), 'kids', 'categorical', []) as ReturnType<typeof spec>, 'kids', 'x', 'y');
    expect((numbers as ReturnType<typeof spec>).attributes.kids!.values).toEqual([]);
    const withNumber = { ...spec(), attributes: { kids: { values: [0, 1, true] } } };
    expect((renameAttributeValue(withNumber, 'kids', '1', '2') as typeof withNumber).attributes.kids.values).toEqual([0, 2, true]);
    expect((renameAttributeValue(withNumber, 'kids', 'true', 'false') as typeof withNumber).attributes.kids.values).toEqual([0, 1, false]);
    expect((renameAttributeValue(withNumber, 'kids', '1', 'one') as typeof withNumber).attributes.kids.values).toEqual([0, 'one', true]);
    // A number typed another way stays the number, and its shares stay keyed as it is shown.
    const withShares = { ...spec(), attributes: { kids: { values: [0, 3], shares: { '0': 40, '3': 60 } } } };
    const retyped = renameAttributeValue(withShares, 'kids', '3', '3.0') as typeof withShares;
    expect(retyped.attributes.kids.values).toEqual([0, 3]);
    expect(retyped.attributes.kids.shares).toEqual({ '0': 40, '3': 60 });

    const removed = removeAttributeValue(spec(), 'member_tier', 'platinum') as ReturnType<typeof spec>;
    expect(removed.attributes.member_tier!.values).toEqual(['none', 'silver', 'gold']);
    expect(removed.segments[1]!.attributes).toEqual({ member_tier: { none: 20, silver: 50, gold: 25 } });
    expect(codes(removed)).toContain('cohort-attribute-shares');
    const added = addAttributeValue(spec(), 'member_tier', 'diamond') as ReturnType<typeof spec>;
    expect(added.attributes.member_tier!.values).toEqual(['none', 'silver', 'gold', 'platinum', 'diamond']);
    expect(codes(added)).toEqual([]);
  });

  it('adds and removes tags; removing one removes it from every segment', () => {
    const added = addTag(spec(), 'vip') as ReturnType<typeof spec>;
    expect(added.tags.at(-1)).toBe('vip');
    expect(codes(added)).toEqual([]);
    const removed = removeTag(spec(), 'complained') as ReturnType<typeof spec>;
    expect(removed.tags).not.toContain('complained');
    expect(removed.segments.some((segment) => 'complained' in (segment.tags as object))).toBe(false);
    expect(codes(removed)).toEqual([]);
    expect(codes(removeTag({ ...spec(), segments: [] }, 'x'))).toContain('cohort-invalid');
  });

  it('normalises a share record over the declared values only', () => {
    expect(normaliseShareRecord({ a: 30, b: 30, stray: 5 }, ['a', 'b', 'c'])).toEqual({ a: 50, b: 50, c: 0 });
    expect(normaliseShareRecord({}, ['a', 'b'])).toEqual({ a: 50, b: 50 });
  });
});
