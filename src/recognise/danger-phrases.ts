import type { CueKind } from './cues.js'
import type { LexiconHit } from './features.js'
import { fixedWords, splitAlternatives } from './regex-words.js'

/**
 * Danger signs said as a body part and what is wrong with it, a few words apart: 嘴唇有点发紫,
 * 呼吸越来越费劲, 喊她好几声都没反应, 血一直往外冒. The word lists in cues.ts hold fixed phrases;
 * people in a hurry put the words together in more ways than any list holds, and a missed
 * emergency is the one mistake the contract allows none of. The hits are read like listed cues,
 * so negation (没有呼吸困难), hypotheticals (万一喘不上气) and recoveries apply to them too.
 *
 * Each gap stays within a clause and a few characters, so the cost is linear in the text.
 */
// No negation inside a gap: 呼吸不困难, 胸口不疼.
const GAP = '[^,.!?;\\n不没无未]{0,4}?'
const SHORT_GAP = '[^,.!?;\\n不没无未]{0,2}?'
// 左胸一阵一阵的痛: pain is told with more words between.
const LONG_GAP = '[^,.!?;\\n不没无未]{0,6}?'
// 鼻血流了半个多小时了 止不住: bleeding is told at length before how bad it is.
// 跟大出血似的 止不住 (of a burst pipe): a likeness, not bleeding.
const BLEEDING_GAP = '[^,.!?;\\n不没无未似]{0,10}?'

// Who is called or shaken and does not answer: a person, never 物业 or a door (敲门没反应 is a neighbour out).
const CALLED = '(?:叫|喊|拍|摇|推|唤|叫唤|掐|捏)(?:了|着)?(?:他|她|伊|佢|老人|老人家|孩子|宝宝|我妈|我爸|妈|爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|老伴|老公|老婆|媳妇|人)'
const NO_ANSWER = '(?:不醒|没反应|没有反应|没反映|没有反映|不吱声|不出声|毋应|无应|勿响|不抬头|没啥反应|不应|不答应|不怎么答应|不回应|没回应|没动静|没有动静|不睁眼|都不睁|也不睁|只会啊|不吭气|不吭声|勿应|呒没反应|没得反应|不(?:太|怎么)(?:搭理|理人|应|答应|回应)|就哼一声|只会哼|只哼哼|光哼哼|不理人|不搭理|睁不开|不行)'
const PERSON_OR_AGAIN = '(?:了|着|也|都|几声|好几声|半天|几下|好几下|好久|他|她|伊|佢|名字|眼睛|脸|脸蛋|胳膊|肩膀|手){0,4}'

interface DangerPhrase {
  /** Which of the contract's signs it is, for the reader: a hit reports its cue and its words. */
  readonly sign: string
  readonly cue: Extract<CueKind, 'emergency' | 'selfHarm' | 'emergencyWithFever' | 'cannotRise'>
  /** A regular expression's source; the phrases of one cue are compiled together below. */
  readonly source: string
}

const phrase = (sign: string, cue: DangerPhrase['cue'], source: string): DangerPhrase => ({ sign, cue, source })

