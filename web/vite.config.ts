// Vite build of the dashboard: `vite build web` writes web/dist, which the API server serves with SPA fallback.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts (tree-shaken) is the bulk of the bundle; keep it in its own chunk so the shell loads first.
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: { manualChunks: (id: string) => (id.includes('node_modules') ? 'vendor' : undefined) },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
