/**
 * The recogniser against another version of itself, in one process, alternating short rounds, so a
 * host whose speed drifts by a third within minutes slows both alike:
 *   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   npx tsx scripts/bench-recognise-ab.ts /tmp/base [rounds]
 * Prints each side's messages per second and the median ratio of round times (above 1: this tree is faster).
 */
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { handlers } from '../handlers/index.js'
import { loadCorpus } from '../src/recognise/corpus.js'
import { createRecogniser, type Recognise } from '../src/recognise/recognise.js'

const [baseDir, roundsArg] = process.argv.slice(2)
if (!baseDir) {
  console.error('usage: tsx scripts/bench-recognise-ab.ts <other checkout> [rounds]')
  process.exit(2)
}
const at = (path: string) => pathToFileURL(resolve(baseDir, path)).href
const base = (await import(at('src/recognise/recognise.ts'))) as { createRecogniser: typeof createRecogniser }
const baseHandlers = ((await import(at('handlers/index.ts'))) as { handlers: typeof handlers }).handlers
const sides: Record<'base' | 'this', Recognise> = { base: base.createRecogniser(baseHandlers), this: createRecogniser(handlers) }

const { tuning, holdout } = loadCorpus(fileURLToPath(new URL('../test/corpus', import.meta.url)))
const texts = [...tuning, ...holdout].map((m) => m.text)
const ROUND = 5_000
const rounds = Number(roundsArg ?? 60)
let sink = 0
for (let i = 0; i < 30_000; i++) sink += sides.base(texts[i % texts.length]!).kind.length + sides.this(texts[i % texts.length]!).kind.length

function time(recognise: Recognise, from: number): number {
  const started = process.hrtime.bigint()
  for (let i = 0; i < ROUND; i++) sink += recognise(texts[(from + i) % texts.length]!).kind.length
  return Number(process.hrtime.bigint() - started)
}

const totals = { base: 0, this: 0 }
const ratios: number[] = []
for (let r = 0; r < rounds; r++) {
  // Each goes first in every other round, so neither always runs on a warmer cache.
  const order: ('base' | 'this')[] = r % 2 === 0 ? ['base', 'this'] : ['this', 'base']
  const took = { base: 0, this: 0 }
  for (const side of order) took[side] = time(sides[side], r * ROUND)
  totals.base += took.base
  totals.this += took.this
  ratios.push(took.base / took.this)
}
ratios.sort((a, b) => a - b)
const rate = (ns: number) => Math.round((rounds * ROUND) / (ns / 1e9)).toLocaleString()
console.log(`base ${rate(totals.base)} msg/s · this ${rate(totals.this)} msg/s`)
console.log(`this tree is ${ratios[rounds >> 1]!.toFixed(3)}× the base (median of ${rounds} rounds; quartiles ${ratios[rounds >> 2]!.toFixed(3)}–${ratios[(3 * rounds) >> 2]!.toFixed(3)})`)
if (sink < 0) console.log(sink)
