/** VRPTW route planner: Solomon parser, SISR-based solver and solution verifier. */
export { solveVrptw, type SearchTuning } from './solver';
export { verifySolution } from './verify';
export { parseSolomon, SolomonParseError, type SolomonInstance } from './solomon';
export { euclidean } from './instance';
export type * from './types';
