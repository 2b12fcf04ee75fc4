// ECharts puts a tooltip formatter's result into the page as HTML (innerHTML), and what the dashboard
// shows in tooltips is made of user strings (step labels, goal and segment names) that travel in files
// and links between people who do not trust each other. So every tooltip formatter is treated as
// plain text: a function's result is HTML-escaped (line breaks become <br/>) before ECharts sees it,
// and a string template is escaped once (ECharts escapes the values it puts into {a}, {b}, {c}).
// ECharts' own default tooltip escapes names and valueFormatter results itself (tooltipMarkup.js).
// Labels, axis text and everything else are drawn as SVG or canvas text, which is never markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows it literally; a line break becomes <br/>. */
export function plainTextHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!).replace(/\r?\n/g, '<br/>');
}

/** What a formatter returned, as text: strings and numbers as they are, nothing for anything else. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // A DOM element or anything else is not allowed: tooltips are text.
  return '';
}

type Formatter = (params: unknown, ticket: string, callback: (ticket: string, html: string) => void) => unknown;

// Formatters already wrapped: wrapping one again (an option made safe twice) must not escape twice.
const wrapped = new WeakSet<object>();

/** A tooltip formatter whose result (returned, or passed to ECharts' async callback) is plain text. */
export function plainTextFormatter(formatter: Formatter): Formatter {
  if (wrapped.has(formatter)) return formatter;
  const plain: Formatter = (params, ticket, callback) =>
    plainTextHtml(asText(formatter(params, ticket, (sameTicket, html) => callback(sameTicket, plainTextHtml(asText(html))))));
  wrapped.add(plain);
  return plain;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

function plainTooltip(tooltip: Record<string, unknown>): Record<string, unknown> {
  const { formatter } = tooltip;
  if (typeof formatter === 'function') return { ...tooltip, formatter: plainTextFormatter(formatter as Formatter) };
  // A template: ECharts escapes the values it fills in, so escaping the template itself is enough.
  if (typeof formatter === 'string') return { ...tooltip, formatter: plainTextHtml(formatter) };
  // Anything else (a DOM element, say) is not text: ECharts' default tooltip instead.
  if (formatter !== undefined && formatter !== null) return { ...tooltip, formatter: undefined };
  return tooltip;
}

/**
 * The option with every tooltip's formatter made plain text, wherever a tooltip is set: the top-level
 * one, a series', a data item's, a mark line's. Parts without a tooltip are shared, not copied. Apply it
 * once to an option as written (a template escaped twice would show entities).
 */
export function withPlainTextTooltips<T>(option: T): T {
  return sanitize(option, new Map()) as T;
}

// `done` maps each object or array already seen to its safe version (an object used twice is made safe
// once; a cycle, which options never have, cannot recurse forever).
function sanitize(value: unknown, done: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (done.has(value)) return done.get(value);
  done.set(value, value);
  let safe: unknown = value;
  if (Array.isArray(value)) {
    const next = value.map((item) => sanitize(item, done));
    if (next.some((item, index) => item !== value[index])) safe = next;
  } else if (isPlainObject(value)) {
    let next: Record<string, unknown> | null = null;
    for (const [key, child] of Object.entries(value)) {
      let safeChild = sanitize(child, done);
      if (key === 'tooltip') safeChild = Array.isArray(safeChild) ? safeChild.map((each) => (isPlainObject(each) ? plainTooltip(each) : each)) : isPlainObject(safeChild) ? plainTooltip(safeChild) : safeChild;
      if (safeChild !== child) {
        next ??= { ...value };
        next[key] = safeChild;
      }
    }
    if (next) safe = next;
  }
  done.set(value, safe);
  return safe;
}