// A lookbehind is written after the first characters it guards (窒息(?<![快要]窒息)), not before them:
// in front it is tried at every position of every message.
const DANGER_PHRASES: readonly DangerPhrase[] = [
  phrase('breathing', 'emergency', `(?:喘|穿|呼吸|出气|吸气|喘气|透气|气短|气急|气促)${GAP}(?:不上|不过来|不过气|不来|不动|不匀|不进|不赢|勿过|唔到|唔过|袂过|袂上|袂来|一阵有一阵没|时有时无|断断续续|一停一停|费劲|费力|吃力|困难|困南|困滩|急促|很急|好急|不畅|微弱|很弱|很浅|好浅|特别浅|越来越浅|停了|没了|衰竭|窘迫|得说不|得讲不|得不行|得要命|得厉害|得很厉害|得凶|得特别快|得很快|得好快|得坐|得躺不|得睡不|不了气|(?:特别|非常|太|超|贼|越来越)(?:急|快|费劲|吃力|困难)|得肚子|到说不|到讲不|到講唔|到讲唔|拉风箱(?:似的|一样)?|真紧)`),
  phrase('breathing', 'emergency', `(?:上不来|接不上|喘不匀|透不过|透勿过|吸不进|进不去|穿不上|喘不上|倒不过|缓不过|唞唔到|抖唔到|透唔到)${SHORT_GAP}气|气${SHORT_GAP}(?:上不来|接不上|提不上|出不来|出不赢|喘不匀|透不过来|透勿过|吸不进|进不去|不够用了)|一口一口接不上|说半句(?:话)?就|说(?:两|几|一)句话就(?:得)?(?:停|喘)|话都说不完整|窒息(?<![快要]窒息)|鼻翼扇动|张着嘴喘|大口吸气|喘成这样|喘个不停|坐着(?:都|也)(?:在)?喘|躺不下|躺不平|(?:一躺下?|躺下(?:去)?就)憋|换(?:\\d|两|三|几)(?:\\d|两|三|四)?口气|一吸一个坑|咝咝响|(?:喉咙|嗓子)(?:里|眼)?呼噜呼噜|肩膀一耸|哮喘${LONG_GAP}(?:说不出话|喷了也|不管用|没用)`),
  phrase('breathing', 'emergency', '(?:在|直|一直|开始|光|地|的)倒气|倒气声|吸不进去|吸不上来|(?:嘴巴|嘴)一张一张|(?:鼻子|鼻翼|鼻孔)一张一张|一句话(?:分|要|得)(?:两|三|几|好几)(?:次|口|回)|一说话就喘|肚子一鼓一鼓|憋气(?!死)|憋得(?:喘|上不来|透不过|小脸|脸|说不出话|讲不出话)|憋醒|(?:肋骨|肋间|锁骨|胸口|胸骨|心口窝)[^,.!?;\\n]{0,6}?(?:往里凹|凹进|凹下|陷进|陷下|一个坑|坑)'),
  phrase('chest pain', 'emergency', `(?:胸口|凶口|兄口|心肝头|胸坎|胸部|胸前|前胸|左胸|胸骨|心口|心窝|心前区|心脏(?!病|不好|支架|搭桥|科))(?<!咳[得的][^,.!?;\\n]{2,3})${LONG_GAP}(?:痛|疼|绞|压着|压得|像压|揪着|攥着|压住|刺痛|针扎|刀割|刀剜|撕裂|烧着|火烧|踩住|踩着|闷得(?:慌|厉害|不行|要命|受不了|喘|透不)|像(?:压|堵|坠)了)(?:似的|一样)?|胸闷得(?:慌|厉害|不行|要命|受不了|喘|透不)|捂着胸口|捂住胸口|捂胸口|指着?心口`),
  phrase('unresponsive', 'emergency', `${CALLED}${PERSON_OR_AGAIN}${NO_ANSWER}|(?:怎么|咋)(?:叫|喊|拍|摇|推)(?:都|也)${NO_ANSWER}|(?:叫|喊|拍|摇)(?<![门话业][叫喊拍摇])(?:了)?(?:半天|好久|几声|好几声|好几遍|好几下)(?:就是|还是|都|也)?${NO_ANSWER}|[叫喊摇拍推弄交较]不醒|[叫喊困]勿醒|(?:半天|一下午|一上午|一晚上|好几个小时)(?:都)?没(?:动|动过)|[叫喊]不答应|[叫喊]极都唔醒|唔醒|人(?:叫|喊)(?:也|都)?${NO_ANSWER}`),
  phrase('unresponsive', 'emergency', '(?:人|他|她|老人|我妈|我爸|孩子|宝宝)(?:已经|完全|突然|一下子)?(?:没知觉|没有知觉|没意识|不省人事|没反应了|没有反应了)|头一歪|脑袋一歪|(?:躺|倒|趴)[^,.!?\\n]{0,8}?一动不动|哭了(?:一|两)声就不哭|眼珠子?(?:不动|不转|定住)|眼睛都不睁|眼都不睁|突然就不说话了|眼睛也不看人|眼睛直直|眼睛发直|两眼直|晕低|没心跳|摸不到脉|脉搏摸不到|人没气了|(?:喂奶|捏脚心|掐)(?:也|都)(?:不醒|不哭|没反应)|(?:突然)?不会说话了|嘴歪|口角歪|嘴角歪|(?:人|他|她|老人|我爸|我妈|奶奶|爷爷|外婆|外公|姥姥|姥爷|老伴)(?:好像|快|怕是|眼看)?不行了'),
  phrase('stroke', 'emergency', `(?:[左右](?:手|胳膊)[左右]?(?:脚|腿)|[左右]边(?:身子|身体|手脚|脸)|半边(?:身子|身体|脸|手脚)|半身|一侧(?:身体|肢体|手脚|脸)|一边脸)${GAP}(?:动不了|不能动|没劲|没力|无力|没知觉|发麻|麻了|麻木|不听使唤|抬不起|耷拉|歪|塌|垮)|(?:突然|一下子|忽然)(?:就)?(?:说不出话|说不了话|讲不出话)|说话大舌头|(?:嘴|脸)${SHORT_GAP}(?:歪到一边|往一边歪|歪向|耷拉下来)|嘴(?:巴)?(?:也|都)歪了`),
  phrase('confused', 'emergency', `胡言乱语|问(?:啥|什么|她|他|话)(?:都|也)不(?:回答|答|吭声|说话)|傻愣愣|说(?:一些|些)?听不懂的话|嘟囔(?:着)?听不懂|(?:厕所|家门|自己家|卧室)在哪(?:都|也)?(?:找不到|不知道|认不得)|眼睛${LONG_GAP}不看(?:人|我)|人(?:都|也)?不(?:太)?清醒|问(?:话|她|他)${SHORT_GAP}(?:也|都)?答不上|意识${SHORT_GAP}(?:不清|模糊|丧失|没了|不太清)|没有意识(?!不清|模糊|障碍)|(?:不认识|认不得|认唔到|认不出)(?:我了|人|家里人|家人|亲人|我|我们)|糊里糊涂|颠三倒四|答非所问|迷迷瞪瞪|一阵明白一阵糊涂|一阵清楚一阵糊涂|不知道自己在哪|嗜睡得厉害|昏睡不醒|(?:话|说话)都说不清|说话含糊|把我当成|(?:婚|昏)过去|婚倒`),
  phrase('fainted', 'emergency', `(?:我妈|我爸|我老公|我老婆|我爱人|老人|奶奶|爷爷|外婆|外公|姥姥|姥爷|老伴|孩子|我爹|我娘)(?:突然|一下子)?(?:就)?倒(?:了|下了|地上)(?![水杯一垃茶])|发现${LONG_GAP}(?:躺|倒|趴)在地|眼前(?:一黑|发黑)${LONG_GAP}(?:倒|晕|栽)|(?:我妈|我爸|我老公|我老婆|我爱人|老人|奶奶|爷爷|外婆|外公|姥姥|姥爷|老伴|孩子)(?:突然|一下子)?晕了|(?:昏|晕)(?:死|了)?过去|(?:昏|晕)倒在|(?:昏|晕)在地上`),
  phrase('lips', 'emergency', `(?:嘴唇|嘴皮|嘴巴|口唇|唇色|咀唇|喙唇|嘴)${LONG_GAP}(?:紫(?!薯|菜|药水|外|苏)|发青|青了|青的|乌|发黑|黑|发绀|发蓝|蓝了|瘀|发子|茄子|青(?![春菜岛年椒]))|紫得发黑|(?:指甲|甲床)${SHORT_GAP}(?:发紫|青紫|发绀|发青)`),
  phrase('face', 'emergency', `(?:脸色|面色|面孔|脸|面)${LONG_GAP}(?:发紫|紫了|青紫|乌紫|灰紫|紫紫|发绀|发青|青青)`),
  phrase('bleeding', 'emergency', `(?:血(?![压糖氧脂常型检丝])|流雪|出雪)${BLEEDING_GAP}(?:止不住|止唔住|止勿牢|止不牢|止勿住|流唔停|一直喷|一直淌|按不住|压不住|捂不住|压着也没用|按着也没用|红透|不止|停不下|一直流|一直在流|还在流|还在冒|还在渗|一直往外|往外冒|往外涌|往外喷|往外渗|往下淌|喷出|哗哗|流个不停|標|飙|止唔到|停勿下|一滩|水龙头|全染红|(?:床单|裤子|被子|褥子|衣服)(?:都|全)?(?:湿|红)|(?:大|小)?半碗|一碗|一盆|流了一地|流一地|(?:满地|到处|一地|满身|满脸|满手|一身)都是|一大滩|一大摊|湿透|浸透|染红|全红)`),
  phrase('bleeding', 'emergency', `(?:流|出|淌|吐|喷|咳|呕|拉|便|尿)了?(?:很多|好多|大量|一大堆|一地|一大滩|一大摊|一滩|满地|一大口|大口|一盆|半盆|一马桶|一碗|半碗|一大碗)的?血|血流了(?:快|将近|差不多|有)?(?:一|半|两|1|2)个(?:多)?(?:小时|钟头|钟)|(?:成地|满地|一地)(?:都)?(?:系|是)血|(?:脸盆|盆|碗|地上|床上|地板|马桶)(?:里|上)?(?:都|全|好多|很多)(?:是)?血|(?:流|出)血(?:流|出)了(?:个把|一个|半个|两个|1个|2个)(?:多)?(?:钟头|小时)|一口一口(?:地|的)?(?:往外)?(?:吐|咳|冒)|(?:止不住|止不了)(?:的)?血|出血(?:好多|很多|不少|厉害|止不住|不止)|大口大口(?:地|的)?(?:咳|吐)|(?:一直|还在|不停地?|止不住地?)(?:往外)?(?:流|冒|渗|淌|喷)血|纱布全红|毛巾都湿透|(?:满身|满脸|浑身|一身|满手|满地)(?:都)?是血|血肉模糊|一直滴血|全是血|一大口一大口|小半碗|流了老半天`),
  phrase('seizure', 'emergency', `口吐白沫|吐白沫|(?:嘴|口)${SHORT_GAP}白沫|(?:目睭|眼睛|眼珠子?|眼)吊(?:起来|上去)|舌头(?:都)?咬(?:破|出血)|抽上了|(?:在|咧|一直|都在)搐|(?:眼睛|眼球|眼珠子?|眼仁|两眼|俩眼|双眼)(?:往上|向上)?(?:上翻|翻白|往上翻|向上翻)|牙关(?:紧|咬)|羊角风|羊癫疯|羊羔疯|癫痫(?:又|发作|犯)|还在抽|突然抽起来|又开始抽|抽了(?:\\d+|[一两三四五六七八九十几半]|好几|一两|两三)分(?:多)?钟|掐人中|眼反白|翻上去|癫痫${LONG_GAP}(?:犯|发作)|(?:一直|还)在抽|抽${GAP}停不下来|(?:宝宝|孩子|娃|小孩|儿子|女儿|闺女|孙子|孙女|外孙女?|小宝|bb)[^,.!?;\\n不没无未腿脚嗝哭]{0,4}?(?:抽筋|抽风|抽搐|抽抽|抽起来|一抽一抽|发硬|僵直|僵硬|在抽(?![烟水血奖签]))`),
  phrase('seizure', 'emergencyWithFever', `(?:全身|浑身|四肢|手脚|胳膊腿|身子)${LONG_GAP}(?:抽|搐|僵直|僵硬|发硬|挺直)|抽过去|抽起来了|抽个不停|一直抽|又抽了|突然抽|抽了好几下|抖了一分钟|一顿一顿|一抖一抖|扯晒筋|扯虾筋|扯筋|硬邦邦|抽出了`),
  phrase('poisoning', 'emergency', '误(?:服|喝|吞|食)|(?:喝|吃|吞)了?(?:农药|老鼠药|敌敌畏|百草枯|消毒液|洗洁精)|(?:煤气|一氧化碳|燃气)中毒|噎住|气管(?:里)?(?:卡|堵|进)'),
  phrase('self-harm', 'selfHarm', `不活了|寻死|自尽|自残|伤害自己|了结(?:了)?自己|(?:我|就|要|想|今晚|今天|明天)去死|最后一次(?:在群里)?(?:说话|发言|发消息)|结束自己|交代后事|不想拖累|(?:安眠药|农药|老鼠药)(?:都)?(?:吞|喝|吃)(?:了|下去)|(?:吞|喝|吃)了(?:一把|一瓶|半瓶)(?:安眠药|药)|(?:吃|吞|喝)(?:了|下)?(?:一整|整整一|整)(?:板|瓶|盒)|药${GAP}攒(?:够|齐|好|了)|攒(?:够|齐|好|了)?${GAP}安眠药|想(?:着)?(?:怎么)?结束这一切|活着(?:就是|只是|就)?(?:拖累|累赘|多余)|不如消失|(?:死|走)(?:了|忒|掉)(?:就好|大家都省心|你们都省心)|走了(?:大家|你们|家里)(?:都)?省心|活着就是给[^,.!?\\n]{0,4}?添麻烦|攒的(?:药|安眠药)|攒够了|睡过去(?:就)?不(?:再)?醒|(?:唔想|不想|毋想)再(?:捱|熬|过)|捱唔落去|(?:唔好|不要|别)再醒|(?:一堆|一大堆|好多)安眠药|(?:准备|想|要)去找(?:我)?(?:老伴|你爸|你妈|老头子|老太婆)|拿刀(?:要)?(?:划|割)|消失算了|想消失|从这个世界消失|(?:存折|存款|银行卡|密码|钥匙)[^\\n]{0,12}?(?:放在|写在|留在|压在)[^\\n]{0,16}?(?:以后|走了|别找|照顾好|保重)|(?<!得)想死(?![你您他她]|的心)|(?:手腕|胳膊|手臂)${GAP}(?:划|割|切)|拿(?:着)?(?:小刀|刀片)${LONG_GAP}(?:划|割)|说?拿了?刀${LONG_GAP}别管|把自己(?:关|锁)在[^\\n]{0,12}?刀|(?:栏杆|护栏|窗户|窗台|窗)(?:外面|外边|外头)|腿悬空|(?:划|割)(?:了)?(?:自己|手腕)|活(?:着|起|得)?${SHORT_GAP}没得?(?:意思|劲|盼头)|唔想(?:再)?(?:生存|活)|活唔落去|生存落去|不想(?:再)?生存|(?:吃了|死了|走了)就解脱|把(?:药|安眠药)(?:都|全)(?:吃|吞)|(?:米|油|首饰|镯子|存折|存款)[^\\n]{0,20}?以后(?:就|也|都)?用不(?:着|上)了|想(?:着)?(?:跟|和)(?:她|他)(?:一块|一起)?(?:去|走)|(?:把)?煤气(?:打开|开着|开了)|开煤气|(?:吃|吞)了(?:好多|很多|一堆|一大把)(?:安眠药|药片)`),
  phrase('self-harm', 'selfHarm', `(?:楼顶|天台|窗台|阳台边|河边|桥上)${LONG_GAP}(?:跳下去|跳落去|往下跳|要跳|想跳|不想活|站着不下来|不想下去)`),
  phrase('ambulance', 'emergency', '快(?:叫|打)(?:个)?(?:救护车|120)|(?:帮忙|帮我)(?:叫|打)(?:个)?(?:救护车|120)'),
  phrase('cannot rise', 'emergency', `(?:坐|躺|瘫|趴)(?:在)?(?:地上|地板上|地下)(?:半天|一夜|一晚上|好久|好几个小时)|(?:(?:坐|躺|瘫|趴)(?:在)?(?:地上|地板上|地下|厕所|卫生间)|(?:人|他|她|我爹|我爸|我妈|我娘|老人|奶奶|爷爷|外婆|外公|姥姥|姥爷|老伴)倒(?:了|下了|下去了|在地上了?|地上了?))${GAP}(?:起不来|爬不起|站不起|扶不起|动不了)`),
  phrase('cannot rise', 'cannotRise', '(?:躺|瘫|趴)在?(?:地上|地板上)|起不起来|没法起来|爬不起|爬勿起|起勿来|起唔到|起唔返|起唔番|企唔返|企唔起|企唔到|爬毋起|起毋来|企毋起|拉不起|扶不起|抱不起|不能站|站不了|起袂来|扶袂起|爬不出来|拽不动|拽不起|起不了身|搬唔郁|不敢动|抬不起|(?:扶|拉|抱|搬|抬|弄)(?:也|都)?(?:扶|拉|抱|搬|抬|弄)?不(?:起来|动)|起不来身|喊救命|后脑勺着地|(?:腿|胯|髋|大腿|股骨|腰)(?:好像|可能|怕是)?(?:断了|骨折|折了)|一碰就(?:叫|喊|疼得)'),
]

