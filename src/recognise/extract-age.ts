import { parseChineseNumeral } from './chinese-numerals.js'
import { matchesOf } from './regex-matches.js'

/**
 * The age of the person who needs help, from the digits-only form of the text: 82岁 → 82,
 * 80多岁 → 80, 7旬 → 70, a baby of 8个月 or 20天 → 0. When the writer gives their own age too
 * (我35岁，我妈70岁), the other person's wins.
 */
interface Candidate {
  readonly age: number
  readonly index: number
}

const YEARS = /(\d{1,3})\s*(?:多|几|来)?\s*(?:周)?岁/g
// 虚岁七十三: the kind of years first, then the number.
const COUNTED_YEARS = /(?:虚岁|周岁)\s*(\d{1,3})(?![\d.%度])/g
const DECADES = /([5-9])\s*旬/g
// 我爸烧到39度5 七十六了: a bare old age.
// 我七十八了 一个人住: the writer's own.
const BARE_OLD_AGE = /(?:^|[\s,.!?俺我])(\d{2})(?:多|来|好几)?了/g
// 家母七十有三: the written form is only ever an age. A lone 三 stays a character (70有三).
const TENS_AND_YEARS = /(?<!\d)([4-9])0有([1-9一二三四五六七八九])(?![\d十])/g
// 八十多的老父亲; 1801的老太太 is a room.
const AGED_PARENT = /(?<!\d)(\d{2})(?:多|来|好几)?的(?:老父亲|老母亲|老人|老爷子|老太太|老爸|老妈|父亲|母亲|老头|老太|老伴)/g
// 八十多的人了: an old age said of the person.
const OLD_PERSON = /(?<!\d)(\d{2})(?:多|来|好几)?岁?的人了/g
const BIRTHDAY = /(\d{2,3})\s*(?:大寿|寿辰)/g
// 八十出头, 八十挂零, 七十好几: an age and a little more; 心率一百出头 and 血氧九十出头 are readings.
const AGE_AND_A_BIT = /(?<!(?:心率|心跳|血氧|氧|脉搏|血压|高压|低压|血糖)\s*)(?<!\d)(\d{2})\s*(?:出头|开外|挂零|好几|大几)/g
const OLD_AGE = /(?:年过|年近|年逾|已经|都|她|他|伊|佢)\s*(\d{2,3})(?:多|来)?(?:了|岁)?(?![\d.%度华f℉])/g
// 快九十了, 奔七十的人了: nearly an old age is read as that age (心跳快 一百左右 is no age).
const NEARLY_OLD = /(?:快|奔|将近)(\d{2})(?:岁|了|的人)/g
const ELDER_NUMBER = /(?:爸|妈|娘|爹|嫫|额吉|娭毑|母亲|父亲|老母|老父|老人家|老人|奶奶|爷爷|外婆|外公|姥姥|姥爷|老伴|那口子|老倌|婆婆|公公|阿公|阿婆|阿嫲|阿爷|大爷|老太太?|老汉|老头子?|老爷子)儿?\s*(?:今年|都|已经)?\s*(\d{2,3})(?:多|来|好几)?(?=了|高龄|\s|,|$|(?:今|昨|前|早上|晚上|中午|上午|下午|半夜|夜里|最近|这两天|这几天)(?!年))/g
// 儿子今年十六 · 我今年二十八: 今年 and a number is an age at any age.
const THIS_YEAR = /今年\s*(?:虚岁|周岁)?\s*(\d{1,3})(?:多|来)?(?:了|岁)?(?![\d.%度年月号天点块元栋楼斤次级届])/g
// 吃了药好点了 七十一 还要去医院吗: an old age said on its own, not a reading.
const STANDALONE_OLD_AGE = /(?:^|[\s,.!?])(\d{2,3})(?=[\s,.!?]|$)/g
// Readings in a row (87 88 86), labels (hr 110) and addresses are not ages.
const NOT_AN_AGE_BESIDE = /血氧|氧|心率|心跳|血压|高压|低压|体温|测|量|号|栋|楼|室|显示|[a-z%]|\d\s/
// 发烧 101 is a reading in Fahrenheit; 老爸发烧了 七十五 is his age: a fever beside the number rules out only the
// numbers a Fahrenheit reading can be.
const FEVER_BESIDE = /度|烧/
const FAHRENHEIT_FROM = 95
const NAMES_AN_ELDER = /老|妈|爸|奶|爷|婆|公|姥|娘|爹/
const MONTHS = /(?:才|刚|刚满|满)?(\d{1,2})\s*个?\s*(?:多|半)?\s*月(?:大|的(?:宝|孩|娃|婴|小|bb|儿子|女儿|闺女|崽|囡)|宝宝|婴儿|娃|孩子|龄)(?![前后])/g
const BABY_THEN_MONTHS = /(?:baby|伢子|伢|宝宝|孩子|婴儿|娃|小孩|bb|新生儿|闺女|儿子|女儿|小宝|二宝|大宝|娃儿|娃娃|双胞胎|龙凤胎|老[二三四234]|小家伙|孙子|孙女|外孙女?|幺儿|囡囡|小囡|弟弟|妹妹|[我小][弟妹]|毛毛|出生|生下来|生出来)\s*(?:今年|今天|已经|好像|大概|应该|估计|差不多)?\s*(?:才|刚好|刚|刚满|满|出生|啱啱|啱|快|先得)?\s*(?:才|刚)?\s*(?:生(?:咯|了|下来|出来))?\s*(\d{1,2})\s*个?\s*(?:多|半)?\s*(?:月|号头)(?![份前后]|的时候|那会)/g
// 宝宝才5天 · 宝宝50天了 · 出生的 到今天刚好四十三天: a baby's age in days; 宝宝10天没拉 and 阳了才三天 are how long, not how old.
const DAYS = /(?:出生|生下来|生出来)的?\s*(?:到(?:今天|现在|今儿))?\s*(?:才|刚好|刚|第)?\s*(?<!\d)(\d{1,2})\s*(?:多|几|来)?\s*天|(?<!\d)(\d{1,2})\s*(?:多|几|来)?\s*天大|(?<!\d)(\d{1,2})\s*(?:多|几)?\s*天的?(?:宝|孩|娃|婴|bb|小)|(?:宝宝|婴儿|娃[儿子]?|bb|孩子|小孩|小宝|二宝|老[二三四]|崽|孙子|孙女|外孙女?|毛毛|弟弟|妹妹|[我小][妹弟])[\s,]{0,2}(?:(?:才|刚)\s*(?<!\d)(\d{1,2})\s*(?:多|几|来)?\s*天(?![前后])|(?:现在|今天|目前)?\s*(?:是|有|已经)?\s*(?<!\d)(\d{2,3})\s*(?:多|几|来)?\s*天(?=大|了|然|发烧|发热|[\s,.!?]|$))/g
// 昨天刚满一个月 said of a baby; 阳了满一个月 is how long, so only when a baby is named.
const JUST_TURNED_MONTHS = /(?:刚满|才满|刚刚满)(\d{1,2})\s*个?\s*(?:多|半)?\s*月(?![份前后])/g
const NAMES_A_BABY = /baby|伢|宝宝|婴儿|娃|bb|闺女|儿子|女儿|小宝|二宝|孩子|小孩|新生|囡|崽|毛毛|弟|妹/
// 其女(6个月): months in brackets beside a person are an age, not how long.
const BRACKETED_MONTHS = /[(（]\s*(\d{1,2})\s*个?\s*(?:多|半)?\s*月(?:大)?\s*[)）]/g
// 七周大 · 宝宝刚满六周: a baby's age in weeks, read as months.
const WEEKS_PER_MONTH = 4.35
const WEEKS = /(\d{1,2})\s*(?:周|个星期|个礼拜|weeks?)(?:大|的(?:宝|孩|娃|婴|bb)|\s*old)|(?:宝宝|婴儿|娃|bb|孩子|小宝|二宝|孙子|孙女|外孙女?|出生)\s*(?:才|刚|先至|啱啱|第)?满?\s*(\d{1,2})\s*(?:周|个星期|个礼拜|weeks?)(?=大|了?[\s,.!?]|了?$)/g
const NEWBORN = /新生儿|刚出生|出世个把月|才出世|刚出世|没满月|未满月|刚满月|满月|出生半个月|半个月大|月子里|没出月子|出生没几天|出生才几天|刚生下来|生下来才/g
// Under a year, but not a newborn: age 0 without saying how many months.
const UNDER_ONE = /半岁|不到1岁|不满1岁|满?百天|100天/g
// 正常吗 两个月 · 一个半月: a baby's months said on their own (两个月了 is how long).
const STANDALONE_MONTHS = /(?:^|[\s,.!?])(\d{1,2})\s*个?\s*(?:多|半)?\s*月(?:哒|啦)?(?=[\s,.!?]|$)/g
const TURNING_SOON = /(?:快|马上|就要)满\s*$/
const WRITER = /(?:我|本人|俺)\s*(?:今年|也|才|都)?\s*$/
// 奶奶叫不醒 我才12岁: a child writing says how young they are, not who needs help.
const CHILD_WRITER = /(?:我|俺)\s*(?:今年)?\s*才\s*$/
const CHILD_YEARS = 16

