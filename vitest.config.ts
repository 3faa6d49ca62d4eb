import { defineConfig } from 'vitest/config'

// The JSON report lets .ci/run print its one-line summary from the same run.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    testTimeout: 60_000
  }
})
