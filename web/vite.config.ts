import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiOrigin = 'http://127.0.0.1:3000';

// One build, three portals: `/` customer H5, `/worker/` worker H5, `/admin/` console.
// Each portal is a lazily loaded chunk (see src/main.tsx), so the H5 portals never download antd.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: {
      '/api': apiOrigin,
      '/health': apiOrigin,
      '/docs': apiOrigin,
    },
  },
});
