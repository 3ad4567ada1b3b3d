import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The station entry shares the core with the app but never loads Electron.
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          station: resolve(root, 'electron/station/cli.ts'),
          // Long jobs run here, off the main thread: import previews and runs in short steps, undo, checks of copies, restores staged (core/jobs/host.ts).
          'import-worker': resolve(root, 'electron/core/import/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified: 3.7 MB the window had to parse before its first paint.
      minify: true,
      rollupOptions: {
        // The door's service worker (renderer/src/sw.ts) must keep one address, /sw.js, across builds.
        input: { index: resolve(root, 'renderer/index.html'), sw: resolve(root, 'renderer/src/sw.ts') },
        output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
      },
    },
  },
});
