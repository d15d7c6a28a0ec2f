/**
 * Whether a danger sign or a reported fault a message names is happening now, to a person: not
 * negated (没有呼吸困难), not hypothetical or asked about (万一喘不上气, 胸口疼不疼), not over
 * (前天…现在好了), not long past, not someone already talked about, not an animal's, not a joke
 * (…哈哈), not a script, drama, class or childhood memory told, not a title, not advice to whoever has
 * it; and whether a fever told is over (isFeverOver).
 */
import { withArabicNumerals } from './chinese-numerals.js'
import type { LexiconHit } from './lexicon.js'
import type { NormalisedText } from './normalise.js'
import { matchesOf } from './regex-matches.js'

const NEGATED_BEFORE = /(?:没有|没|不|无|未|并无|否认|差点|不是|不会|别|冇|唔)(?:出现|发生|再|有)?\s*$/
const QUESTION_BEFORE = /(?:有没有|是不是|有无|会不会)\s*$/
// 跟大出血似的: a likeness, not the sign.
// 胸口疼就要去医院 · 嘴唇发紫就是缺氧: a rule about the sign, not a report of it.
// 胸口疼就打120了 reports what was done.
const CONDITIONAL_AFTER = /^\s*(?:时|的时候|的话|等症状|等情况|似的|就(?:要|得|必须|应该|赶紧|马上|立即|立刻|直接)?(?:去医院|打120|拨打120|叫120|送医|就医)(?!了)|就是(?:缺氧|心梗|心脏病|中风|脑梗|危险))/
const RUN_ON_WINDOW = 12
// 上个月我妈摔了起不来…现在想装个呼叫器: a dated past, with the present told after the sign.
// Only named days long gone: 之前好好的突然喘不上气 and 昨天晕倒了 may still be going on.
const PAST = /上个月|上周|上星期|上礼拜|前天|前几天|前阵子|去年|前年|上次|那次|当时/g
// 去年我爷爷摔倒起不来: long enough ago to be past with nothing told after it (上次 may be happening again).
const LONG_AGO = /上个月|上周|上星期|上礼拜|去年|前年/
const NOW = /现在|今天|目前|如今|刚才|刚刚|这会|突然/
// 那个喘不上气的阿姨: someone already talked about, not a new sign.
const REFERENCE_BEFORE = /(?:那个|那位)(?:说|说过|喊|喊着|总说|老说)?\s*$/
const PEOPLE = '(?:阿姨|叔叔|老人|大爷|大妈|奶奶|爷爷|邻居|人|孩子|宝宝|老太太|老爷子|小伙|姑娘|男的|女的|住户|业主|居民|大哥|大姐|大叔|大婶|师傅|老头|老太)'
const REFERENCE_AFTER = new RegExp(`^[^\\s,.!?]?的${PEOPLE}`)
// 刚才楼下晕倒那个大爷: the sign names whom the news is about.
const NAMED_AFTER_THE_SIGN = new RegExp(`^[^\\s,.!?]?(?:那个|那位)${PEOPLE}`)
// 叫不醒的那位王奶奶: the sign names whom it is about (胸口疼的那个感觉又来了 is the sign again).
const NAMED_BY_THE_SIGN = new RegExp(`^[^\\s,.!?]?的(?:那位|那个)[^\\s,.!?]{0,3}?${PEOPLE}`)
// 听说, 说是: hearsay before the sign; after it (坐地上动不了 说是滑了一下) it explains a real one.
const HEARSAY: ReadonlySet<string> = new Set(['说是', '听说', '据说', '在传', '新闻说', '看到群里说', '看群里说', '群里有人说', '网上说'])
// 怕孩子抽筋 supposes a fit; 胸口一阵一阵地疼 好怕 fears a real pain.
const FEARS: ReadonlySet<string> = new Set(['怕', '担心'])
// 培训用的情景台词：家属：“快来人啊！我爸倒在地上叫不醒了！”: a script read out, or a drama or class
// told (电视剧里, 演员, 急救课), up to a sentence or two before the sign, with nothing said to be
// happening now between (上周演练，今天我爸突然倒地 is real).
const SCRIPTED: ReadonlySet<string> = new Set(['台词', '剧本', '演练', '电视剧', '电视上', '演员', '急救课'])
const SCRIPT_REACH = 60
// 想起当年我爷爷也是这么冷的天突然胸口疼走的 · 想起我小时候…突然就抽起来了: a memory told, with
// nothing said of now between it and the sign (its own 突然 is part of the story).
const MEMORIES: ReadonlySet<string> = new Set(['小时候', '当年', '那年', '年轻时'])
// 刷到个短视频 一个人在街上突然抽搐倒地 · 动画片里有个人喘不上气: what was on a screen, told like a memory.
const SCREENS: ReadonlySet<string> = new Set(['动画', '短视频', '刷到', '抖音', '快手', '游戏里', '角色'])
// 昨晚看急诊室纪录片 那个老人呼吸困难: a film watched reaches the sentences after it too, unless someone
// watching with the writer is the one taken ill (陪我爸看电影 看到一半他突然说胸口好痛).
const WATCHED: ReadonlySet<string> = new Set(['纪录片', '电影', '看视频'])
const WATCHING_WITH = /我(?:爸|妈|爷|奶|老公|老婆|家)|老伴|孩子|宝宝/
// 给娃讲白雪公主 讲到她吃了毒苹果昏迷不醒 · 打王者被坑了一晚上 胸口疼: a story read or a game played, up to the
// sign, unless something is said to happen now or suddenly between (打游戏打到半夜 突然说胸口疼 is real).
const STORIES_AND_GAMES: ReadonlySet<string> = new Set(['讲故事', '故事里', '故事书', '童话', '绘本', '白雪公主', '睡美人', '灰姑娘', '打游戏', '王者', 'boss', '开黑', '队友'])
const WATCHER_REACH = 8
// 拍不醒 打呼噜的声音特别怪: snoring like that is no sleep.
const SNORING: ReadonlySet<string> = new Set(['打呼', '打鼾'])
const ODD = /怪|不对|奇怪|不正常|吓人|不一样|(?:平时|平常|以前|从来)(?:都)?不这样/
const ODD_REACH = 12
// 看了场电影回来 发现我爸倒在地上: coming home and finding is now.
const NOW_SINCE = /现在|今天|今早|今晚|刚才|刚刚|这会|目前|如今|昨|回来|回家|进门|发现|结果/
// Talk of self-harm stays talk of self-harm when it is feared (我好怕她想不开, 他会不会想不开), asked
// as a question (一瓶都吃了会不会死), or said with what comes after (不想活了 以后谁来养我的猫).
const SELF_HARM_STANDS: ReadonlySet<string> = new Set(['怕', '担心', '会不会', '以后谁', '以后有人'])
// 我妈笑得哈哈的，突然就倒了: what comes on suddenly after a laugh is no joke.
const SUDDENLY = /突然|一下子|猛地|忽然/
// 医生说, 去了急诊: a doctor has seen it (a feverish child's fit is over only then).
const SEEN_BY_A_DOCTOR = /医生说|医生讲|大夫说|大夫讲|看了医生|医院看了|医院看过|医院查了|送到医院|送到儿童医院|送医|去了急诊|看过医生/
// Not over: a child asleep after a fit, or 还好 said of something else.
// 还说没事: the person's own denial.
const WEAK_RECOVERIES: ReadonlySet<string> = new Set(['睡着了', '还好', '我还好', '说没事', '说自己没事', '还说没事', '不像没事'])
// 去医院做了心电图 说没事 · 医生看了说没事: a doctor's 没事 is no denial.
const EXAMINED_BEFORE = /医生|大夫|医院|心电图|检查|片子|ct/
const EXAMINED_REACH = 12
// 他说没事没事: the second 没事 is still the person's own word.
const OWN_DENIAL_BEFORE = /[他她]说(?:没事)*\s*$/

