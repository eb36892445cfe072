/**
 * Configuration warnings for site owners. They stay in the production bundle on purpose:
 * the production bundle is the only one a site owner ever runs. Each distinct message is
 * logged once per element, so a bad attribute does not flood the console on every render.
 */
const logged = new WeakMap<Element, Set<string>>();

export function warnOnce(element: Element, message: string): void {
  let seen = logged.get(element);
  if (!seen) logged.set(element, (seen = new Set()));
  if (seen.has(message)) return;
  seen.add(message);
  console.warn(`milia-widgets: <${element.localName}> ${message}`);
}

/** Lists valid values the same way in every warning. */
export const listOf = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
