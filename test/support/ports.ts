/** Each test level gets its own WordPress (own port, own state) so levels never disturb each other. */
export const testSites = {
  integration: { port: Number(process.env.FREIGABE_TEST_PORT_INTEGRATION ?? 8891), dir: '.wp/test-integration' },
  e2e: { port: Number(process.env.FREIGABE_TEST_PORT_E2E ?? 8892), dir: '.wp/test-e2e' },
  playground: { port: Number(process.env.FREIGABE_TEST_PORT_PLAYGROUND ?? 8893), dir: '.wp/test-playground' },
} as const;