function isDangerSign(hit: LexiconHit): boolean {
  const entry = hit.value
  return entry.source === 'cue' && (entry.cue === 'emergency' || entry.cue === 'selfHarm' || entry.cue === 'emergencyWithFever' || entry.cue === 'cannotRise')
}

/** Danger signs and reported faults: 万一停电了 or 如果呼吸困难 is not happening. */
function isSign(hit: LexiconHit): boolean {
  return isDangerSign(hit) || (hit.value.source === 'handler' && hit.value.role === 'problem')
}

// 差点中暑晕过去: almost, so not.
const ALMOST_BEFORE = /(?:差点|差一点|险些)[^,.!?\s]{0,4}$/

export function isNegated(plain: string, hit: LexiconHit): boolean {
  // 起不来 不是摔的: a fall denied makes no fall.
  const fall = hit.value.source === 'cue' && hit.value.cue === 'fall'
  if (!isDangerSign(hit) && !fall && !(hit.value.source === 'handler' && hit.value.negatable)) return false
  const before = plain.slice(Math.max(0, hit.start - 6), hit.start)
  return (NEGATED_BEFORE.test(before) && !QUESTION_BEFORE.test(before)) || (isDangerSign(hit) && ALMOST_BEFORE.test(before))
}

/** The clause around a hit; in a voice-typed run-on with no punctuation, a window of characters. */
function clauseAround(plain: string, hit: LexiconHit): [number, number] {
  let start = hit.start
  while (start > 0 && hit.start - start < RUN_ON_WINDOW && !endsClause(plain.charCodeAt(start - 1))) start--
  let end = hit.end
  while (end < plain.length && end - hit.end < RUN_ON_WINDOW && !endsClause(plain.charCodeAt(end))) end++
  return [start, end]
}

