// Package entry `milia-widgets/milia-info.js`: registers <milia-info> alone, with English.
export * from '../milia-info.js';
import '../internal/english.js';
