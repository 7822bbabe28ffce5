import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app is served by the API server itself (src/api/web), so assets live under `/assets/`. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:8080', '/healthz': 'http://localhost:8080' } },
});
