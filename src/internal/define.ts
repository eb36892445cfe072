import {version} from 'milia-content';
import {loadOnDemand} from './page.js';

/** What our element classes carry so that a second copy on the page can recognise them. */
export interface MiliaElementClass extends CustomElementConstructor {
  readonly miliaVersion?: string;
}

/**
 * Registers a custom element unless its name is taken. Sites do load our script twice (a
 * theme and a plugin, the classic and the module build): the first registration wins and
 * the second copy stays silent when it is the same version, or says which versions met.
 * A name taken by some other script is left alone, with one warning. In Node (server
 * rendering imports our modules) there is no registry: nothing happens.
 *
 * The warning is rare, so its words come with the on-demand file; the returned promise
 * settles once it is logged.
 */
export function defineElement(name: string, constructor: MiliaElementClass): Promise<unknown> | void {
  const registry = globalThis.customElements;
  const existing = registry?.get(name) as MiliaElementClass | undefined;
  if (!registry) return;
  const by = existing?.miliaVersion;
  if (!existing) registry.define(name, constructor);
  else if (by !== version) return loadOnDemand().then((onDemand) => onDemand?.warnNameTaken(name, by));
}
