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
};
