import { isDeepStrictEqual } from 'node:util';

/**
 * A small checker for the JSON Schema (draft 2020-12) keywords zod writes, so tests can hold files up
 * against the published schemas without adding a validator dependency. A keyword it does not know
 * fails the check rather than being skipped, so a schema it cannot judge never passes by accident.
 */

type Schema = boolean | { [keyword: string]: unknown };

/** Keywords that say something about a value without constraining it. */
const annotations = new Set(['$schema', '$id', '$defs', '$comment', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function regex(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return new RegExp(pattern);
  }
}

class Checker {
  readonly errors: string[] = [];
  constructor(private readonly root: Record<string, unknown>) {}

  private resolve(ref: string): Schema {
    const name = ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : undefined;
    const defs = this.root.$defs;
    const target = ref === '#' ? this.root : name !== undefined && isObject(defs) ? defs[name] : undefined;
    if (typeof target !== 'boolean' && !isObject(target)) throw new Error(`Cannot resolve $ref ${ref}`);
    return target;
  }

  /** Whether `value` matches, without recording why not (for anyOf/oneOf/not). */
  private matches(schema: Schema, value: unknown): boolean {
    const probe = new Checker(this.root);
    probe.check(schema, value, '');
    return probe.errors.length === 0;
  }

  check(schema: Schema, value: unknown, path: string): void {
    const fail = (message: string) => this.errors.push(`${path || '/'}: ${message}`);
    if (schema === true) return;
    if (schema === false) return void fail('no value is allowed here');
    for (const [keyword, argument] of Object.entries(schema)) {
      if (annotations.has(keyword)) continue;
      const number = argument as number;
      switch (keyword) {
        case '$ref':
          this.check(this.resolve(argument as string), value, path);
          break;
        case 'type': {
          const types = Array.isArray(argument) ? (argument as string[]) : [argument as string];
          if (!types.some((type) => hasType(value, type))) fail(`expected ${types.join(' or ')}`);
          break;
        }
        case 'const':
          if (!isDeepStrictEqual(value, argument)) fail(`expected ${JSON.stringify(argument)}`);
          break;
        case 'enum':
          if (!(argument as unknown[]).some((option) => isDeepStrictEqual(value, option))) fail(`expected one of ${JSON.stringify(argument)}`);
          break;
        case 'anyOf':
          if (!(argument as Schema[]).some((option) => this.matches(option, value))) fail('matches none of anyOf');
          break;
        case 'oneOf': {
          const matched = (argument as Schema[]).filter((option) => this.matches(option, value)).length;
          if (matched !== 1) fail(`matches ${matched} of oneOf, not exactly one`);
          break;
        }
        case 'allOf':
          for (const part of argument as Schema[]) this.check(part, value, path);
          break;
        case 'not':
          if (this.matches(argument as Schema, value)) fail('matches what "not" forbids');
          break;
        case 'properties':
          if (isObject(value))
            for (const [name, property] of Object.entries(argument as Record<string, Schema>))
              if (name in value) this.check(property, value[name], `${path}/${name}`);
          break;
        case 'required':
          if (isObject(value)) for (const name of argument as string[]) if (!(name in value)) fail(`missing required "${name}"`);
          break;
        case 'additionalProperties':
          if (isObject(value)) {
            const known = isObject(schema.properties) ? schema.properties : {};
            for (const name of Object.keys(value)) if (!(name in known)) this.check(argument as Schema, value[name], `${path}/${name}`);
          }
          break;
        case 'propertyNames':
          if (isObject(value)) for (const name of Object.keys(value)) this.check(argument as Schema, name, `${path}/${name} (name)`);
          break;
        case 'prefixItems':
          if (Array.isArray(value)) (argument as Schema[]).forEach((item, index) => index < value.length && this.check(item, value[index], `${path}/${index}`));
          break;
        case 'items':
          if (Array.isArray(value)) {
            const after = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
            value.forEach((item, index) => index >= after && this.check(argument as Schema, item, `${path}/${index}`));
          }
          break;
        case 'minItems':
          if (Array.isArray(value) && value.length < number) fail(`fewer than ${number} items`);
          break;
        case 'maxItems':
          if (Array.isArray(value) && value.length > number) fail(`more than ${number} items`);
          break;
        // JSON Schema counts characters (code points), not UTF-16 units.
        case 'minLength':
          if (typeof value === 'string' && [...value].length < number) fail(`shorter than ${number}`);
          break;
        case 'maxLength':
          if (typeof value === 'string' && [...value].length > number) fail(`longer than ${number}`);
          break;
        case 'pattern':
          if (typeof value === 'string' && !regex(argument as string).test(value)) fail(`does not match ${String(argument)}`);
          break;
        case 'minimum':
          if (typeof value === 'number' && value < number) fail(`below ${number}`);
          break;
        case 'maximum':
          if (typeof value === 'number' && value > number) fail(`above ${number}`);
          break;
        case 'exclusiveMinimum':
          if (typeof value === 'number' && value <= number) fail(`not above ${number}`);
          break;
        case 'exclusiveMaximum':
          if (typeof value === 'number' && value >= number) fail(`not below ${number}`);
          break;
        default:
          throw new Error(`jsonSchemaCheck does not know the keyword "${keyword}"`);
      }
    }
  }
}

/** Why `value` does not match the JSON Schema `root` (JSON-pointer-like paths); empty when it does. */
export function schemaErrors(root: Record<string, unknown>, value: unknown): string[] {
  const checker = new Checker(root);
  checker.check(root, value, '');
  return checker.errors;
}
