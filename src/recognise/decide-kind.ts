import { cueCount, type Features, type LexiconHit } from './features.js'
import type { CueKind } from './cues.js'
import { ASKS_OTHERS_TO_HELP, QUESTION, readKindSignals, said, words, type KindSignals } from './kind-signals.js'
import type { Evidence, Kind } from './types.js'

export interface KindDecision {
  readonly kind: Kind
  readonly evidence: Evidence[]
}

/** A rule decides the kind, or passes (undefined) to the next one. */
type KindRule = (s: KindSignals) => KindDecision | undefined

/**
 * request, offer or none: the first rule that decides wins. Selling, forwarding and announcing are
 * ruled out first (they carry topic words and even danger signs), then offers, then what is
 * already solved, only thanks, joking or comparing notes; what is left is a request when a topic
 * meets an ask, a reported problem or reported symptoms.
 */
const RULES: readonly KindRule[] = [
  adverts, forwards, notices, dutyReports, offers, solved, thanksOnly, joking, comparingNotes, advertChat,
  emergencies, pleas, chatter, byTopic,
]

export function decideKind(features: Features, emergency: boolean): KindDecision {
  const signals = readKindSignals(features, emergency)
  for (const rule of RULES) {
    const decision = rule(signals)
    if (decision) return decision
  }
  throw new Error('byTopic always decides')
}

const LONG_TEXT = 80
const FIRST_PERSON = /我|俺/
// 20元一盒 · 68一盒 · ¥25 · 团购价25: a price makes an offer of goods an advert.
const PRICE = /\d+(?:\.\d+)?\s*(?:元|块|rmb)|[¥￥]\s*\d|\d+\s*一\s*[盒板瓶支个包箱袋份只片]|一\s*[盒板瓶支个包箱袋份只片]\s*\d+|团购价|售价\s*\d|原价/
// 等我好了 · 祝早日康复: a wish, not a report that it is over.
const NOT_YET = /(?:等|希望|祝|早日|盼|争取)(?:我|你|他|她|孩子|老人)?\s*$/
const AFTER_CUES: ReadonlySet<CueKind> = new Set(['ask', 'plea', 'need', 'emergency', 'problem', 'complaint'])

const none = (rule: string, text?: string): KindDecision => ({ kind: 'none', evidence: [{ rule, text }] })
const request = (s: KindSignals, rule: string, text?: string): KindDecision => ({
  kind: 'request',
  evidence: [{ rule, text, weight: s.topic }],
})
const cue = (s: KindSignals, name: CueKind) => cueCount(s.features, name)

function adverts(s: KindSignals): KindDecision | undefined {
  if ((PRICE.test(s.plain) && s.advert + s.offer > 0) || s.advert >= 2) return none('advert', said(s, 'advert'))
}

function forwards(s: KindSignals): KindDecision | undefined {
  if (!(s.forward >= 2 || (s.forward >= 1 && (s.plain.length > LONG_TEXT || s.notice > 0) && s.need === 0))) return
  // A short first-person message with a danger sign is someone in trouble quoting advice.
  const quotingInTrouble = s.forward < 2 && s.emergency && FIRST_PERSON.test(s.plain) && s.plain.length <= LONG_TEXT
  if (!quotingInTrouble) return none('forward', said(s, 'forward'))
}

function notices(s: KindSignals): KindDecision | undefined {
  const announcing = (s.notice >= 2 && !s.question && s.complaint === 0 && s.plea === 0) || s.notice >= 4
  if (announcing && !s.emergency) return none('notice', said(s, 'notice'))
}

function isChatter(s: KindSignals): boolean {
  return cue(s, 'chatter') > 0 && s.need === 0 && s.ask === 0 && s.plea === 0 && !s.question && !s.emergency
}

/** A duty member's report (已送到, 放门口了) is chatter, even though it mentions handing something over. */
function dutyReports(s: KindSignals): KindDecision | undefined {
  if (isChatter(s) && s.offerSelf === 0 && cue(s, 'offerStrong') === 0) return none('chatter', said(s, 'chatter'))
}

/** A need of one's own usually wins; a strong offer outweighs a stray one (之前帮我 … 有需要的说一声). */
function offers(s: KindSignals): KindDecision | undefined {
  if (s.emergency || s.plea > 0 || ASKS_OTHERS_TO_HELP.test(s.plain)) return
  const offered = (s.offer >= 2 && s.offer >= 2 + 2 * s.need) || (s.offerSelf > 0 && s.offer >= 1 && s.need === 0)
  if (offered) return { kind: 'offer', evidence: [{ rule: 'offer', text: `${said(s, 'offerSelf')} ${said(s, 'offer')} ${said(s, 'offerStrong')}`.trim() }] }
}

