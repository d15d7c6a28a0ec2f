import { cueCount, type Features, type LexiconHit } from './features.js'
import type { CueKind } from './cues.js'
import type { Evidence, Kind } from './types.js'

export interface KindDecision {
  readonly kind: Kind
  readonly evidence: Evidence[]
}

// 20元一盒 · 68一盒 · ¥25 · 团购价25: a price makes an offer of goods an advert.
const PRICE = /\d+(?:\.\d+)?\s*(?:元|块|rmb)|[¥￥]\s*\d|\d+\s*一\s*[盒板瓶支个包箱袋份只片]|一\s*[盒板瓶支个包箱袋份只片]\s*\d+|团购价|售价\s*\d|原价/
// 可以帮忙送药吗: a question asking others to help, not an offer.
const ASKS_OTHERS_TO_HELP = /(?<!我)(?:能|可以|可不可以|能不能)(?:帮忙|帮我|帮一下|帮).{0,14}(?:吗|么|\?)/
// 来3栋拿 · 过来取: come and take it.
const COME_AND_TAKE = /来.{0,6}[拿取打]|上门自取/
// 谁家孩子需要退热贴的，我这有: who needs it, I have it.
// 我是社区卫生站的刘医生: a professional introducing themselves to offer advice.
const PROFESSIONAL_SELF = /(?:我是|本人是?)[^,.!?]{0,10}(?:医生|大夫|护士|药剂师|药师|志愿者|电工|水电工|师傅)/
const WHO_NEEDS_I_HAVE = /(?:谁|哪位|哪家|有).{0,12}需要.{0,10}的.{0,3}我/
const QUESTION = /\?|吗|(?<![那这什怎多])么|伐|咩|请问|怎么办|咋办|要不要|能不能|多久|什么时候|啥时候|几点|怎么回事|咋回事|为什么|为啥|点解/
const FIRST_PERSON = /我|俺/
const LONG_TEXT = 80
const AFTER_CUES: ReadonlySet<CueKind> = new Set(['ask', 'plea', 'need', 'emergency', 'problem', 'complaint'])
// 等我好了 · 祝早日康复: a wish, not a report that it is over.
const NOT_YET = /(?:等|希望|祝|早日|盼|争取)(?:我|你|他|她|孩子|老人)?\s*$/
// 停水三天了: how long it has gone on.
const DURATION = /[0-9一二两三四五六七八九十几]+\s*(?:天|个小时|小时|个星期|星期|周)(?:了|没)/

/** Whether anything is asked or reported after `position` (已经退烧了，但是还咳嗽怎么办). */
function asksAfter(features: Features, position: number): boolean {
  return features.hits.some((hit) => {
    if (hit.start < position) return false
    const entry = hit.value
    if (entry.source === 'cue') return AFTER_CUES.has(entry.cue)
    return entry.source === 'handler' && ((entry.role === 'ask' && entry.weight >= 4) || entry.role === 'problem')
  })
}

