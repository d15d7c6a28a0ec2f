/**
 * Whether a danger sign or a reported fault a message names is happening now, to a person: not
 * negated (没有呼吸困难), not hypothetical or asked about (万一喘不上气, 胸口疼不疼), not over
 * (前天…现在好了), not long past, not someone already talked about, not an animal's.
 */
import type { LexiconHit } from './lexicon.js'

const NEGATED_BEFORE = /(?:没有|没|不|无|未|并无|否认|差点|不是|不会|别|冇|唔)(?:出现|发生|再|有)?\s*$/
const QUESTION_BEFORE = /(?:有没有|是不是|有无|会不会)\s*$/
const CLAUSE_BREAK = /[,.!?;\n]/
// 跟大出血似的: a likeness, not the sign.
// 胸口疼就要去医院: a rule about the sign, not a report of it.
const CONDITIONAL_AFTER = /^\s*(?:时|的时候|的话|等症状|等情况|似的|就(?:要|得|必须|应该|赶紧|马上|立即|立刻|直接)?(?:去医院|打120|拨打120|叫120|送医|就医))/
const RUN_ON_WINDOW = 12
// 上个月我妈摔了起不来…现在想装个呼叫器: a dated past, with the present told after the sign.
// Only named days long gone: 之前好好的突然喘不上气 and 昨天晕倒了 may still be going on.
const PAST = /上个月|上周|上星期|上礼拜|前天|前几天|前阵子|去年|前年|上次|那次/g
// 去年我爷爷摔倒起不来: long enough ago to be past with nothing told after it (上次 may be happening again).
const LONG_AGO = /上个月|上周|上星期|上礼拜|去年|前年/
const NOW = /现在|今天|目前|如今|刚才|刚刚|这会|突然/
// 那个喘不上气的阿姨: someone already talked about, not a new sign.
const REFERENCE_BEFORE = /(?:那个|那位)(?:说|说过|喊|喊着|总说|老说)?\s*$/
// 叫不醒的那位王奶奶: the sign names whom it is about.
const NAMED_BY_THE_SIGN = /^[^\s,.!?]?的(?:那位|那个)/
const REFERENCE_AFTER = /^[^\s,.!?]?的(?:阿姨|叔叔|老人|大爷|大妈|奶奶|爷爷|邻居|人|孩子|宝宝|老太太|老爷子|小伙|姑娘|男的|女的|住户|业主|居民)/
// 听说, 说是: hearsay before the sign; after it (坐地上动不了 说是滑了一下) it explains a real one.
const HEARSAY: ReadonlySet<string> = new Set(['说是', '听说', '据说', '在传', '新闻说', '看到群里说', '看群里说', '群里有人说'])
// 怕孩子抽筋 supposes a fit; 胸口一阵一阵地疼 好怕 fears a real pain.
const FEARS: ReadonlySet<string> = new Set(['怕', '担心'])
// 培训用的情景台词 · 分享一个被骗经历: a script or a scam told; nothing in the message is happening.
const NOTHING_HAPPENING: ReadonlySet<string> = new Set(['台词', '剧本', '被骗', '诈骗', '骗子', '演练'])
// Talk of self-harm stays talk of self-harm when it is feared (我好怕她想不开, 他会不会想不开) or
// asked as a question (一瓶都吃了会不会死).
const SELF_HARM_STANDS: ReadonlySet<string> = new Set(['怕', '担心', '会不会'])
// Not over: a child asleep after a fit, or 还好 said of something else.
// 还说没事: the person's own denial.
const WEAK_RECOVERIES: ReadonlySet<string> = new Set(['睡着了', '还好', '我还好', '说没事', '说自己没事', '还说没事', '不像没事'])

function isDangerSign(hit: LexiconHit): boolean {
  const entry = hit.value
  return entry.source === 'cue' && (entry.cue === 'emergency' || entry.cue === 'selfHarm' || entry.cue === 'emergencyWithFever' || entry.cue === 'cannotRise')
}

/** Danger signs and reported faults: 万一停电了 or 如果呼吸困难 is not happening. */
function isSign(hit: LexiconHit): boolean {
  return isDangerSign(hit) || (hit.value.source === 'handler' && hit.value.role === 'problem')
}

export function isNegated(plain: string, hit: LexiconHit): boolean {
  // 起不来 不是摔的: a fall denied makes no fall.
  const fall = hit.value.source === 'cue' && hit.value.cue === 'fall'
  if (!isDangerSign(hit) && !fall && !(hit.value.source === 'handler' && hit.value.negatable)) return false
  const before = plain.slice(Math.max(0, hit.start - 6), hit.start)
  return NEGATED_BEFORE.test(before) && !QUESTION_BEFORE.test(before)
}

/** The clause around a hit; in a voice-typed run-on with no punctuation, a window of characters. */
function clauseAround(plain: string, hit: LexiconHit): [number, number] {
  let start = hit.start
  while (start > 0 && hit.start - start < RUN_ON_WINDOW && !CLAUSE_BREAK.test(plain[start - 1]!)) start--
  let end = hit.end
  while (end < plain.length && end - hit.end < RUN_ON_WINDOW && !CLAUSE_BREAK.test(plain[end]!)) end++
  return [start, end]
}

