import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { startLocalRedis, type LocalRedis } from '../../src/redis/local-redis.js'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** A real redis-server for this test file, on a free port in a temp dir, stopped and removed after. */
export function useRedis(): { readonly current: LocalRedis } {
  const holder: { current?: LocalRedis } = {}
  let dir = ''
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aixin-redis-'))
    holder.current = await startLocalRedis(dir, { port: await freePort() })
  })
  afterAll(async () => {
    await holder.current?.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  return holder as { readonly current: LocalRedis }
}