// The normalised text's marks, by character code: these run for every character a sign's clause or
// sentence is looked for in, where a regex per character cost more than the rest of the check.
const [NEWLINE, BANG, COMMA, FULL_STOP, SEMICOLON, QUERY] = [10, 33, 44, 46, 59, 63]

function endsSentence(code: number): boolean {
  return code === FULL_STOP || code === BANG || code === QUERY || code === NEWLINE
}

function endsClause(code: number): boolean {
  return code === COMMA || code === SEMICOLON || endsSentence(code)
}

// A sentence is read this far, so a paste with no full stops stays linear.
const SENTENCE_REACH = 60

/** Where the sentence holding `from` starts, looking back at most `reach` characters. */
function sentenceStart(plain: string, from: number, reach: number): number {
  let start = from
  while (start > 0 && from - start < reach && !endsSentence(plain.charCodeAt(start - 1))) start--
  return start
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
  readonly seenByADoctor: boolean
  /** 消防演练…有人“晕倒”…别紧张 是演习, or a verse (举头喘不上 低头胸口慌——打油诗一首): every sign in the message is played. */
  readonly drill: boolean
  /** 真倒了, 不是演的: the writer says it is really happening. */
  readonly saidToBeReal: boolean
}

/** What a message's signs are read against, found once per message in one pass over its hits. */
export function signContext(text: NormalisedText, hits: readonly LexiconHit[]): SignContext {
  const hypotheticals: LexiconHit[] = []
  const recoveries: LexiconHit[] = []
  const pets: LexiconHit[] = []
  const laughs: LexiconHit[] = []
  for (const hit of hits) {
    if (hit.value.source !== 'cue') continue
    const cue = hit.value.cue
    if (cue === 'hypothetical') hypotheticals.push(hit)
    else if (cue === 'resolved') recoveries.push(hit)
    else if (cue === 'pet') pets.push(hit)
    else if (cue === 'laugh') laughs.push(hit)
  }
  const plain = text.plain
  const saidToBeReal = SAID_TO_BE_REAL.test(plain)
  return {
    hypotheticals,
    recoveries,
    pets,
    laughs,
    facepalms: text.marks.emojiCodes.filter(isFacepalm),
    titled: plain.includes('《'),
    longAgo: LONG_AGO.test(plain),
    seenByADoctor: SEEN_BY_A_DOCTOR.test(plain),
    drill: !saidToBeReal && ((DRILL.test(plain) && CALM.test(plain)) || VERSE.test(plain)),
    saidToBeReal,
  }
}

const DRILL = /演练|演习/
const VERSE = /打油诗|顺口溜|诗一首/
const CALM = /是演习|是演练|别紧张|不要紧张|勿惊慌|不必惊慌|不是真的/
const SAID_TO_BE_REAL = /真(?:的)?(?:倒|晕|出事|不行|没气|没呼吸|抽)|不是演/

function isFacepalm(code: { readonly name: string }): boolean {
  return code.name === '捂脸'
}

/**
 * The hits (sorted by start) that start in [from, to): found by halving, so that a paste with
 * thousands of signs and cues is read in linear time.
 */
function within<T extends { readonly start: number }>(hits: readonly T[], from: number, to: number): readonly T[] {
  let lo = 0
  let hi = hits.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (hits[mid]!.start < from) lo = mid + 1
    else hi = mid
  }
  let end = lo
  while (end < hits.length && hits[end]!.start < to) end++
  return hits.slice(lo, end)
}