/** What in a message can make its signs not happening. */
export interface SignContext {
  readonly hypotheticals: readonly LexiconHit[]
  readonly recoveries: readonly LexiconHit[]
  /** 我家猫, 狗狗: where an animal is named. */
  readonly pets: readonly LexiconHit[]
  /** 哈哈, 笑死, 😂 and the laughing emoji codes. */
  readonly laughs: readonly LexiconHit[]
  /** Where [捂脸] stands: said right after a sign, it is about the writer's own exaggeration. */
  readonly facepalms: readonly { readonly start: number }[]
  /** Whether the text has a title mark (《) or names a time long gone: most have neither and skip those checks. */
  readonly titled: boolean
  readonly longAgo: boolean
}

/** What a message's signs are read against, found once per message. */
export function signContext(plain: string, hits: readonly LexiconHit[], facepalms: SignContext['facepalms']): SignContext {
  const ofCue = (cue: string) => hits.filter((h) => h.value.source === 'cue' && h.value.cue === cue)
  return {
    hypotheticals: ofCue('hypothetical'),
    recoveries: ofCue('resolved'),
    pets: ofCue('pet'),
    laughs: ofCue('laugh'),
    facepalms,
    titled: plain.includes('《'),
    longAgo: LONG_AGO.test(plain),
  }
}

export function isHypothetical(plain: string, hit: LexiconHit, context: SignContext): boolean {
  if (hit.value.source === 'handler' && hit.value.role === 'fever') return isFeverSupposed(plain, hit, context)
  if (!isSign(hit)) return false
  const { hypotheticals, recoveries } = context
  const selfHarm = hit.value.source === 'cue' && hit.value.cue === 'selfHarm'
  // 我家老猫十五岁了 今天摔了一下起不来: an animal's signs, wherever told; but 我走了以后我家猫谁来养 is about the writer.
  if (isDangerSign(hit) && !selfHarm && isAnAnimals(plain, hit, context.pets)) return true
  if (isOverBy(plain, hit, recoveries) || isJoke(hit, context, selfHarm)) return true
  if (CONDITIONAL_AFTER.test(plain.slice(hit.end, hit.end + 10)) || isAsked(plain, hit) || isLikeness(plain, hit) || (context.titled && isInATitle(plain, hit))) return true
  const [start, end] = clauseAround(plain, hit)
  if (isDangerSign(hit) && (isToldOfThePast(plain, hit, start, context.longAgo) || isReference(plain, hit))) return true
  return hypotheticals.some(
    (h) => NOTHING_HAPPENING.has(h.word) || (h.start >= start && h.end <= end && ((!HEARSAY.has(h.word) && !FEARS.has(h.word)) || h.end <= hit.start) && !(selfHarm && SELF_HARM_STANDS.has(h.word))),
  )
}

// 万一宝宝发烧了怎么办: a fever supposed is no fever. Only the words that suppose: 怕 and 注意 go
// with real fevers (发烧了 怕抽筋), and a fever's 的时候 is when it happens (发烧的时候手脚抽筋了).
const SUPPOSING: ReadonlySet<string> = new Set(['如果', '万一', '假如', '假设', '要是', '一旦', '若是', '倘若', '预防', '防止'])
const SUPPOSED_AFTER = /^\s*(?:的话|怎么办)/

function isFeverSupposed(plain: string, hit: LexiconHit, context: SignContext): boolean {
  if (SUPPOSED_AFTER.test(plain.slice(hit.end, hit.end + 4))) return true
  const [start] = clauseAround(plain, hit)
  return context.hypotheticals.some((h) => h.start >= start && h.end <= hit.start && SUPPOSING.has(h.word))
}

/**
 * 前天喘不上气去了急诊，现在好了: a sign told before a recovery is over. Talk of self-harm is not
 * (遗书都写好了). A feverish child's fit is over only once a doctor has seen it (医生说是热性惊厥
 * 现在退烧了): 抽了一下 现在醒了 still needs one.
 */
function isOverBy(plain: string, hit: LexiconHit, recoveries: readonly LexiconHit[]): boolean {
  const entry = hit.value
  if (entry.source !== 'cue' || entry.cue === 'selfHarm' || !isDangerSign(hit)) return false
  if (entry.cue === 'emergencyWithFever' && !SEEN_BY_A_DOCTOR.test(plain)) return false
  return recoveries.some((r) => r.start >= hit.end && !WEAK_RECOVERIES.has(r.word) && !RECOVERY_DENIED.test(plain.slice(Math.max(0, r.start - 2), r.start)))
}

// 股票跌得我想跳楼😂, 吃了桑葚嘴巴紫紫的 把我妈吓一跳 哈哈: nobody frightened for someone laughs
// beside the sign. A bitter 呵呵 does not make talk of self-harm a joke.
const LAUGH_REACH = 16
const FACEPALM_REACH = 2
const BITTER_LAUGHS: ReadonlySet<string> = new Set(['呵呵'])

