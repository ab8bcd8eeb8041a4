// Preloaded into `src/main.ts` by a test (NODE_OPTIONS=--require): as soon as the process starts
// listening for unhandled rejections, a library-like background task rejects with nobody waiting.
if (process.argv[1] && process.argv[1].endsWith('main.ts')) {
  process.on('newListener', (event) => {
    if (event !== 'unhandledRejection') return;
    process.nextTick(() => {
      void Promise.reject(new Error('backup of 77011234567@c.us failed: not primary'));
    });
  });
}
