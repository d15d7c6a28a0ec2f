import type { Db } from './open-database.js'

/** Small facts about the bot itself that must outlive a restart (when WeChat logged it out). */
export function createMeta(db: Db) {
  const q = {
    get: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setOnce: db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)'),
    delete: db.prepare('DELETE FROM meta WHERE key = ?'),
  }
  return {
    get: (key: string): string | undefined => q.get.get(key)?.value,
    /** Keeps the first value: a second logout before a login does not move the time it began. */
    setOnce: (key: string, value: string): void => void q.setOnce.run(key, value),
    delete: (key: string): void => void q.delete.run(key),
  }
}
