import type { ConnectionOptions } from 'bullmq'
import { Redis } from 'ioredis'

/** Deletes every key matching `pattern` (a simulation's or a test's prefix) without blocking Redis. */
export async function deleteKeys(connection: ConnectionOptions, pattern: string): Promise<number> {
  const redis = new Redis(connection as never)
  let deleted = 0
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
      if (keys.length) deleted += await redis.unlink(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
  return deleted
}