function words(hits: readonly LexiconHit[] | undefined): string {
  return (hits ?? []).map((h) => h.word).join(' ')
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

/**
 * request, offer or none. Selling, announcing and forwarding are ruled out first (they carry topic
 * words and even danger signs), then offers, then what is already solved or only thanks; what is
 * left is a request when a topic meets an ask, a reported problem or reported symptoms.
 */
export function decideKind(features: Features, emergency: boolean): KindDecision {

  const cue = (name: CueKind) => cueCount(features, name)
  const said = (name: CueKind) => words(features.cues.get(name))
  const plain = features.text.plain
  let topic = 0
  let handlerAsk = 0
  let handlerProblem = 0
  let fever = false
  let strongFever = false
  for (const s of features.scores.values()) {
    topic = Math.max(topic, s.topic)
    if (s.topic > 0) handlerAsk = Math.max(handlerAsk, s.ask)
    handlerProblem = Math.max(handlerProblem, s.problem)
    if (s.handler.meansFever && s.strongTopics > 0) fever = true
    if (s.handler.meansFever && s.strongTopics >= 2) strongFever = true
  }
  const ask = cue('ask')
  const need = cue('need')
  const plea = cue('plea')
  const complaint = cue('complaint') + (DURATION.test(plain) ? 1 : 0)
  const atRisk = cue('elderly') + cue('child') + cue('baby') + cue('pregnant') + cue('disease')
  const question = QUESTION.test(plain)
  const none = (rule: string, text?: string): KindDecision => ({ kind: 'none', evidence: [{ rule, text }] })
  const request = (rule: string, text?: string): KindDecision => ({ kind: 'request', evidence: [{ rule, text, weight: topic }] })

  const advert = cue('advert')
  const offer = cue('offer') + 2 * cue('offerStrong') + (COME_AND_TAKE.test(plain) ? 2 : 0) + (WHO_NEEDS_I_HAVE.test(plain) ? 2 : 0)
  if ((PRICE.test(plain) && advert + offer > 0) || advert >= 2) return none('advert', said('advert'))

  const forward = cue('forward') + (features.text.marks.links > 0 ? 1 : 0)
  const notice = cue('notice') + (features.text.marks.mentionsAll ? 1 : 0)
  if (forward >= 2 || (forward >= 1 && (plain.length > LONG_TEXT || notice > 0) && need === 0)) {
    if (forward >= 2 || !(emergency && FIRST_PERSON.test(plain) && plain.length <= LONG_TEXT)) return none('forward', said('forward'))
  }
  if (((notice >= 2 && !question && complaint === 0 && plea === 0) || notice >= 4) && !emergency) {
    return none('notice', said('notice'))
  }

  const offerSelf = cue('offerSelf') + (PROFESSIONAL_SELF.test(plain) ? 1 : 0)
  // A duty member's report (已送到, 放门口了) is chatter, even though it mentions handing something over.
  const chatter = cue('chatter') > 0 && need === 0 && ask === 0 && plea === 0 && !question && !emergency
  if (chatter && offerSelf === 0 && cue('offerStrong') === 0) return none('chatter', said('chatter'))
  if (!emergency && plea === 0 && !ASKS_OTHERS_TO_HELP.test(plain)) {
    // A need of one's own usually wins; a strong offer outweighs a stray one (之前帮我 … 有需要的说一声).
    const offered = (offer >= 2 && offer >= 2 + 2 * need) || (offerSelf > 0 && offer >= 1 && need === 0)
    if (offered) return { kind: 'offer', evidence: [{ rule: 'offer', text: `${said('offerSelf')} ${said('offer')} ${said('offerStrong')}`.trim() }] }
  }

  const resolved = [...(features.cues.get('resolved') ?? []), ...normalTemperature(features)].filter(
    (h) => !/^[吗么没?]/.test(plain.slice(h.end, h.end + 1)) && !NOT_YET.test(plain.slice(Math.max(0, h.start - 4), h.start)),
  )
  // What was asked before the problem was reported solved was asked before it was solved.
  if (resolved.length > 0 && !emergency && !asksAfter(features, lastEnd(resolved)) && !QUESTION.test(plain.slice(lastEnd(resolved)))) {
    return none('resolved', words(resolved))
  }
  const thanks = features.cues.get('thanks') ?? []
  const feverish = features.temperatureC !== undefined && features.temperatureC >= 37.3
  const quiet = !emergency && !question && plea === 0 && handlerProblem === 0 && !feverish
  const asked = ask > 0 || need > 0 || handlerAsk >= 4
  if (thanks.length > 0 && quiet && !asked && !asksAfter(features, lastEnd(thanks))) return none('thanks', words(thanks))
  if (cue('laugh') > 0 && !emergency && !question && plea === 0 && need === 0) return none('joking', said('laugh'))

  const quietNeed = need === 0 && plea === 0 && handlerProblem === 0 && !emergency
  if (cue('sharing') > 0 && quietNeed && handlerAsk < 4) return none('comparing notes', said('sharing'))
  if (advert > 0 && quietNeed) return none('advert', said('advert'))

  if (emergency) return request('emergency sign')
  if (plea > 0) return request('plea', said('plea'))
  if (chatter && handlerProblem === 0) return none('chatter', said('chatter'))

  if (topic === 0) return need > 0 && question ? request('need with no topic', said('need')) : none('no topic')
  if (handlerProblem > 0) return request('problem reported')
  if (cue('problem') > 0) return request('problem reported', said('problem'))
  if (handlerAsk > 0 || need > 0) return request('topic and ask')
  if (ask > 0 || question) return request('topic and a question')
  if (fever && (features.temperatureC !== undefined || atRisk > 0 || (complaint > 0 && strongFever))) return request('symptoms reported')
  if (complaint > 0 && topic >= 3) return request('living through it', said('complaint'))
  return none(thanks.length + cue('greeting') > 0 ? 'thanks or greeting' : 'topic without ask')
}
