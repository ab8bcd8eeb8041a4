/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is `npm run build`'s job; tests only transpile, which keeps them fast.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 30000,
  // Every core. Jest's default leaves one free, which on a two-core machine is a single worker,
  // while the suites mostly wait on sockets, timers, SQLite and Chromium: the whole run took 511 s
  // on one worker and 325-335 s on two here, every test passing in each run. Each suite has its
  // own free ports and temporary folders, so two at once do not meet.
  maxWorkers: '100%',
  // How long a worker may take to exit once the run is over before Jest kills it and warns of
  // "tests leaking due to improper teardown". Measured here: at that point a worker has no handle
  // open (no socket, timer, child process, database or thread) and reaches its 'exit' event within
  // 10 ms, but it holds a heap of about 1 GB, and freeing that took just over the default 500 ms
  // (519 ms, or killed at 546 ms), so most runs ended with the warning and no leak behind it.
  workerGracefulExitTimeout: 3000,
};