function isJoke(hit: LexiconHit, context: SignContext, selfHarm: boolean): boolean {
  if (!isDangerSign(hit)) return false
  const laughing = context.laughs.some(
    (l) => l.end > hit.start - LAUGH_REACH && l.start < hit.end + LAUGH_REACH && !(selfHarm && BITTER_LAUGHS.has(l.word)),
  )
  return laughing || context.facepalms.some((f) => f.start >= hit.end && f.start - hit.end <= FACEPALM_REACH)
}

// 还没缓过来, 不见好转: a recovery denied.
const RECOVERY_DENIED = /[没不未]$/

const SEEN_BY_A_DOCTOR = /医生说|看了医生|医院看了|医院查了|送到医院|送到儿童医院|送医|去了急诊|看过医生/

// 我家猫把我手机推下桌了。不过说正经的，我现在胸口疼: a sentence of its own that names a person is theirs.
const SENTENCE_END = /[.!?\n]/
// A sentence is read this far either way, so a paste with no full stops stays linear.
const SENTENCE_REACH = 60
const A_PERSON = /我(?!家|的)|他|她|人|妈|爸|奶|爷|婆|公|孩子|宝宝|老伴|老头|老太/

function isAnAnimals(plain: string, hit: LexiconHit, pets: readonly LexiconHit[]): boolean {
  if (pets.length === 0) return false
  let start = hit.start
  while (start > 0 && hit.start - start < SENTENCE_REACH && !SENTENCE_END.test(plain[start - 1]!)) start--
  let end = hit.end
  while (end < plain.length && end - hit.end < SENTENCE_REACH && !SENTENCE_END.test(plain[end]!)) end++
  if (pets.some((p) => p.start >= start && p.end <= end)) return true
  return !A_PERSON.test(plain.slice(start, hit.start))
}

// 《老人叫不醒、嘴唇发紫，家属这一个动作救了命》: a title.
// Titles are short: the marks are looked for within a few dozen characters, which keeps a long paste linear.
const TITLE_REACH = 40

function isInATitle(plain: string, hit: LexiconHit): boolean {
  const before = plain.slice(Math.max(0, hit.start - TITLE_REACH), hit.start)
  const open = before.lastIndexOf('《')
  return open >= 0 && before.lastIndexOf('》') < open && plain.slice(hit.end, hit.end + TITLE_REACH).includes('》')
}

// 胸口疼不疼 or 医生问有没有喘不上气: a question either way asks about the sign.
const ASKED_BEFORE = /(?:有没有|有无)\s*$/
function isAsked(plain: string, hit: LexiconHit): boolean {
  if (plain[hit.end] === '不' && plain[hit.end + 1] === plain[hit.end - 1]) return true
  return isDangerSign(hit) && ASKED_BEFORE.test(plain.slice(Math.max(0, hit.start - 4), hit.start))
}

// 我的猫像不想活了一样: a likeness.
function isLikeness(plain: string, hit: LexiconHit): boolean {
  return plain[hit.start - 1] === '像' && plain.startsWith('一样', hit.end)
}

function isToldOfThePast(plain: string, hit: LexiconHit, clauseStart: number, longAgoNamed: boolean): boolean {
  const before = plain.slice(clauseStart, hit.start)
  let past = -1
  let longAgo = false
  for (const match of before.matchAll(PAST)) {
    past = match.index + match[0].length
    longAgo = LONG_AGO.test(match[0])
  }
  if (past < 0) return longAgoNamed && isLongAgoInTheSentence(plain, hit, clauseStart)
  if (NOW.test(before.slice(past))) return false
  return longAgo || NOW.test(plain.slice(hit.end))
}

// 前年阳的时候我烧到四十度，嘴唇发紫: a year named earlier in the sentence, with nothing recent between.
const SENTENCE_BACK = 40
const RECENT = /现在|今天|今早|今晚|目前|如今|刚|这会|突然|昨|早上|晚上|半夜|凌晨|这两天|这几天|一直|还/

function isLongAgoInTheSentence(plain: string, hit: LexiconHit, clauseStart: number): boolean {
  let start = clauseStart
  while (start > 0 && clauseStart - start < SENTENCE_BACK && !/[.!?\n]/.test(plain[start - 1]!)) start--
  const before = plain.slice(start, hit.start)
  let longAgo = -1
  for (const match of before.matchAll(PAST)) if (LONG_AGO.test(match[0])) longAgo = match.index + match[0].length
  return longAgo >= 0 && !RECENT.test(before.slice(longAgo))
}

function isReference(plain: string, hit: LexiconHit): boolean {
  // 那位喘不上气的: the sign's last word may lie outside the hit.
  const after = plain.slice(hit.end, hit.end + 8)
  return NAMED_BY_THE_SIGN.test(after) || (REFERENCE_BEFORE.test(plain.slice(Math.max(0, hit.start - 6), hit.start)) && REFERENCE_AFTER.test(after))
}
