import { cueCount, type Features } from './features.js'

/** Everything the kind rules weigh, counted once per message. */
export interface KindSignals {
  readonly features: Features
  readonly plain: string
  readonly emergency: boolean
  /** Heaviest topic of any category, and the strongest ask and problem among topical ones. */
  readonly topic: number
  readonly handlerAsk: number
  readonly handlerProblem: number
  /** Fever symptoms are described (one strong word, or two for `strongFever`). */
  readonly fever: boolean
  readonly strongFever: boolean
  readonly ask: number
  readonly need: number
  readonly plea: number
  readonly complaint: number
  readonly atRisk: number
  readonly question: boolean
  /** 可以帮忙送药吗: asking others to help, which reads like an offer word by word. */
  readonly asksOthersToHelp: boolean
  readonly advert: number
  readonly offer: number
  readonly offerSelf: number
  readonly forward: number
  readonly notice: number
}

// 可以帮忙送药吗: a question asking others to help, not an offer.
const ASKS_OTHERS_TO_HELP = /(?<!我)(?:能|可以|可不可以|能不能)(?:帮忙|帮我|帮一下|帮).{0,14}(?:吗|么|\?)/
const QUESTION = /\?|吗|(?<![那这什怎多])么|伐|咩|请问|怎么办|咋办|要不要|能不能|多久|什么时候|啥时候|几点|怎么回事|咋回事|为什么|为啥|点解/
// 来3栋拿 · 过来取: come and take it.
const COME_AND_TAKE = /来.{0,6}[拿取打搬接领]|上门自取/
// 谁家孩子需要退热贴的，我这有: who needs it, I have it.
const WHO_NEEDS_I_HAVE = /(?:谁|哪位|哪家|有).{0,12}(?:需要|缺).{0,10}[的,].{0,3}我/
// 还有两盒 · 有一箱: having a count of something, the start of most offers (not 只有一盒).
const HAVE_SOME = /(?<![只就才])(?:还有|有)\s*[0-9一二两三四五六七八九十几]+\s*(?:盒|箱|瓶|桶|包|台|支|板|袋)/
// 科普: … · 转发: …: a message that opens by saying it is forwarded.
const FORWARD_OPENING = /^\s*(?:【\s*)?(?:转发|转自|科普|转|健康提醒|专家提醒)\s*[:】]/
// 我是社区卫生站的刘医生: a professional introducing themselves to offer advice.
const PROFESSIONAL_SELF = /(?:我是|本人是?)[^,.!?]{0,10}(?:医生|大夫|护士|药剂师|药师|志愿者|电工|水电工|师傅)/
// 停水三天了: how long it has gone on.
const DURATION = /[0-9一二两三四五六七八九十几]+\s*(?:天|个小时|小时|个星期|星期|周)(?:了|没)/

export function readKindSignals(features: Features, emergency: boolean): KindSignals {
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
  return {
    features,
    plain,
    emergency,
    topic,
    handlerAsk,
    handlerProblem,
    fever,
    strongFever,
    ask: cueCount(features, 'ask'),
    need: cueCount(features, 'need'),
    plea: cueCount(features, 'plea'),
    complaint: cueCount(features, 'complaint') + (DURATION.test(plain) ? 1 : 0),
    atRisk: cueCount(features, 'elderly') + cueCount(features, 'child') + cueCount(features, 'baby') + cueCount(features, 'pregnant') + cueCount(features, 'disease'),
    question: QUESTION.test(plain),
    asksOthersToHelp: ASKS_OTHERS_TO_HELP.test(plain),
    advert: cueCount(features, 'advert'),
    offer: cueCount(features, 'offer') + 2 * cueCount(features, 'offerStrong') + (COME_AND_TAKE.test(plain) ? 2 : 0) + (WHO_NEEDS_I_HAVE.test(plain) ? 2 : 0),
    offerSelf: cueCount(features, 'offerSelf') + (PROFESSIONAL_SELF.test(plain) ? 1 : 0) + (HAVE_SOME.test(plain) ? 1 : 0),
    forward: cueCount(features, 'forward') + (features.text.marks.links > 0 ? 1 : 0) + (FORWARD_OPENING.test(plain) ? 1 : 0),
    notice: cueCount(features, 'notice') + (features.text.marks.mentionsAll ? 1 : 0),
  }
}
