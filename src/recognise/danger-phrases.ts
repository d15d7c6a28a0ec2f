import type { CueKind } from './cues.js'
import type { LexiconHit } from './features.js'

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
const GAP = '[^,.!?;\\n不没无未别]{0,4}?'
const SHORT_GAP = '[^,.!?;\\n不没无未别]{0,2}?'
// 左胸一阵一阵的痛: pain is told with more words between.
const LONG_GAP = '[^,.!?;\\n不没无未别]{0,6}?'

// Who is called and does not answer: a person, never 物业 or a door (敲门没反应 is a neighbour out).
const CALLED = '(?:叫|喊|拍|摇|唤|叫唤)(?:了|着)?(?:他|她|老人|老人家|孩子|宝宝|我妈|我爸|妈|爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|老伴|老公|老婆|媳妇)'
const NO_ANSWER = '(?:不醒|没反应|没有反应|没啥反应|不应|不答应|不回应|没回应|没动静|没有动静|不睁眼)'

interface DangerPhrase {
  readonly sign: string
  readonly cue: Extract<CueKind, 'emergency' | 'emergencyWithFever' | 'cannotRise'>
  readonly pattern: RegExp
}

const phrase = (sign: string, cue: DangerPhrase['cue'], source: string): DangerPhrase => ({ sign, cue, pattern: new RegExp(source, 'g') })

export const DANGER_PHRASES: readonly DangerPhrase[] = [
  phrase('breathing', 'emergency', `(?:喘|呼吸|出气|吸气|喘气)${GAP}(?:不上|不过来|不过气|不来|不动|不匀|不进|费劲|费力|吃力|困难|急促|很急|好急|不畅|微弱|很弱|停了|没了|衰竭|窘迫|得说不|得不行|得要命|得厉害|得很厉害)`),
  phrase('breathing', 'emergency', `(?:上不来|接不上|喘不匀|透不过|吸不进|喘不上|提不上|倒不过|缓不过)${SHORT_GAP}气|气${SHORT_GAP}(?:上不来|接不上|喘不匀|透不过来|吸不进|不够用了)`),
  phrase('breathing', 'emergency', '憋气|憋得(?:喘|上不来|透不过|脸)|憋醒'),
  phrase('chest pain', 'emergency', `(?:胸口|胸部|胸前|前胸|左胸|心口|心窝|心前区)${LONG_GAP}(?:痛|疼|绞|压着|压得|像压|揪着|刺痛|撕裂)`),
  phrase('unresponsive', 'emergency', `${CALLED}(?:了|着|也|都|几声|好几声|半天|几下|好几下|好久){0,3}${NO_ANSWER}`),
  phrase('unresponsive', 'emergency', '(?:人|他|她|老人|我妈|我爸|孩子|宝宝)(?:已经|完全|突然|一下子)?(?:没知觉|没有知觉|没意识|没有意识|不省人事|没反应了|没有反应了)'),
  phrase('confused', 'emergency', `胡言乱语|意识${SHORT_GAP}(?:不清|模糊|丧失|没了|不太清)|(?:不认识|认不得)(?:我了|家里人|家人|亲人)|认不出(?:我|人|家里人|家人)`),
  phrase('fainted', 'emergency', `(?:昏|晕)(?:死|了)?过去|(?:昏|晕)倒在|(?:昏|晕)在地上`),
  phrase('lips', 'emergency', `(?:嘴唇|嘴巴|口唇|唇色|嘴)${SHORT_GAP}(?:发紫|紫了|紫色|青紫|紫紫|乌紫|发乌|乌青|发青|青了|发黑|发绀)`),
  phrase('face', 'emergency', `(?:脸色|面色|脸)${SHORT_GAP}(?:发紫|紫了|青紫|乌紫|发绀)`),
  phrase('bleeding', 'emergency', `血(?![压糖氧脂常型检])${GAP}(?:止不住|不止|一直流|一直在流|一直往外|往外冒|往外涌|往外喷|喷出|哗哗|流个不停|流了一地|流一地|一大滩|一大摊|湿透|浸透)`),
  phrase('bleeding', 'emergency', `(?:流|出|淌|吐|喷)了?(?:很多|好多|大量|一大堆|一地|一大滩|一大摊|一滩|满地|一大口|大口|一盆)的?血|(?:止不住|止不了)(?:的)?血`),
  phrase('seizure', 'emergency', '口吐白沫|吐白沫|(?:眼睛|眼球|两眼|双眼)(?:往上|向上)?(?:上翻|翻白)|牙关(?:紧|咬)'),
  phrase('seizure', 'emergencyWithFever', `(?:全身|浑身|四肢|手脚|胳膊腿|身子)${SHORT_GAP}(?:抽|僵直|发硬|挺直)|抽过去|抽起来了|抽个不停|一直抽|又抽了|突然抽|抽了好几下`),
  phrase('self-harm', 'emergency', '不活了|活够了|寻死|自尽|自残|伤害自己|了结自己|结束自己|交代后事|不想拖累|(?:安眠药|农药|老鼠药)(?:都)?(?:吞|喝|吃)(?:了|下去)|(?:吞|喝|吃)了(?:一把|一瓶|半瓶)(?:安眠药|药)'),
  phrase('self-harm', 'emergency', `(?:楼顶|天台|窗台|阳台边|河边|桥上)${GAP}(?:跳下去|往下跳|要跳|想跳|不想活|站着不下来)`),
  phrase('cannot rise', 'cannotRise', '(?:躺|瘫|趴)在?地上|起不起来|没法起来|爬不起|起不了身'),
]

/** Danger signs said in the words of DANGER_PHRASES, as cue hits in text order. */
export function findDangerPhrases(plain: string): LexiconHit[] {
  const hits: LexiconHit[] = []
  for (const { cue, pattern } of DANGER_PHRASES) {
    pattern.lastIndex = 0
    for (let match = pattern.exec(plain); match !== null; match = pattern.exec(plain)) {
      hits.push({ start: match.index, end: match.index + match[0].length, word: match[0], value: { source: 'cue', cue } })
    }
  }
  return hits
}
