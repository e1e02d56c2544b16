import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @tracker/web`: hot reload on :5173, API calls proxied to the app on :3000.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
