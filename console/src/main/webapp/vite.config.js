import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Built by Maven (npm run build) into the bundle's classes, served by the platform under /console/.
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/console', import.meta.url)),
    emptyOutDir: true,
    // Element Plus alone is ~1 MB; pages are split off by route.
    chunkSizeWarningLimit: 1600
  },
  server: {
    // npm run dev against a platform started by scripts/start.sh
    proxy: { '/api': 'http://localhost:8181' }
  }
})
