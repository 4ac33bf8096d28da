/**
 * The engine's second public door: dependency-free helpers that other layers (the quiz, the UI)
 * may import without loading the simulation into their bundle. Everything else goes through
 * `index.ts`, which the main bundle must not import.
 */
export { fnv1a, mix32 } from './core/hash.ts';
