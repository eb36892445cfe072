// Package entry `milia-widgets/milia-faq.js`: registers <milia-faq> alone, with English.
export * from '../milia-faq.js';
import '../internal/english.js';
