import type { Db } from './open-database.js'

/** Small facts about the bot itself that must outlive a restart (a logout, the last shift handover). */
export function createMeta(db: Db) {
  const q = {
    get: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setOnce: db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)'),
    set: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    delete: db.prepare('DELETE FROM meta WHERE key = ?'),
  }
  return {
    get: (key: string): string | undefined => q.get.get(key)?.value,
    /** Keeps the first value: a second logout before a login does not move the time it began. */
    setOnce: (key: string, value: string): void => void q.setOnce.run(key, value),
    set: (key: string, value: string): void => void q.set.run(key, value),
    delete: (key: string): void => void q.delete.run(key),
  }
}

export type Meta = ReturnType<typeof createMeta>