export function isHypothetical(plain: string, hit: LexiconHit, context: SignContext): boolean {
  if (isFeverWord(hit)) return isFeverSupposed(plain, hit, context)
  if (!isSign(hit)) return false
  const selfHarm = hit.value.source === 'cue' && hit.value.cue === 'selfHarm'
  // 我家老猫十五岁了 今天摔了一下起不来: an animal's signs; but 我走了以后我家猫谁来养 is about the writer.
  if (isDangerSign(hit) && !selfHarm && isAnAnimals(plain, hit, context.pets)) return true
  // 前天胸口疼去看了说没啥事，今天早上又开始疼了: whatever ended it, it is back.
  if (isDangerSign(hit) && COMES_BACK.test(plain.slice(hit.end, hit.end + COMES_BACK_REACH))) return false
  if (isOverBy(plain, hit, context) || isJoke(plain, hit, context, selfHarm)) return true
  if (CONDITIONAL_AFTER.test(plain.slice(hit.end, hit.end + 10)) || isAsked(plain, hit) || isLikeness(plain, hit) || (context.titled && isInATitle(plain, hit))) return true
  const [start, end] = clauseAround(plain, hit)
  if (isDangerSign(hit) && (isToldOfThePast(plain, hit, start, context.longAgo) || isReference(plain, hit))) return true
  if (isDangerSign(hit) && isMistaken(plain.slice(start, hit.start))) return true
  if (isDangerSign(hit) && DIAGNOSED_BEFORE.test(plain.slice(start, hit.start))) return true
  if (isAddressedToWhoeverHasIt(plain, hit)) return true
  if (isDangerSign(hit) && !selfHarm && isHyperbole(plain, hit)) return true
  if (isDangerSign(hit) && CONDITION_BEFORE.test(plain.slice(start, hit.start))) return true
  if (selfHarm && isLightSelfHarm(plain, hit, context)) return true
  if (isDangerSign(hit) && !selfHarm && (isColouredBy(plain, hit, start, end) || isSoundAsleep(plain, hit))) return true
  if (selfHarm && ROSTER_AFTER.test(plain.slice(hit.end, hit.end + 12))) return true
  if (context.drill) return true
  // 培训…结果老师自己倒了 真倒了: said to be real, whatever class or story was named.
  if (context.saidToBeReal) return false
  for (const h of within(context.hypotheticals, Math.min(start, hit.start - SCRIPT_REACH), end)) {
    if (SCRIPTED.has(h.word)) {
      if (!selfHarm && h.end <= hit.start && !plain.startsWith('杀', h.end) && !RECENT.test(plain.slice(h.end, hit.start))) return true
      continue
    }
    if (MEMORIES.has(h.word) || SCREENS.has(h.word)) {
      if (!selfHarm && h.end <= hit.start && !NOW_SINCE.test(plain.slice(h.end, hit.start))) return true
      continue
    }
    if (STORIES_AND_GAMES.has(h.word)) {
      const between = plain.slice(h.end, hit.start)
      if (!selfHarm && h.end <= hit.start && !NOW_SINCE.test(between) && !SUDDENLY.test(between)) return true
      continue
    }
    if (WATCHED.has(h.word)) {
      const watching = plain.slice(Math.max(0, h.start - WATCHER_REACH), hit.start)
      if (!selfHarm && h.end <= hit.start && !NOW_SINCE.test(plain.slice(h.end, hit.start)) && !WATCHING_WITH.test(watching)) return true
    }
    if (h.start < start || h.end > end) continue
    if (SNORING.has(h.word) && ODD.test(plain.slice(h.end, h.end + ODD_REACH))) continue
    // 冻得嘴唇发紫 话都说不利索: cold that has gone too far is no figure of speech.
    if (h.word === '冻得' && IN_DISTRESS.test(plain)) continue
    if ((HEARSAY.has(h.word) || FEARS.has(h.word)) && h.end > hit.start) continue
    if (selfHarm && SELF_HARM_STANDS.has(h.word)) continue
    return true
  }
  return false
}

function isFeverWord(hit: LexiconHit): boolean {
  return hit.value.source === 'handler' && hit.value.role === 'fever'
}

// 万一宝宝发烧了怎么办: a fever supposed is no fever. Only the words that suppose: 怕 and 注意 go
// with real fevers (发烧了 怕抽筋), and a fever's 的时候 is when it happens (发烧的时候手脚抽筋了).
const SUPPOSING: ReadonlySet<string> = new Set(['如果', '万一', '假如', '假设', '要是', '一旦', '若是', '倘若', '预防', '防止'])
const SUPPOSED_AFTER = /^\s*(?:的话|怎么办)/

