/**
 * Configuration warnings for site owners. They stay in the production bundle on purpose:
 * the production bundle is the only one a site owner ever runs. Each distinct message is
 * logged once per element, so a bad attribute does not flood the console on every render.
 */
const logged = new WeakMap<object, Set<string>>();

/** Logs a message about `element` once per `scope` (the element; `document` for once per page). */
export function warnOnce(element: Element, message: string, scope: object = element): void {
  let seen = logged.get(scope);
  if (!seen) logged.set(scope, (seen = new Set()));
  if (seen.has(message)) return;
  seen.add(message);
  console.warn(`milia-widgets: <${element.localName}> ${message}`);
}

/**
 * Any value a framework may set, as text for a message or a check. String() is what an
 * attribute would hold, but it throws for an object without a prototype (and a template
 * literal throws for a Symbol): a bad value must get a warning, never an exception.
 */
export function asText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}

const quoted = (values: readonly unknown[]) => values.map((v) => `"${v}"`).join(', ');

/**
 * The one shape of configuration warning, so that every message names the setting, the bad
 * value(s), what happens instead and the valid values; one message per setting and value:
 * `<milia-info> sections="overview pimples": not valid: "pimples"; skipped. Valid: "overview", ...`
 */
export function warnInvalid(element: Element, setting: string, bad: unknown[], outcome: string, valid: readonly unknown[]): void {
  warnOnce(element, `${setting}: not valid: ${quoted(bad)}; ${outcome}. Valid: ${quoted(valid)}.`);
}
