import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The web app lives in web/ and is built to web/dist, which the API server serves at /.
// In development (`npm run dev:web`) /api is proxied to a running server on :8080.
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Keep the large UI libraries in their own cacheable chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|dayjs)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.TIAODU_API_URL ?? 'http://127.0.0.1:8080', changeOrigin: true } },
  },
});
