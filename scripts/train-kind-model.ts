/**
 * Trains the kind model (src/recognise/kind-model.json) from the tuning corpus, deterministically:
 *   npm run train                                   from test/corpus/train-*.jsonl
 *   npm run train -- --only train-a,train-b --out /tmp/model.json   (to validate on the rest)
 * Multinomial naive Bayes with add-one smoothing; tokens seen fewer than twice are dropped.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { handlers } from '../handlers/index.js'
import { loadCorpusFile } from '../src/recognise/corpus.js'
import { modelTokens, type KindModel } from '../src/recognise/kind-model.js'
import { createFeatureReader } from '../src/recognise/recognise.js'
import type { Kind } from '../src/recognise/types.js'

const arg = (name: string) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
const corpusDir = fileURLToPath(new URL('../test/corpus', import.meta.url))
const only = arg('--only')?.split(',') ?? ['train-a', 'train-b', 'train-c', 'train-d']
const out = arg('--out') ?? fileURLToPath(new URL('../src/recognise/kind-model.json', import.meta.url))
const messages = only.flatMap((name) => {
  try {
    return loadCorpusFile(join(corpusDir, `${name}.jsonl`))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
})

const kinds: Kind[] = ['request', 'offer', 'none']
const read = createFeatureReader(handlers)
const counts = new Map<string, number[]>()
const docs = kinds.map(() => 0)
const totals = kinds.map(() => 0)
for (const message of messages) {
  const k = kinds.indexOf(message.kind)
  docs[k]!++
  for (const token of modelTokens(read(message.text))) {
    const row = counts.get(token) ?? kinds.map(() => 0)
    row[k]!++
    totals[k]!++
    counts.set(token, row)
  }
}
const kept = [...counts.entries()].filter(([, row]) => row.reduce((a, b) => a + b, 0) >= 2).sort(([a], [b]) => (a < b ? -1 : 1))
const vocabulary = kept.length
const round = (x: number) => Math.round(x * 1e4) / 1e4
const denominators = totals.map((t) => t + vocabulary)
const model: KindModel = {
  kinds,
  priors: docs.map((d) => round(Math.log((d + 1) / (messages.length + kinds.length)))),
  tokens: Object.fromEntries(kept.map(([token, row]) => [token, row.map((c, k) => round(Math.log((c + 1) / denominators[k]!)))])),
  unseen: denominators.map((d) => round(Math.log(1 / d))),
}
writeFileSync(out, JSON.stringify(model) + '\n')
console.error(`trained on ${messages.length} messages (${only.join(', ')}): ${vocabulary} tokens → ${out}`)
