/** The complaints domain's public entry: other domains and the workflow layer import only this file. */
export {
  COMPLAINT_PERMISSION, complaintCounts, complaintRowsAbout, escalateOverdueComplaints, openComplaint, type OpenComplaintInput, type PenaltyChoice,
} from './service.js';
export { CATEGORY_LABELS as COMPLAINT_CATEGORY_LABELS, COMPLAINT_CATEGORIES, DEFAULT_COMPLAINT_SETTINGS, type ComplaintSettings } from './rules.js';
export { complaintSettings } from './settings.js';
