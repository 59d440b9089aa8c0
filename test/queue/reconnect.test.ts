/**
 * Redis going away and coming back: the worker's connections run through a TCP proxy the test
 * cuts and restores; jobs queued during the outage run once Redis is reachable again.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { z } from 'zod';
import { registryOf } from '../../src/jobs/registry.js';
import type { JobDefinition } from '../../src/jobs/types.js';
import { systemClock } from '../../src/lib/clock.js';
import { silentLogger } from '../../src/lib/logger.js';
import { createRedisConnection } from '../../src/queue/connection.js';
import { createQueueSet } from '../../src/queue/queues.js';
import { startWorkerRuntime } from '../../src/queue/runtime.js';
import { deletePrefix, minimalConfig, uniquePrefix, waitFor, workerConnection } from './helpers.js';

interface Proxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

async function startProxy(target: { host: string; port: number }): Promise<Proxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = (): Promise<void> =>
    new Promise((resolve) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = (): void => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (server) {
        server.close(() => {
          resolve();
        });
      } else resolve();
    });
  await listen();
  return { port, cut: stop, restore: listen, close: stop };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

it('the worker reconnects after Redis went away and carries on', async () => {
  const prefix = uniquePrefix('reconnect');
  cleanup.push(() => deletePrefix(prefix));
  const proxy = await startProxy({ host: '127.0.0.1', port: 6379 });
  cleanup.push(() => proxy.close());
  const ran: string[] = [];
  const definition: JobDefinition<{ id: string }> = {
    name: 'note',
    queue: 'sync',
    payload: z.strictObject({ id: z.string() }),
    handle: (p) => {
      ran.push(p.id);
      return Promise.resolve();
    },
  };
  const connection = createRedisConnection({ url: `redis://127.0.0.1:${proxy.port}` });
  connection.on('error', () => undefined);
  const { config, hierarchy } = minimalConfig();
  const runtime = await startWorkerRuntime({
    connection,
    prefix,
    registry: registryOf([{ definition, hosts: [] }]),
    config,
    hierarchy,
    clock: systemClock,
    logger: silentLogger(),
    dbFile: ':memory:',
    openDb: () => {
      throw new Error('no database here');
    },
    closeDb: () => undefined,
    fetchOnly: true,
    concurrency: 1,
    lockDurationMs: 5_000,
    schedules: false,
  });
  cleanup.push(async () => {
    await runtime.close();
    connection.disconnect();
  });
  // The test queues jobs over its own, direct connection.
  const direct = workerConnection();
  const queues = createQueueSet({ connection: direct, prefix });
  cleanup.push(async () => {
    await queues.close();
    direct.disconnect();
  });

  await queues.get('sync').add('note', { id: 'before' });
  await waitFor(() => Promise.resolve(ran.includes('before')), { what: 'first job' });

  await proxy.cut();
  await waitFor(() => Promise.resolve(connection.status !== 'ready'), { what: 'disconnect' });
  await queues.get('sync').add('note', { id: 'during' });
  await new Promise((r) => setTimeout(r, 1_000));
  expect(ran).toEqual(['before']); // Redis unreachable for the worker: nothing ran

  await proxy.restore();
  await waitFor(() => Promise.resolve(ran.includes('during')), {
    what: 'job queued during the outage',
    timeoutMs: 20_000,
  });
  await queues.get('sync').add('note', { id: 'after' });
  await waitFor(() => Promise.resolve(ran.includes('after')), { what: 'job after reconnect' });
  expect(ran).toEqual(['before', 'during', 'after']);
});
