import { defineConfig } from 'vitest/config'

// The JSON report lets .ci/run print its one-line summary from the same run. Coverage counts
// the code the tests run in their own process (not the CLI children they spawn) and is
// printed as a summary: a figure to read, not a threshold to meet.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    testTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary'],
      reportsDirectory: '.test-results/coverage'
    }
  }
})
