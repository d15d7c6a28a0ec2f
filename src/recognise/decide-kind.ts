import { cueCount, type Features, type LexiconHit } from './features.js'
import type { CueKind } from './cues.js'
import type { Evidence, Kind } from './types.js'

export interface KindDecision {
  readonly kind: Kind
  readonly evidence: Evidence[]
}

// 20元一盒 · 68一盒 · ¥25 · 团购价25: a price makes an offer of goods an advert.
const PRICE = /\d+(?:\.\d+)?\s*(?:元|块|rmb)|[¥￥]\s*\d|\d+\s*一\s*[盒板瓶支个包箱袋份只片]|团购价|售价\s*\d/
// 可以帮忙送药吗: a question asking others to help, not an offer.
const ASKS_OTHERS_TO_HELP = /(?<!我)(?:能|可以|可不可以|能不能)(?:帮忙|帮我|帮一下|帮).{0,14}(?:吗|么|\?)/
// 来3栋拿 · 过来取: come and take it.
const COME_AND_TAKE = /来.{0,6}[拿取打]|上门自取/
const QUESTION = /\?|吗|(?<![那这什怎多])么|伐|咩|请问|怎么办|咋办|要不要|能不能|多久|什么时候|啥时候|几点/
const FIRST_PERSON = /我|俺|咱|家里|家人|爸|妈|老人|奶奶|爷爷|孩子|宝宝|老公|老婆|媳妇/
const LONG_TEXT = 80

/** Whether anything is asked or reported after `position` (已经退烧了，但是还咳嗽怎么办). */
function asksAfter(features: Features, position: number): boolean {
  return features.hits.some((hit) => {
    if (hit.start < position) return false
    const entry = hit.value
    if (entry.source === 'cue') return entry.cue === 'ask' || entry.cue === 'plea' || entry.cue === 'need' || entry.cue === 'emergency'
    return entry.source === 'handler'
  })
}

function words(hits: readonly LexiconHit[] | undefined): string {
  return (hits ?? []).map((h) => h.word).join(' ')
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
  const scores = [...features.scores.values()]
  const topic = Math.max(0, ...scores.map((s) => s.topic))
  const handlerAsk = Math.max(0, ...scores.filter((s) => s.topic > 0).map((s) => s.ask))
  const handlerProblem = Math.max(0, ...scores.map((s) => s.problem))
  const fever = scores.some((s) => s.handler.meansFever && s.strongTopics > 0)
  const ask = cue('ask')
  const need = cue('need')
  const plea = cue('plea')
  const complaint = cue('complaint')
  const atRisk = cue('elderly') + cue('child') + cue('baby') + cue('pregnant') + cue('disease')
  const question = QUESTION.test(plain)
  const none = (rule: string, text?: string): KindDecision => ({ kind: 'none', evidence: [{ rule, text }] })
  const request = (rule: string, text?: string): KindDecision => ({ kind: 'request', evidence: [{ rule, text, weight: topic }] })

  const advert = cue('advert')
  const offer = cue('offer') + 2 * cue('offerStrong') + (COME_AND_TAKE.test(plain) ? 2 : 0)
  if ((PRICE.test(plain) && advert + offer > 0) || advert >= 2) return none('advert', said('advert'))

  const forward = cue('forward') + (features.text.marks.links > 0 ? 1 : 0)
  const notice = cue('notice') + (features.text.marks.mentionsAll ? 1 : 0)
  if (forward >= 2 || (forward >= 1 && (plain.length > LONG_TEXT || notice > 0) && need === 0)) {
    if (!(emergency && FIRST_PERSON.test(plain) && plain.length <= LONG_TEXT)) return none('forward', said('forward'))
  }
  if (((notice >= 2 && !question && complaint === 0 && plea === 0) || notice >= 4) && !emergency) {
    return none('notice', said('notice'))
  }

  const offerSelf = cue('offerSelf')
  if (!emergency && plea === 0 && !ASKS_OTHERS_TO_HELP.test(plain)) {
    const offered = (need === 0 && (offer >= 2 || (offerSelf > 0 && offer >= 1))) || (offerSelf > 0 && cue('offerStrong') > 0 && need <= 1)
    if (offered) return { kind: 'offer', evidence: [{ rule: 'offer', text: `${said('offerSelf')} ${said('offer')} ${said('offerStrong')}`.trim() }] }
  }

  const resolved = (features.cues.get('resolved') ?? []).filter((h) => !/^[吗么没?]/.test(plain.slice(h.end, h.end + 1)))
  if (resolved.length > 0 && !emergency && !question && !asksAfter(features, lastEnd(resolved))) {
    return none('resolved', words(resolved))
  }
  const thanks = features.cues.get('thanks') ?? []
  const feverish = features.temperatureC !== undefined && features.temperatureC >= 37.3
  const quiet = !emergency && !question && plea === 0 && handlerProblem === 0 && !feverish
  const asked = ask > 0 || need > 0 || handlerAsk > 0
  if (thanks.length > 0 && quiet && !asked && !asksAfter(features, lastEnd(thanks))) return none('thanks', words(thanks))
  if (cue('laugh') > 0 && quiet && need === 0) return none('joking', said('laugh'))

  if (emergency) return request('emergency sign')
  if (plea > 0) return request('plea', said('plea'))
  if (cue('chatter') > 0 && !question && need === 0 && handlerProblem === 0) return none('chatter', said('chatter'))

  if (topic === 0) return need > 0 && question ? request('need with no topic', said('need')) : none('no topic')
  if (handlerProblem > 0) return request('problem reported')
  if (cue('problem') > 0) return request('problem reported', said('problem'))
  if (handlerAsk > 0 || ask > 0 || need > 0 || question) return request('topic and ask')
  if (fever && (features.temperatureC !== undefined || atRisk > 0 || complaint > 0)) return request('symptoms reported')
  if (complaint > 0 && topic >= 3) return request('living through it', said('complaint'))
  return none(thanks.length + cue('greeting') > 0 ? 'thanks or greeting' : 'topic without ask')
}