function isFeverSupposed(plain: string, hit: LexiconHit, context: SignContext): boolean {
  if (SUPPOSED_AFTER.test(plain.slice(hit.end, hit.end + 4))) return true
  const [start] = clauseAround(plain, hit)
  return within(context.hypotheticals, start, hit.start).some((h) => h.end <= hit.start && SUPPOSING.has(h.word))
}

/**
 * 前天喘不上气去了急诊，现在好了: a sign told before a recovery is over. Talk of self-harm is not
 * (遗书都写好了). A feverish child's fit is over only once a doctor has seen it (医生说是热性惊厥
 * 现在退烧了): 抽了一下 现在醒了 still needs one.
 */
function isOverBy(plain: string, hit: LexiconHit, context: SignContext): boolean {
  const entry = hit.value
  if (entry.source !== 'cue' || entry.cue === 'selfHarm' || !isDangerSign(hit)) return false
  if (entry.cue === 'emergencyWithFever' && !context.seenByADoctor) return false
  return within(context.recoveries, hit.end, hit.end + RECOVERY_REACH).some(
    (r) =>
      (!WEAK_RECOVERIES.has(r.word) || (r.word === '说没事' && EXAMINED_BEFORE.test(plain.slice(Math.max(0, r.start - EXAMINED_REACH), r.start)))) &&
      !OWN_DENIAL_BEFORE.test(plain.slice(Math.max(0, r.start - 8), r.start)) &&
      !RECOVERY_DENIED.test(plain.slice(Math.max(0, r.start - 3), r.start)) &&
      !BACK_AGAIN.test(plain.slice(r.end, r.end + 8)) &&
      !AMBULANCE_CALLED.test(plain.slice(r.end, r.end + 6)),
  )
}

const COMES_BACK = /又(?:开始|犯了|发作|来了)?(?:疼|痛|喘|抽|晕(?:过去|倒)?|吐血|出血|流血|发紫|紫了)(?:了|起来)|又(?:犯|发作)了/
const COMES_BACK_REACH = 40

const FEVER_GONE: ReadonlySet<string> = new Set(['已经退烧', '退烧了', '烧退了', '已退烧', '不烧了', '就退了', '退了', '体温正常', '降下来了'])
// 老大已经退烧了…老二才出生二十五天 今天有点烫 量了37.8: a fever told after the recovery is another, or new.
const A_TEMPERATURE = /3[5-9](?:\.\d)?|4[0-2]/

/**
 * 宝宝两个月打完疫苗有点低烧…现在已经退了: the message's fever is over (so a baby's is no emergency now),
 * unless a fever or a temperature is told after the recovery, or it came back (退了又烧起来).
 * `hits` are those in force, sorted; `recoveries` the resolved cues among them.
 */
export function isFeverOver(plain: string, hits: readonly LexiconHit[], recoveries: readonly LexiconHit[]): boolean {
  let lastFever = -1
  for (const hit of hits) if (isFeverWord(hit)) lastFever = hit.start
  return recoveries.some(
    (r) =>
      FEVER_GONE.has(r.word) &&
      r.start > lastFever &&
      !FEVER_BACK_AGAIN.test(plain.slice(r.end, r.end + 8)) &&
      !A_TEMPERATURE.test(withArabicNumerals(plain.slice(r.end))),
  )
}

// A recovery is told within a few sentences of the sign it ends.
const RECOVERY_REACH = 100
// 还没缓过来, 没有缓过来, 不见好转: a recovery denied.
const RECOVERY_DENIED = /(?:[没不未]|没有|不见)\s*$/
// 止住了，又开始往外冒 · 差点打120，现在还是喘: it came back (又能说话了 is the recovery going on).
const BACK_AGAIN = /又(?!能|会|可以|吃|喝|玩|跑|笑|睡着|有精神)|还是(?!好|挺好|正常|没事)|再次/
// 已经有人打了120: help is on its way, the sign is not over.
const AMBULANCE_CALLED = /^\s*(?:打了?|叫了?|拨了?)(?:120|救护车)/
// A fever also comes back 反复.
const FEVER_BACK_AGAIN = /又|还是|再次|反复/

