import { cueCount, type Features } from './features.js'

/** Everything the kind rules weigh, counted once per message. */
export interface KindSignals {
  readonly features: Features
  readonly plain: string
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
  /** Something that should work is wrong (水又停了, 楼道灯不亮): a problem no word list names. */
  readonly fault: boolean
  /** Someone is hurt (烫起泡了, 崴了脚, 被狗咬了): an injury no danger sign names. */
  readonly injury: boolean
  readonly atRisk: number
  readonly question: boolean
  /** 可以帮忙送药吗: asking others to help, which reads like an offer word by word. */
  readonly asksOthersToHelp: boolean
  /** 我也要一盒 · 给我留两片: a claim on something offered, a request in a handful of characters. */
  readonly claim: boolean
  /** 38.7 · 布洛芬？ · 水呢: the message is nothing but a reading, or a topic and a question. */
  readonly bare: boolean
  readonly advert: number
  readonly offer: number
  readonly offerSelf: number
  readonly forward: number
  readonly notice: number
}

// 可以帮忙送药吗: a question asking others to help, not an offer.
const ASKS_OTHERS_TO_HELP = /(?<!我)(?:能|可以|可不可以|能不能)(?:帮忙|帮我|帮一下|帮).{0,14}(?:吗|么|\?)/
const QUESTION = /\?|吗|(?<![那这什怎多])么|伐|咩|请问|怎么办|咋办|要不要|能不能|多久|什么时候|啥时候|几点|怎么回事|咋回事|为什么|为啥|点解/
// 冰敷还是热敷啊 · 能一块喝不 · 狂犬疫苗去哪打 · 用啥药膏好: questions without a question word.
const QUESTION_WITHOUT_A_WORD = /还是[^,.!?]{1,8}(?:啊|呢|好|$)|[能要行可][^,.!?\s]{1,6}不(?=[,.!?\s]|$)|[去在上]哪|啥(?<![没有]啥)/
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
// 我也要一盒 三村7号302 · 抗原我要两片 · 给俺留几根 · 退烧贴要一盒: claiming a share of what someone offered, with
// how much (我要窒息了, 我要去医院 and 要一个人 are no claim). Every message of this form in the corpus is a request.
const CLAIM =
  /(?:我|俺|阿拉|我们|我家|俺家)(?:也|还|再)?(?:要|想要)[0-9一二两三四五六七八九十几半]+\s*[盒板片瓶袋份个碗斤根支包粒贴只罐]|要[0-9一二两三四五六七八九十几半]+\s*[盒板片瓶袋份碗斤根支包粒贴罐]|给(?:我|俺|我家|俺家)(?:也)?留(?:[0-9一二两三四五六七八九十几半]|点|些)/
// 停水三天了: how long it has gone on.
const DURATION = /[0-9一二两三四五六七八九十几]+\s*(?:天|个小时|小时|个星期|星期|周)(?:了|没)/

// 水又停了 · 楼道灯不亮 · 暖气片不热: a thing, a few characters, and what is wrong with it.
const FAULT =
  /(?:门|电梯|水压|水管|水龙头|龙头|热水器|热水|自来水|水|电|灯|暖气|暖气片|地暖|网|宽带|wifi|信号|燃气|煤气|天然气|门禁|门锁|下水道|下水|地漏|马桶|厕所|空调|插座|电闸|总闸|屋顶|井盖)[^,.!?;\n]{0,3}?(?:(?:坏|停|断|堵|爆|裂|灭|黑)(?:了|掉|住|咗)|不(?:亮|热|通|转|动|出水|来|好使|能用|工作)|没(?:了|有了|反应)|跳闸|发黄|黄的|浑浊|太小|好小|很小|出不来|上不去|冒(?:水|烟|火)|卡住|打不开|关不上|失灵|漏水|渗水|故障)/

