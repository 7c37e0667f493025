/** The support domain's public entry: the workflow layer imports only this file. */
export { eraseConsultations, exportConsultations } from './consultation-service.js';
export { chatForSupport } from './chat-service.js';