type DangerCue = DangerPhrase['cue']

// The alternatives that are a few fixed words (捂着胸口, (?:叫|喊)不醒) go to the word matcher with the
// cue lists, which finds them all in one pass; each alternative kept as a pattern is tried at every
// position of every message. What stays is one pattern per cue: where two signs of one cue overlap,
// the first is kept, and either makes the same emergency.
const WORDS: { readonly word: string; readonly cue: DangerCue }[] = []
const PATTERNS = new Map<DangerCue, string[]>()
for (const { cue, source } of DANGER_PHRASES) {
  for (const alternative of splitAlternatives(source)) {
    const words = fixedWords(alternative)
    if (words) for (const word of words) WORDS.push({ word, cue })
    else PATTERNS.set(cue, [...(PATTERNS.get(cue) ?? []), alternative])
  }
}
const BY_CUE: readonly { readonly cue: DangerCue; readonly pattern: RegExp }[] = [...PATTERNS].map(([cue, alternatives]) => ({
  cue,
  pattern: new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), 'g'),
}))

/** The danger phrases that are fixed words, for the word matcher (lexicon.ts) to find as cue words. */
export const DANGER_WORDS: readonly { readonly word: string; readonly cue: DangerCue }[] = WORDS

/** Danger signs said in the patterned words of DANGER_PHRASES, as cue hits (DANGER_WORDS are found with the lexicon). */
export function findDangerPhrases(plain: string): LexiconHit[] {
  const hits: LexiconHit[] = []
  for (const { cue, pattern } of BY_CUE) {
    pattern.lastIndex = 0
    for (let match = pattern.exec(plain); match !== null; match = pattern.exec(plain)) {
      hits.push({ start: match.index, end: match.index + match[0].length, word: match[0], value: { source: 'cue', cue } })
    }
  }
  return hits
}