// 股票跌得我想跳楼😂, 吃了桑葚嘴巴紫紫的 把我妈吓一跳 哈哈: nobody frightened for someone laughs
// after the sign, or before it in the same breath. A bitter 呵呵 does not make talk of self-harm a joke,
// and what comes on suddenly after a laugh (我妈笑得哈哈的，突然就倒了) is no joke.
const LAUGH_REACH = 16
const FACEPALM_REACH = 2
const BITTER_LAUGHS: ReadonlySet<string> = new Set(['呵呵'])
// [捂脸] after 我胸口一阵剧痛: the writer's own exaggeration, only when the sign is the writer's alone.
// 奶茶 and 奶粉 are no grandmother.
const SOMEONE_ELSE = /他|她|妈|爸|奶(?![茶粉瓶昔油])|爷|婆|公|孩子|宝宝|老伴|老人|老公|老婆|娃/

function isJoke(plain: string, hit: LexiconHit, context: SignContext, selfHarm: boolean): boolean {
  if (!isDangerSign(hit)) return false
  const [start] = clauseAround(plain, hit)
  for (const l of within(context.laughs, start, hit.end + LAUGH_REACH)) {
    if (selfHarm && BITTER_LAUGHS.has(l.word)) continue
    if (l.start < hit.start && l.end > hit.start) continue
    const between = l.start >= hit.end ? plain.slice(hit.end, l.start) : plain.slice(l.end, hit.start)
    if (!SUDDENLY.test(between)) return true
  }
  if (within(context.facepalms, hit.end, hit.end + FACEPALM_REACH + 1).length === 0) return false
  const before = plain.slice(start, hit.start)
  return before.includes('我') && !SOMEONE_ELSE.test(before)
}

// 甲方改到第八版 我真的喘不上气了 · 辣得我喘不上气 · 输了六百 我当场抽搐: a trifle that the writer
// says took their breath away. Only the writer's own sign (我 in the sentence, nobody else named before it), and only
// when nothing is asked: 加班到现在胸口疼 喘不上气 怎么办 is a real one.
// 波比跳 · 又胖了三斤 · 话费又扣了 · 甜到我 · 挤地铁 · 背单词 · 我的绿萝: exercise, weight, bills, food, the commute,
// study and house plants are trifles too.
const TRIFLES = /这天|天气|天太闷|天太热|闷热|桑拿天|热得|加班|作业|考试|期末|熬夜|通宵|甲方|科目[一二三四]|看球|点球|比赛|大盘|股票|基金|练琴|麻将|输了|追剧|辣得|辣到|太辣|笑得|笑到|笑死|气得|气死|晒得|晒晕|吵得|堵车|减肥|电费|账单|房贷|房租|工资|健身|波比|跳绳|跑步|跑完|八百米|体育课|教练|胖了|体重|话费|吃土|甜到|甜得|好吃到|新品|奶茶|挤地铁|早高峰|单词|四级|六级|复习|绿萝|盆栽|多肉|爬坡|爬楼|爬山|这个坡|这坡|网速|刷视频|转圈/
const TRIFLE_REACH = 30
const ASKED_FOR_HELP = /\?|吗|怎么办|咋办|咋整|怎么弄|要不要|去医院|120|救护车|快来|帮帮|求助/

// 挤地铁挤到窒息 · 笑到抽搐: a message that names nobody at all, with the trifle carried to the sign by 到 or 得,
// speaks of the writer (加班到现在 胸口疼 喘不上气 names nobody, and is not that).
const ANYONE = /我|俺|他|她|人|妈|爸|奶|爷|婆|公|孩|宝|娃|老|同事|邻居|哥|姐|弟|妹|叔|姨|伯|舅/
const CARRIED_TO = /[到得]$/

// 这破电梯再不修我就从楼上跳下去了 · 房租再涨他就不想活了 · 再这样下去就要晕了: a condition set, not a deed. Only
// the forms a condition takes: 再量了一次就发现他昏迷了 tells what happened.
const CONDITION_BEFORE = /再(?:不|这样|涨|扣|加|拖|熬|敢)[^,.!?\s了]{0,7}?[我他她]?就[^,.!?\s]{0,4}$/

// 话费又扣了两百 真不想活了 这个月又要吃土[捂脸] · 减肥第七天…不想活了 算了明天再减: talk of self-harm over a
// trifle, taken back lightly in the next breath. Without the light words after it (房贷还不上 真不想活了) it stands.
const LIGHTLY_AFTER = /算了|吃土|还是吃|明天再|下次再/
const LIGHT_REACH = 16

