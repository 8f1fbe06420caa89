/**
 * What a library Lambda function would load: the engine's load and query functions, bundled as the
 * stack bundles functions, so the cold-start figures count the real code and its dependencies.
 */
export { loadIndex } from '#shared/library/engine.ts';
export { search, similar } from '#shared/library/search.ts';
