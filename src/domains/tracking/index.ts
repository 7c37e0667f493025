/** The tracking domain's public entry: other domains and the workflow layer import only this file. */
export { orderTrail, latestOrderFix, latestWorkerFix, exportWorkerTrail, eraseWorkerTrail, type TrailPoint } from './service.js';
export { trackingSettings, DEFAULT_TRACKING_SETTINGS, type TrackingSettings } from './settings.js';
export { TRACKED_STATES, CUSTOMER_VISIBLE_STATES } from './rules.js';