function isLightSelfHarm(plain: string, hit: LexiconHit, context: SignContext): boolean {
  if (!TRIFLES.test(sentenceBefore(plain, hit))) return false
  // The facepalm may close the next clause (一了百了 刷个视频转半天圈圈[捂脸]): with a trifle named, that is still the same breath.
  return LIGHTLY_AFTER.test(plain.slice(hit.end, hit.end + LIGHT_REACH)) || within(context.facepalms, hit.end, hit.end + LIGHT_REACH + 1).length > 0
}

/** The sentence up to a sign, where a trifle would be named. */
function sentenceBefore(plain: string, hit: LexiconHit): string {
  return plain.slice(sentenceStart(plain, hit.start, TRIFLE_REACH), hit.start)
}

function isHyperbole(plain: string, hit: LexiconHit): boolean {
  const before = sentenceBefore(plain, hit)
  const writers = before.includes('我') || (!ANYONE.test(plain) && CARRIED_TO.test(before))
  if (!writers || SOMEONE_ELSE.test(before)) return false
  const [, clauseEnd] = clauseAround(plain, hit)
  if (!TRIFLES.test(before) && !TRIFLES.test(plain.slice(hit.end, clauseEnd))) return false
  return !ASKED_FOR_HELP.test(plain)
}

// 我家老猫十五岁了 今天摔了一下起不来: an animal named before the sign, in the same sentence, with no
// person named between (楼下那只狗把我爸扑倒了，头上血止不住 is the father's), or in the sign's own clause.
const A_PERSON = /我(?!家|的)|他|她|人|妈|爸|奶|爷|婆|公|孩子|宝宝|老伴|老头|老太/

function isAnAnimals(plain: string, hit: LexiconHit, pets: readonly LexiconHit[]): boolean {
  if (pets.length === 0) return false
  const [, clauseEnd] = clauseAround(plain, hit)
  if (within(pets, hit.end, clauseEnd).length > 0) return true
  const before = within(pets, sentenceStart(plain, hit.start, SENTENCE_REACH), hit.start)
  const last = before[before.length - 1]
  return last !== undefined && !A_PERSON.test(plain.slice(last.end, hit.start))
}

// 吃了桑葚嘴唇紫得吓人 · 口红色号叫窒息紫 · 嘴唇都冻紫了 · 手被门夹了 指甲盖紫了: a colour from something
// on the lips or a bruise, said in the sentence, unless the person is also choking, short of breath or confused.
// 嘴唇跟吃了桑葚似的 is a likeness, not a cause.
const STAINED_BY = /(?:桑葚|桑椹|葡萄|蓝莓|杨梅|火龙果|紫薯|黑米|墨水|墨汁|钢笔|笔头|颜料|水彩|口红|唇膏|唇釉|色号|美颜|滤镜|修图|相机|染|冻|夹(?:了|到|着|住)|砸|磕|撞)(?![^,.!?]{0,3}?(?:似的|一样|那样))/
// 冻得嘴唇乌紫 浑身打摆子 话都说不利索: cold that has gone too far.
const IN_DISTRESS = /噎|卡住|卡在|呛|喘|呼吸|憋|窒息(?!紫)|叫不醒|昏|打摆子|不利索|说不清|糊涂|迷糊/
const COLOUR = /紫|青|蓝|乌|绀|黑/
const STAIN_REACH = 30

function isColouredBy(plain: string, hit: LexiconHit, clauseStart: number, clauseEnd: number): boolean {
  if (!COLOUR.test(hit.word)) return false
  const around = plain.slice(sentenceStart(plain, clauseStart, STAIN_REACH), Math.max(clauseEnd, hit.end))
  return STAINED_BY.test(around) && !IN_DISTRESS.test(plain)
}

// 睡觉跟死猪一样 打雷都叫不醒 · 早上叫了三遍都叫不醒 上学又要迟到了: a sound sleeper, with nothing wrong said
// anywhere in the message (a fever, a drink, a fall, a pill) that would make not waking a danger.
const SOUND_SLEEP = /睡得(?:太|很|特别|好)?(?:沉|死|香|熟)|睡太沉|死猪|打雷都|赖床|上学|迟到|睡懒觉|起床气|睡饱/
const SOMETHING_WRONG = /烧|热|药|酒|喝多|摔|血|吐|抽|喘|呼吸|紫|晕|倒|病/

function isSoundAsleep(plain: string, hit: LexiconHit): boolean {
  return (hit.word.includes('醒') || hit.word.endsWith('不起来')) && SOUND_SLEEP.test(plain) && !SOMETHING_WRONG.test(plain)
}

