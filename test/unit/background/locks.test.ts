/**
 * Syncs of one site never overlap, nor two flushes: named locks (Web Locks in the extension, an
 * in-memory stand-in of the same meaning in Node).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { flushLockName, type Locks, memoryLocks, syncLockName, webLocks } from '../../../src/background/locks.ts';
import { decide } from '../../../src/background/outbox/decide.ts';
import { flushOutbox } from '../../../src/background/outbox/flush.ts';
import { syncPending } from '../../../src/background/sync/pull-pending.ts';
import { connectedSite, pendingComments, siteId } from '../../support/connected-site.ts';
import { resetFakeBrowser } from '../../support/fake-browser.ts';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('memory locks', () => {
  it('run holders of one name one after the other, in order; other names do not wait', async () => {
    const locks = memoryLocks();
    const events: string[] = [];
    const first = gate();
    const a = locks.exclusive('x', async () => {
      events.push('a start');
      await first.opened;
      events.push('a end');
    });
    const b = locks.exclusive('x', async () => {
      events.push('b');
    });
    await locks.exclusive('y', async () => {
      events.push('y');
    });
    expect(events).toEqual(['a start', 'y']);
    first.open();
    await Promise.all([a, b]);
    expect(events).toEqual(['a start', 'y', 'a end', 'b']);
  });

  it('ifAvailable answers busy while the lock is held, and runs once it is free again', async () => {
    const locks = memoryLocks();
    const held = gate();
    const holder = locks.exclusive('x', () => held.opened);
    expect(await locks.ifAvailable('x', async () => 'ran', 'busy')).toBe('busy');
    held.open();
    await holder;
    expect(await locks.ifAvailable('x', async () => 'ran', 'busy')).toBe('ran');
    // A failed holder frees the lock too.
    await expect(locks.exclusive('x', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await locks.ifAvailable('x', async () => 'ran', 'busy')).toBe('ran');
  });
});

describe('web locks', () => {
  it('ask the browser’s lock manager, waiting or only if available', async () => {
    const asked: { name: string; ifAvailable: boolean }[] = [];
    let free = true;
    const manager = {
      request: async (name: string, ...rest: unknown[]) => {
        const options = (rest.length === 2 ? rest[0] : {}) as { ifAvailable?: boolean };
        const callback = rest.at(-1) as (lock: { name: string } | null) => Promise<unknown>;
        asked.push({ name, ifAvailable: options.ifAvailable ?? false });
        return callback(free || !options.ifAvailable ? { name } : null);
      },
    } as unknown as LockManager;
    const locks = webLocks(manager);
    expect(await locks.exclusive('freigabe-sync:a', async () => 'synced')).toBe('synced');
    expect(await locks.ifAvailable('freigabe-flush', async () => 'flushed', 'busy')).toBe('flushed');
    free = false;
    expect(await locks.ifAvailable('freigabe-flush', async () => 'flushed', 'busy')).toBe('busy');
    expect(asked).toEqual([
      { name: 'freigabe-sync:a', ifAvailable: false },
      { name: 'freigabe-flush', ifAvailable: true },
      { name: 'freigabe-flush', ifAvailable: true },
    ]);
  });
});

describe('syncs and flushes take their locks', () => {
  beforeEach(resetFakeBrowser);

  it('a sync waits while another context holds the site’s lock', async () => {
    const locks = memoryLocks();
    const { ctx, wordpress } = await connectedSite(pendingComments(3), { locks });
    const otherContext = gate();
    const holder = locks.exclusive(syncLockName(siteId), () => otherContext.opened);
    const sync = syncPending(ctx, siteId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(wordpress.requests).toEqual([]);
    otherContext.open();
    await holder;
    expect((await sync).pending).toBe(3);
    expect(syncLockName(siteId)).toBe('freigabe-sync:https://blog.example/wp-json/');
  });

  it('a flush while another runs anywhere answers busy and sends nothing', async () => {
    const locks = memoryLocks();
    const { ctx, wordpress } = await connectedSite(pendingComments(1), { locks });
    await syncPending(ctx, siteId);
    await decide(ctx, { siteId, commentIds: [1], decision: 'approve', undoWindowMs: 0 });
    const otherFlush = gate();
    const holder = locks.exclusive(flushLockName, () => otherFlush.opened);
    expect(await flushOutbox(ctx)).toMatchObject({ skipped: 'busy', sent: 0 });
    expect(wordpress.writes).toEqual([]);
    otherFlush.open();
    await holder;
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 1, done: 1 });
    expect(flushLockName).toBe('freigabe-flush');
  });

  it('uses the lock names it is given through the context', async () => {
    const taken: string[] = [];
    const inner = memoryLocks();
    const recording: Locks = {
      exclusive: (name, work) => {
        taken.push(name);
        return inner.exclusive(name, work);
      },
      ifAvailable: (name, work, busy) => {
        taken.push(name);
        return inner.ifAvailable(name, work, busy);
      },
    };
    const { ctx } = await connectedSite(pendingComments(1), { locks: recording });
    await syncPending(ctx, siteId);
    await flushOutbox(ctx);
    expect(taken).toEqual([`freigabe-sync:${siteId}`, 'freigabe-flush']);
  });
});
