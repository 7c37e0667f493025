/** The claims domain's public entry: the workflow layer and the composition import only this file. */
export { claimsOfOrder, claimOptions } from './service.js';