// 有自杀史的重点人员 · 有轻生倾向记录者3户: a category on a staff roster, not someone in danger now.
const ROSTER_AFTER = /^(?:史|倾向|记录|风险|高危)[^,.!?]{0,8}?(?:人员|者|户|对象|名单|群体|人群)/

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

// 我的猫像不想活了一样 · 水龙头像喘不上气一样: a likeness (the sign's word may end a character or two short of 一样).
const LIKE_BEFORE = /像[^,.!?\s]{0,2}$/
const LIKE_AFTER = /^[^,.!?\s]{0,2}(?:一样|似的)/

// 医生讲是高热惊厥: a doctor's name for what happened is a diagnosis, given once it was seen to.
const DIAGNOSED_BEFORE = /(?:医生|大夫|医院)(?:说|讲|诊断)(?:是|为|这是)?[^,.!?\s]{0,3}$/

// 吓得我以为抽了 后来晓得是发冷: what the writer took it for, not what it was; 以为他睡着了 结果叫不醒 finds out.
const MISTAKEN = /以为(?![^以]*(?:结果|其实|原来|才发现|没想到|谁知))[^以]*$/

function isMistaken(clauseBefore: string): boolean {
  return clauseBefore.includes('以为') && MISTAKEN.test(clauseBefore)
}

function isLikeness(plain: string, hit: LexiconHit): boolean {
  return LIKE_BEFORE.test(plain.slice(Math.max(0, hit.start - 3), hit.start)) && LIKE_AFTER.test(plain.slice(hit.end, hit.end + 4))
}

function isToldOfThePast(plain: string, hit: LexiconHit, clauseStart: number, longAgoNamed: boolean): boolean {
  const before = plain.slice(clauseStart, hit.start)
  let past = -1
  let longAgo = false
  for (const match of matchesOf(PAST, before)) {
    past = match.index + match[0].length
    longAgo = LONG_AGO.test(match[0])
  }
  if (past < 0) return longAgoNamed && isLongAgoInTheSentence(plain, hit, clauseStart)
  if (NOW.test(before.slice(past))) return false
  return longAgo || NOW.test(plain.slice(hit.end, hit.end + SENTENCE_REACH))
}

// 前年阳的时候我烧到四十度，嘴唇发紫，那滋味…: a year named earlier in the sentence, nothing recent
// between, and the sign told as over after it. 我爸去年做了支架，胸口疼得厉害 is history, then now.
const SENTENCE_BACK = 40
const RECENT = /现在|今天|今早|今晚|目前|如今|刚|这会|突然|昨|早上|晚上|半夜|凌晨|这两天|这几天|一直|还|又|也这样/
const TOLD_AS_OVER = /那滋味|那次|那时|那会|那几天|那阵子|当时|后来|过去了|不想再|保重/
const OVER_REACH = 30

function isLongAgoInTheSentence(plain: string, hit: LexiconHit, clauseStart: number): boolean {
  const before = plain.slice(sentenceStart(plain, clauseStart, SENTENCE_BACK), hit.start)
  let longAgo = -1
  for (const match of matchesOf(PAST, before)) if (LONG_AGO.test(match[0])) longAgo = match.index + match[0].length
  return longAgo >= 0 && !RECENT.test(before.slice(longAgo)) && TOLD_AS_OVER.test(plain.slice(hit.end, hit.end + OVER_REACH))
}

function isReference(plain: string, hit: LexiconHit): boolean {
  // 那位喘不上气的: the sign's last word may lie outside the hit.
  const after = plain.slice(hit.end, hit.end + 8)
  return NAMED_BY_THE_SIGN.test(after) || NAMED_AFTER_THE_SIGN.test(after) || (REFERENCE_BEFORE.test(plain.slice(Math.max(0, hit.start - 6), hit.start)) && REFERENCE_AFTER.test(after))
}

// 想不开的居民可以拨打 · 胸口疼的人请及时就医: whoever has the sign, told what to do; nobody has it now.
const AUDIENCE_AFTER = /^[^\s,.!?]?的(?:居民|人|朋友|家属|患者|病人|老人|业主)(?:可以|请|要|应|需|务必|一定|都可以)/

function isAddressedToWhoeverHasIt(plain: string, hit: LexiconHit): boolean {
  return AUDIENCE_AFTER.test(plain.slice(hit.end, hit.end + 10))
}