/** A baby's age in months (8个月大, 宝宝2个月); the months in 1岁3个月 belong to the years. */
function babyMonths(digits: string): Candidate[] {
  const found: Candidate[] = []
  if (WEEK_WORD.test(digits)) {
    for (const match of matchesOf(WEEKS, digits)) found.push({ age: Math.floor(Number(match[1] ?? match[2]) / WEEKS_PER_MONTH), index: match.index })
  }
  // 两个号头: months as Wu counts them.
  if (!digits.includes('月') && !digits.includes('号头')) return found
  const patterns = NAMES_A_BABY.test(digits) ? [MONTHS, BABY_THEN_MONTHS, JUST_TURNED_MONTHS, STANDALONE_MONTHS] : [MONTHS, BABY_THEN_MONTHS]
  if (digits.includes(')')) for (const match of matchesOf(BRACKETED_MONTHS, digits)) found.push({ age: Number(match[1]), index: match.index })
  for (const pattern of patterns) {
    for (const match of matchesOf(pattern, digits)) {
      if (!/岁\s*$/.test(digits.slice(Math.max(0, match.index - 2), match.index))) found.push({ age: Number(match[1]), index: match.index })
    }
  }
  return found
}

const AND_A_BIT_WORD = /出头|开外|挂零|好几|大几/
// Each numbered form needs its own word (岁, 旬, 月, 天…): a message without it skips that scan.
const WEEK_WORD = /周|星期|礼拜|week/