/** Already solved, with nothing asked or complained of after it was reported solved. */
function solved(s: KindSignals): KindDecision | undefined {
  if (s.emergency) return
  const resolved = [...(s.features.cues.get('resolved') ?? []), ...normalTemperature(s.features)].filter(
    (h) => !/^[吗么没?]/.test(s.plain.slice(h.end, h.end + 1)) && !NOT_YET.test(s.plain.slice(Math.max(0, h.start - 4), h.start)),
  )
  if (resolved.length === 0) return
  const end = lastEnd(resolved)
  if (!asksAfter(s.features, end) && !QUESTION.test(s.plain.slice(end))) return none('resolved', words(resolved))
}

function isQuiet(s: KindSignals): boolean {
  const feverish = s.features.temperatureC !== undefined && s.features.temperatureC >= 37.3
  return !s.emergency && !s.question && s.plea === 0 && s.handlerProblem === 0 && !feverish
}

function thanksOnly(s: KindSignals): KindDecision | undefined {
  const thanks = s.features.cues.get('thanks') ?? []
  const asked = s.ask > 0 || s.need > 0 || s.handlerAsk >= 4
  if (thanks.length > 0 && isQuiet(s) && !asked && !asksAfter(s.features, lastEnd(thanks))) return none('thanks', words(thanks))
}

function joking(s: KindSignals): KindDecision | undefined {
  if (cue(s, 'laugh') > 0 && !s.emergency && !s.question && s.plea === 0 && s.need === 0) return none('joking', said(s, 'laugh'))
}

function needsNothing(s: KindSignals): boolean {
  return s.need === 0 && s.plea === 0 && s.handlerProblem === 0 && !s.emergency
}

/** 跟我一样 · 好点了吗 · 几点开门: questions that ask for no help. */
function comparingNotes(s: KindSignals): KindDecision | undefined {
  if (cue(s, 'sharing') > 0 && needsNothing(s) && s.handlerAsk < 4) return none('comparing notes', said(s, 'sharing'))
}

/** 这周还有团购吗: talk about buying, with no need in it. */
function advertChat(s: KindSignals): KindDecision | undefined {
  if (s.advert > 0 && needsNothing(s)) return none('advert', said(s, 'advert'))
}

function emergencies(s: KindSignals): KindDecision | undefined {
  if (s.emergency) return request(s, 'emergency sign')
}

function pleas(s: KindSignals): KindDecision | undefined {
  if (s.plea > 0) return request(s, 'plea', said(s, 'plea'))
}

function chatter(s: KindSignals): KindDecision | undefined {
  if (isChatter(s) && s.handlerProblem === 0) return none('chatter', said(s, 'chatter'))
}

function byTopic(s: KindSignals): KindDecision {
  if (s.topic === 0) return s.need > 0 && s.question ? request(s, 'need with no topic', said(s, 'need')) : none('no topic')
  if (s.handlerProblem > 0) return request(s, 'problem reported')
  if (cue(s, 'problem') > 0) return request(s, 'problem reported', said(s, 'problem'))
  if (s.handlerAsk > 0 || s.need > 0) return request(s, 'topic and ask')
  if (s.ask > 0 || s.question) return request(s, 'topic and a question')
  const symptoms = s.features.temperatureC !== undefined || s.atRisk > 0 || (s.complaint > 0 && s.strongFever)
  if (s.fever && symptoms) return request(s, 'symptoms reported')
  if (s.complaint > 0 && s.topic >= 3) return request(s, 'living through it', said(s, 'complaint'))
  const greeted = (s.features.cues.get('thanks')?.length ?? 0) + cue(s, 'greeting') > 0
  return none(greeted ? 'thanks or greeting' : 'topic without ask')
}

/** Whether anything is asked or reported after `position` (已经退烧了，但是还咳嗽怎么办). */
function asksAfter(features: Features, position: number): boolean {
  return features.hits.some((hit) => {
    if (hit.start < position) return false
    const entry = hit.value
    if (entry.source === 'cue') return AFTER_CUES.has(entry.cue)
    return entry.source === 'handler' && ((entry.role === 'ask' && entry.weight >= 4) || entry.role === 'problem')
  })
}

/** A temperature back to normal (体温降到36.8了) says the fever is over. */
function normalTemperature(features: Features): LexiconHit[] {
  const t = features.temperatureC
  if (t === undefined || t < 36 || t >= 37.3) return []
  const end = features.text.plain.length
  return [{ start: end, end, word: `${t}`, value: { source: 'cue', cue: 'resolved' } }]
}

function lastEnd(hits: readonly LexiconHit[]): number {
  return Math.max(...hits.map((h) => h.end))
}
