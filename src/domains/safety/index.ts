/** The safety domain's public entry: other domains and the workflow layer import only this file. */
export * from './incident-facts.js';
