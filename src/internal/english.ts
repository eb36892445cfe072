import english from 'milia-content/en';
import {addLocale} from './locale.js';

// English ships inside every build. It is added by its own module, imported after the
// elements, so that the bundler places the long text after all the code: gzip then finds
// more repeats in the code, which saves about 70 bytes. Elements render in a microtask
// after this runs, so English is always there by their first render.
addLocale(english);
