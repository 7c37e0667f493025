import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './shared/base.css';

// Each portal is its own chunk: the H5 portals use antd-mobile, the console antd.
function pickPortal() {
  const path = window.location.pathname;
  if (/^\/admin(\/|$)/.test(path)) return lazy(() => import('./admin/admin-app'));
  if (/^\/worker(\/|$)/.test(path)) return lazy(() => import('./worker/worker-app'));
  return lazy(() => import('./customer/customer-app'));
}

const Portal = pickPortal();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={<div className="boot-loading" aria-busy="true" />}>
      <Portal />
    </Suspense>
  </StrictMode>,
);
