/** PIPL export and erasure reach the personal data other domains hold about an account. */
import { registerPersonalDataHolder } from '../domains/accounts/index.js';
import { eraseRequests, exportRequests } from '../domains/requests/index.js';
import { eraseConsultations, exportConsultations } from '../domains/support/index.js';
import { eraseWorkerTrail, exportWorkerTrail } from '../domains/tracking/index.js';
import { eraseWorker, exportWorker } from '../domains/workers/index.js';

export function registerPersonalDataHolders(): void {
  registerPersonalDataHolder({ key: 'workerProfile', export: exportWorker, erase: eraseWorker });
  registerPersonalDataHolder({ key: 'locationTrail', export: exportWorkerTrail, erase: eraseWorkerTrail });
  registerPersonalDataHolder({ key: 'consultations', export: exportConsultations, erase: eraseConsultations });
  registerPersonalDataHolder({ key: 'customRequests', export: exportRequests, erase: eraseRequests });
}
