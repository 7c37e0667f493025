/** The support domain's public entry: the workflow layer imports only this file. */
export { eraseConsultations, exportConsultations } from './consultation-service.js';
export { chatForSupport } from './chat-service.js';
export { purgeChatImages, supportSettings, DEFAULT_SUPPORT_SETTINGS, EXPIRED_PHOTO_NOTE } from './chat-retention.js';
