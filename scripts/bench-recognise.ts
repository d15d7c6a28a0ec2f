/**
 * Recogniser speed on one core (one Node thread), on the corpus's messages cycled:
 *   npm run bench:recognise [-- --messages 200000]
 * Prints steady-state messages per second, p50 and p99 microseconds per message, the time for one
 * 50,000-character paste, and how the cost grows with text length.
 */
import { fileURLToPath } from 'node:url'
import { handlers } from '../handlers/index.js'
import { loadCorpus } from '../src/recognise/corpus.js'
import { createRecogniser } from '../src/recognise/recognise.js'

const argIndex = process.argv.indexOf('--messages')
const total = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 200_000
const recognise = createRecogniser(handlers)
const { tuning, holdout } = loadCorpus(fileURLToPath(new URL('../test/corpus', import.meta.url)))
const texts = [...tuning, ...holdout].map((m) => m.text)

// Warm up so the JIT has compiled the hot paths: steady state is what a running bot sees.
for (let i = 0; i < 20_000; i++) recognise(texts[i % texts.length]!)

// Throughput with one clock read at each end of a round, so the clock does not count against the
// recogniser; five rounds, as a collection or a recompile in one round is not the steady state.
// Then the same messages again, each timed, for the percentiles.
const ROUNDS = 5
let sink = 0
const rates: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  const count = Math.ceil(total / ROUNDS)
  const started = process.hrtime.bigint()
  for (let i = round * count; i < (round + 1) * count; i++) sink += recognise(texts[i % texts.length]!).kind.length
  rates.push(count / (Number(process.hrtime.bigint() - started) / 1e9))
}
rates.sort((a, b) => a - b)
const micros = new Float64Array(total)
for (let i = 0; i < total; i++) {
  const t0 = process.hrtime.bigint()
  sink += recognise(texts[i % texts.length]!).kind.length
  micros[i] = Number(process.hrtime.bigint() - t0) / 1000
}
micros.sort()
const at = (q: number) => micros[Math.min(total - 1, Math.floor(q * total))]!

function timePaste(chars: number): number {
  const paste = texts.join('').repeat(Math.ceil(chars / texts.join('').length)).slice(0, chars)
  recognise(paste)
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < 5; i++) sink += recognise(paste).kind.length
  return Number(process.hrtime.bigint() - t0) / 5 / 1e6
}

const averageChars = texts.reduce((n, t) => n + t.length, 0) / texts.length
console.log(`messages: ${total.toLocaleString()} (corpus of ${texts.length}, ${averageChars.toFixed(0)} characters on average)`)
const rate = (r: number) => Math.round(r).toLocaleString()
console.log(`steady state: ${rate(rates[ROUNDS >> 1]!)} messages/s on one core (median of ${ROUNDS} rounds; slowest ${rate(rates[0]!)}, fastest ${rate(rates[ROUNDS - 1]!)})`)
console.log(`per message: p50 ${at(0.5).toFixed(1)} µs, p99 ${at(0.99).toFixed(1)} µs, max ${micros[total - 1]!.toFixed(0)} µs`)
for (const chars of [5_000, 50_000, 500_000]) {
  const ms = timePaste(chars)
  console.log(`one ${chars.toLocaleString()}-character paste: ${ms.toFixed(2)} ms (${((ms * 1000) / chars).toFixed(2)} µs per character)`)
}
if (sink < 0) console.log(sink)
