/** The quality domain's public entry: other domains and the workflow layer import only this file. */
export { qaPassRates, drawWeek, drawLastWeekIfDue } from './service.js';
export type { PassRate } from './rules.js';
export { qaRateBp } from './settings.js';
