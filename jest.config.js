// ESM + ts-jest: ESM-only @actions/* packages need --experimental-vm-modules (scripts/jest.mjs), a .js-stripping
// moduleNameMapper and ESM transforms. Type errors are caught by `tsc --noEmit`, not here.
const base = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
};

export default {
  // Per-project testTimeout is not applied by jest 30; the integration tier needs the longer one.
  testTimeout: 120_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      testTimeout: 120_000,
    },
  ],
};
