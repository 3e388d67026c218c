/**
 * The fault proxy (fault-proxy-server.ts) for a test file: started before its tests, reset to "no
 * fault" before each, closed after.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type FaultProxy, startFaultProxy } from './fault-proxy-server.ts';

export { type Fault, type FaultProxy, startFaultProxy } from './fault-proxy-server.ts';

/**
 * One proxy for a test file: started before its tests, reset to "no fault" before each, closed after.
 * Call at the top level of the file; read `.current` inside tests.
 */
export function useFaultProxy(upstream: string, beforeEachTest: (proxy: FaultProxy) => void = () => undefined) {
  const handle = { current: undefined as unknown as FaultProxy };
  beforeAll(async () => {
    handle.current = await startFaultProxy(upstream);
  });
  afterAll(async () => {
    await handle.current.close();
  });
  beforeEach(() => {
    handle.current.fault = 'none';
    handle.current.only = null;
    handle.current.slowWritesMs = 0;
    handle.current.holdWrites = false;
    beforeEachTest(handle.current);
  });
  return handle;
}
