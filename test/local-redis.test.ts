import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import { afterEach, expect, it } from 'vitest'
import { startLocalRedis } from '../src/redis/local-redis.js'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

it('carries on with a redis-server an earlier run left behind instead of starting a second one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aixin-lr-'))
  dirs.push(dir)
  const first = await startLocalRedis(dir)
  const client = new Redis({ ...(first.connection as object), lazyConnect: true })
  await client.connect()
  await client.set('left-behind', 'yes')
  client.disconnect()
  // As if the first run was killed: its server is still up when the next run starts.
  const second = await startLocalRedis(dir)
  expect(second.address).toContain('earlier run')
  const again = new Redis({ ...(second.connection as object), lazyConnect: true })
  await again.connect()
  expect(await again.get('left-behind')).toBe('yes')
  again.disconnect()
  await second.stop()
  await first.stop()
  // Both stopped: the next start is a fresh server on the same data, append-only file and all.
  const third = await startLocalRedis(dir)
  expect(third.address).not.toContain('earlier run')
  const last = new Redis({ ...(third.connection as object), lazyConnect: true })
  await last.connect()
  expect(await last.get('left-behind')).toBe('yes')
  last.disconnect()
  await third.stop()
})
