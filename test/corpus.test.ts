import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadCorpus } from '../src/recognise/corpus.js'
import { scoreAnswers } from '../src/recognise/evaluation.js'
import { recognise } from './helpers/recogniser.js'

const { tuning, holdout } = loadCorpus(fileURLToPath(new URL('./corpus', import.meta.url)))
// train-i to train-m, train-o, train-q, train-s, train-u, train-y and train-aa, written on the emergency boundary.
const BOUNDARY = /^(?:t[ijklmoqsuy]|taa|tac)-/
const score = (messages: typeof tuning) => scoreAnswers(messages, messages.map((m) => recognise(m.text)))

describe('the labelled corpus', () => {
  it('is large enough, and at least a fifth of it is held out', () => {
    expect(tuning.length + holdout.length).toBeGreaterThanOrEqual(800)
    expect(holdout.length / (tuning.length + holdout.length)).toBeGreaterThanOrEqual(0.2)
    const ids = new Set([...tuning, ...holdout].map((m) => m.id))
    expect(ids.size).toBe(tuning.length + holdout.length)
  })

  // The part the scorers were trained and the word lists tuned on: a regression here is a word list or
  // feature broken by a later change.
  it('tuning part: near the figures it was tuned to', () => {
    const s = score(tuning)
    expect(s.kindMacroF1).toBeGreaterThanOrEqual(0.95)
    expect(s.categoryAccuracy).toBeGreaterThanOrEqual(0.95)
    expect(s.urgencyAccuracy).toBeGreaterThanOrEqual(0.95)
    // Nine emergencies are still missed, each told in a way neither the rules nor the emergency scorer
    // read yet (see the README): a husband asking what his insurance would pay if he were gone; a
    // blood-oxygen reading with no word for it (刚才还96，现在掉到90了), and one among a family's readings
    // (刚夹了是90); a sign told after a question about a group buy; a fit said to be over (抽搐了一分钟 现在醒了);
    // a baby two days short of three months, and one whose age is given by its birth date and today's; a
    // stroke seen on a video call inside a long message full of 怕 and 没事; a thud and moaning next door told
    // at length.
    expect(Math.round(s.emergencies * (1 - s.emergencyRecall))).toBeLessThanOrEqual(9)
    // The boundary files are half near misses (jokes, pets, past scares, red-flag lists): the rate per 400
    // is read on the files with a month-like mix, and the boundary files (3,800 messages) only may not get worse.
    // train-s brought twelve: a documentary, a drawing, a filter, food that stains lips, hens, a skipping game.
    // train-aa four: a grandmother in intensive care whose family asks for a drug, a baby at 37.3 after a
    // bath, a traffic jam, a blue ice lolly. train-ac (300, 190 of them near misses) five, after its
    // lessons: a night of vocabulary (已昏迷), a post seen on a feed, a boss's joke about leaving first, a
    // grandad's mah-jong losses, a drink named 窒息.
    const mixed = tuning.filter((m) => !BOUNDARY.test(m.id))
    expect(score(mixed).falseEmergenciesPer400).toBeLessThanOrEqual(2)
    expect(score(tuning.filter((m) => BOUNDARY.test(m.id))).falseEmergencies).toBeLessThanOrEqual(45)
    expect(s.fieldAccuracy).toBeGreaterThanOrEqual(0.95)
  })

  // Never tuned on: the floor sits a little under what was measured when it was first scored
  // (see the README), so a change that makes unseen text worse fails here.
  it('held-out part: no worse than when it was measured', () => {
    const s = score(holdout)
    expect(s.kindMacroF1).toBeGreaterThanOrEqual(HOLDOUT_FLOOR.kindMacroF1)
    expect(s.categoryAccuracy).toBeGreaterThanOrEqual(HOLDOUT_FLOOR.categoryAccuracy)
    expect(s.urgencyAccuracy).toBeGreaterThanOrEqual(HOLDOUT_FLOOR.urgencyAccuracy)
    expect(s.emergencyRecall).toBeGreaterThanOrEqual(HOLDOUT_FLOOR.emergencyRecall)
    expect(s.falseEmergenciesPer400).toBeLessThanOrEqual(HOLDOUT_FLOOR.falseEmergenciesPer400)
    expect(s.fieldAccuracy).toBeGreaterThanOrEqual(HOLDOUT_FLOOR.fieldAccuracy)
  })
})

// Measured on all 6,500 held-out messages (with holdout-p and holdout-q, 400 each with 70 and 69 emergencies,
// scored once when fresh): kind 0.945, category 0.952, urgency 0.953, emergency recall 0.964 (920 of 954) with
// 7.2 false per 400, fields 0.943. The two fresh files brought 10 and 12 false emergencies each, which raised
// the false-per-400 line from 6.7. Category and urgency meet their targets: see the README.
const HOLDOUT_FLOOR = {
  kindMacroF1: 0.94,
  categoryAccuracy: 0.95,
  urgencyAccuracy: 0.95,
  emergencyRecall: 0.96,
  falseEmergenciesPer400: 7.3,
  fieldAccuracy: 0.935,
}