export function extractAge(digits: string): number | undefined {
  const found: Candidate[] = []
  if (HAS_DIGIT.test(digits)) findNumberedAges(digits, found)
  for (const match of matchesOf(NEWBORN, digits)) found.push({ age: 0, index: match.index })
  for (const match of matchesOf(UNDER_ONE, digits)) found.push({ age: 0, index: match.index })
  const plausible = found
    .filter((c) => c.age >= 0 && c.age <= 120 && !isChildWriter(digits, c))
    .sort((a, b) => a.index - b.index)
  const others = plausible.filter((c) => !WRITER.test(digits.slice(Math.max(0, c.index - 4), c.index)))
  return (others[0] ?? plausible[0])?.age
}

function isChildWriter(digits: string, candidate: Candidate): boolean {
  return candidate.age < CHILD_YEARS && CHILD_WRITER.test(digits.slice(Math.max(0, candidate.index - 5), candidate.index))
}

// Most messages have no digit: their numbered forms are not looked for.
const HAS_DIGIT = /\d/

function findNumberedAges(digits: string, found: Candidate[]): void {
  if (digits.includes('岁')) {
    for (const match of matchesOf(YEARS, digits)) {
      const at = match.index + match[0].indexOf(match[1]!)
      const age = Number(match[1])
      // 宝宝快满三岁: about to turn three is two (快九十了, nearly ninety, is read as said: see NEARLY_OLD).
      found.push({ age: age > 0 && TURNING_SOON.test(digits.slice(Math.max(0, at - 3), at)) ? age - 1 : age, index: at })
    }
    addAges(found, COUNTED_YEARS, digits)
  }
  // A bare number said to be someone's is an age only when it is an old one (我七十八了, 快九十了).
  if (digits.includes('了')) addAges(found, BARE_OLD_AGE, digits, OLD)
  if (digits.includes('0有')) for (const match of matchesOf(TENS_AND_YEARS, digits)) {
    const ones = match[2]!
    found.push({ age: Number(match[1]) * 10 + (parseChineseNumeral(ones) ?? Number(ones)), index: match.index })
  }
  if (digits.includes('的')) {
    addAges(found, AGED_PARENT, digits)
    addAges(found, OLD_PERSON, digits, OLD)
  }
  if (digits.includes('寿')) addAges(found, BIRTHDAY, digits)
  if (AND_A_BIT_WORD.test(digits)) addAges(found, AGE_AND_A_BIT, digits)
  addAges(found, NEARLY_OLD, digits, OLD)
  if (digits.includes('旬')) for (const match of matchesOf(DECADES, digits)) found.push({ age: Number(match[1]) * 10, index: match.index })
  addAges(found, OLD_AGE, digits, OLD)
  addAges(found, ELDER_NUMBER, digits)
  if (digits.includes('今年')) addAges(found, THIS_YEAR, digits)
  if (NAMES_AN_ELDER.test(digits)) {
    for (const match of matchesOf(STANDALONE_OLD_AGE, digits)) {
      const age = Number(match[1])
      const end = match.index + match[0].length
      const number = end - match[1]!.length
      const around = digits.slice(Math.max(0, number - 10), number) + digits.slice(end, end + 8)
      if (age < OLD || age > 110 || NOT_AN_AGE_BESIDE.test(around)) continue
      if (age >= FAHRENHEIT_FROM && FEVER_BESIDE.test(around)) continue
      found.push({ age, index: match.index })
    }
  }
  // 十四个月 is a year old.
  for (const baby of babyMonths(digits)) found.push({ age: Math.floor(baby.age / 12), index: baby.index })
  if (digits.includes('天')) for (const match of matchesOf(DAYS, digits)) found.push({ age: 0, index: match.index })
}

const OLD = 60

/** Each match's first group as an age, where it is at least `atLeast`. */
function addAges(found: Candidate[], pattern: RegExp, digits: string, atLeast = 0): void {
  for (const match of matchesOf(pattern, digits)) {
    const age = Number(match[1])
    // Placed at its number, so the writer's test reads what stands before it (我爸68 is not the writer's).
    if (age >= atLeast) found.push({ age, index: match.index + match[0].indexOf(match[1]!) })
  }
}

const DAYS_PER_MONTH = 30.44

/**
 * How many whole months old a baby is, when the message names a baby's age in months, weeks or
 * days (宝宝95天 is 3 months): a fever under 3 months is an emergency.
 */
export function extractInfantMonths(digits: string): number | undefined {
  if (digits.search(NEWBORN) >= 0) return 0
  let youngest: number | undefined
  if (digits.includes('天')) for (const match of matchesOf(DAYS, digits)) {
    const days = Number(match.slice(1).find((group) => group !== undefined))
    youngest = Math.min(youngest ?? Infinity, Math.floor(days / DAYS_PER_MONTH))
  }
  for (const baby of babyMonths(digits)) if (youngest === undefined || baby.age < youngest) youngest = baby.age
  return youngest
}