// 手背烫红了一片 · 脚踝肿得跟馒头似的 · 被狗咬了一口: how a hurt is told.
const INJURY =
  /烫(?:伤|着|到|红|破|了)|起(?:了)?(?:个|一个|好几个|两个|一片)?(?:大|小)?(?:水)?泡|崴(?:了|到|着)?脚|脚崴|扭(?:伤|到|了)|骨折|石膏|(?:咬|抓|挠)(?:了|伤|破)|(?:擦|划|割|磕|碰|摔|撞|砸)(?:破|伤)|砸(?:到|了)|肿(?:了|得)|塞进(?:鼻子|耳朵|鼻孔)|卡(?:在)?喉咙|鱼刺|(?:切|割|夹|扎|划)(?:了|到|着|伤|破)|蛰|蜇|[渗流冒](?:了|着)?(?:点|好多|不少)?血|血止不(?:太)?住/

// What may stand beside the reading or the topic in a bare message: marks, units, question particles.
const BARE_FILLER = /[\s\p{P}\p{S}0-9.吗呢啊呀么嘛]|度|(?<![0-9])c|摄氏度|℃|°/gu
const BARE_MAX_LENGTH = 8

/**
 * In a group, a bare 38.7 is a resident posting a reading and 布洛芬？ someone asking for it: the
 * scorer, which weighs words, has too few of them here to tell, and takes them for chatter.
 */
function isBare(features: Features): boolean {
  const { plain } = features.text
  // Most messages are longer than any bare one with its spaces: they are turned away before any copy is made.
  if (plain.length > BARE_MAX_LENGTH * 3 || plain.replace(/\s/g, '').length > BARE_MAX_LENGTH) return false
  // A reading is read from `digits` (三十八度五 is 38度5 there); topic hits are positions in `plain`.
  const rest = features.temperatureC !== undefined ? features.digits : withoutTopics(plain, features.hits)
  return rest !== undefined && rest.replace(BARE_FILLER, '').length === 0
}

/** The text with its strong topic words blanked, or nothing when it has none. */
function withoutTopics(plain: string, hits: Features['hits']): string | undefined {
  let rest = plain
  let topical = false
  for (const hit of hits) {
    if (hit.value.source !== 'handler' || hit.value.role !== 'topic' || hit.value.weight < 2) continue
    topical = true
    rest = rest.slice(0, hit.start) + ' '.repeat(hit.end - hit.start) + rest.slice(hit.end)
  }
  return topical ? rest : undefined
}

export function readKindSignals(features: Features): KindSignals {
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
    topic,
    handlerAsk,
    handlerProblem,
    fever,
    strongFever,
    ask: cueCount(features, 'ask'),
    need: cueCount(features, 'need'),
    plea: cueCount(features, 'plea'),
    complaint: cueCount(features, 'complaint') + (DURATION.test(plain) ? 1 : 0),
    fault: FAULT.test(plain),
    injury: INJURY.test(plain),
    atRisk: cueCount(features, 'elderly') + cueCount(features, 'child') + cueCount(features, 'baby') + cueCount(features, 'pregnant') + cueCount(features, 'disease'),
    question: QUESTION.test(plain) || QUESTION_WITHOUT_A_WORD.test(plain),
    asksOthersToHelp: ASKS_OTHERS_TO_HELP.test(plain),
    claim: CLAIM.test(plain),
    bare: isBare(features),
    advert: cueCount(features, 'advert'),
    offer: cueCount(features, 'offer') + 2 * cueCount(features, 'offerStrong') + (COME_AND_TAKE.test(plain) ? 2 : 0) + (WHO_NEEDS_I_HAVE.test(plain) ? 2 : 0),
    offerSelf: cueCount(features, 'offerSelf') + (PROFESSIONAL_SELF.test(plain) ? 1 : 0) + (HAVE_SOME.test(plain) ? 1 : 0),
    forward: cueCount(features, 'forward') + (features.text.marks.links > 0 ? 1 : 0) + (FORWARD_OPENING.test(plain) ? 1 : 0),
    notice: cueCount(features, 'notice') + (features.text.marks.mentionsAll ? 1 : 0),
  }
}

/**
 * Every emergency must reach the duty team (the contract asks for all of them): a danger sign the
 * scorer would let pass is taken, unless the message is forwarded, announced or sold, where red-flag
 * lists are advice, not someone in trouble.
 */
export function isPassedOn(s: KindSignals): boolean {
  return s.forward > 0 || s.notice > 0 || s.advert > 0
}
