import { MobileApp } from '../mobile/mobile-app';
import type { MobilePortal } from '../mobile/portal';
import { workerMessages } from './messages';
import { WorkerHome } from './worker-home';

const portal: MobilePortal = {
  role: 'worker',
  basename: '/worker',
  titleKey: 'worker.portal',
  Home: WorkerHome,
  hasAddresses: false,
};

/** 师傅端: the worker H5 portal at `/worker/`. */
export default function WorkerApp() {
  return <MobileApp portal={portal} messages={workerMessages} />;
}
