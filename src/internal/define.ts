/**
 * Registers a custom element unless that name is taken. Sites do include our script twice
 * (a theme and a plugin, or the classic and the module build); the second copy must not
 * throw, and the first registration wins.
 */
export function defineOnce(name: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, constructor);
}
