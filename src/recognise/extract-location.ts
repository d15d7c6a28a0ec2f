import { writtenSpan, type NormalisedText } from './normalise.js'

/**
 * The building, unit or room as the resident wrote it: the first address-like span found in the
 * aligned text (`plain`), sliced out of the original so 二期 stays 二期 and 3棟 stays 3棟.
 */
const NUM_CHAR = '[0-9零〇一二两三四五六七八九十百]'
const NUM = `${NUM_CHAR}{1,4}`
// 红星家属院, 铁路宿舍, 九里坊, 王庄: works' compounds, old lanes and villages name estates too.
const ESTATE_SUFFIX = '(?:小区|新村|花园|家园|公寓|苑|园|里|村|城|府|湾|庭|居|社区|大院|公馆|名邸|小镇|广场|弄堂|家属院|家属区|家属楼|教工楼|职工楼|宿舍楼|宿舍|平房区|生活区|矿区|坊|庄|屯|寨)'
const ESTATE = `[\\u4e00-\\u9fa5a-z]{0,8}?${ESTATE_SUFFIX}`
// 三村, 五村门口: a numbered part of a 新村, named like an area (二期): at the start, after a mark, after its
// 新村 or after a word of the sentence, never inside a village's own name (丈八村).
const AREA = '(?:[东西南北中新旧老]区|[a-z一二三四五六七八九十0-9]区|(?<=^|[^\\u4e00-\\u9fa5]|[新村住在到是我他她家])[一二三四五六七八九十]村)'
const PERIOD = `${NUM}期`
// 5洞: 栋 as voice input writes it.
// t3栋: a tower's letter before its number; 6 号楼: a space; 6号搂: a typo.
const BUILDING = `(?:[a-z]?${NUM}|[a-z])(?:\\s?(?:号楼|栋|幢)|号搂|座|号院|#楼|#|洞)`
const UNIT = `${NUM}单元`
// 3栋2门: the north's word for a unit, only after a building (一门心思 is no address); a unit's number
// is short (3栋402门口 is a flat's door); 三座B梯, the south's; 14幢东单元, a unit by its side.
const BUILDING_UNIT = `(?:${NUM}单元|${NUM_CHAR}{1,2}门(?!诊)|(?:${NUM}|[a-z东西南北中])梯|[东西南北中a-z]单元)`
// A street's or lane's name, which no word of the sentence around it is part of (我住十八梯巷12号).
// 长乐弄12号, 光明坊9号, 前进里22号: a lane's number; 和平里3号楼 is an estate's building (below).
const STREET_SUFFIX = '(?:路|街|巷|胡同|坡|梯|坎|弄|坊|里)'
// 人民路 is the one street named with a word of the sentence.
// 伫 (佇) and 喺 are Hokkien's and Cantonese's 在 (阮厝佇骑楼街9号).
const STREET = `(?:人民|[^住在的是了到去个人岁我你他她和跟从给往说有家这那哪伫喺,.!?\\s\\d]){1,5}?${STREET_SUFFIX}`
// 17f: a tower's floor as the lift shows it.
const FLOOR = `${NUM}(?:楼|层|f(?![a-z]))`
// 三零二: a room read out digit by digit. 120 and 110 after an address are the phone numbers (B区2幢 120还没来).
const EMERGENCY_NUMBER = '(?:110|119|120|122)(?![\\d室号房])'
// 三楼东户: a flat by its side of the landing; 5号楼1单元2户, 7号3户: by its number, as Qingdao and Dalian count them.
const ROOM = `(?:${NUM}(?:室|号房|房)|(?:[东西南北中]|${NUM_CHAR}{1,2})户(?!人|口)|(?!${EMERGENCY_NUMBER})\\d{3,4}(?:室|号|房)?(?!\\d)|[零〇一二三四五六七八九]{3,4}(?![零〇一二三四五六七八九十百]))`
const SEP = '[-\\s]?'
// A room number on its own (隔壁502, 302的独居阿婆, …嗓子疼 1102): a floor and 01–19, with words
// around it that only a room has; a reading (心率 112) is not one.
const ROOM_NUMBER = '[1-9]\\d?(?:0[1-9]|1\\d)(?!\\d)'
const ROOM_ALONE = [
  `(?<=隔壁|对门|对面|楼上|楼下|住|住在|找到|敲)${ROOM_NUMBER}`,
  `(?<![\\d.:-])${ROOM_NUMBER}(?=的?(?:那户|那家|住户|独居|老人|阿婆|阿姨|大爷|大叔|老太|奶奶|爷爷))`,
  `(?<=\\s)(?<!(?:心率|心跳|脉搏|血压|血糖|体重|高压|低压)\\s*)${ROOM_NUMBER}$`,
].join('|')
// A floor belongs to the address on the way to a room (3栋5楼502), or written straight after the
// building or unit (10栋22楼, 6栋二单元五楼); after a space it is left out, as residents label it.
// 7栋1单元3楼2号: on a floor, a flat may go by a small number (几楼几号).
const TO_A_ROOM = `${SEP}${FLOOR}${SEP}(?:${ROOM}|${NUM_CHAR}{1,2}号(?![楼院栋]))|${SEP}${ROOM}`
const FLOOR_ROOM = `(?:${TO_A_ROOM})?`
const FLOOR_OR_ROOM = `(?:${TO_A_ROOM}|${FLOOR})?`
// 3栋1单元5号: a flat by its small number, straight after its unit.
const FLAT_BY_NUMBER = `${NUM_CHAR}{1,2}号(?![楼院栋])`
// Old streets and hillside lanes: 解放路45号附2号, 十八梯巷12号3楼; rows of a resettlement estate: 3排5号.
// 第5排12号, 家属院6排: rows of a resettlement estate or a works' compound.
// 一排人 is a row of people.
// 7排12号平房: the bungalow a row's number names; 东三排8号: rows counted from each side of a bungalow quarter;
// 后排3号, 后排平房第三家: the houses of the front or back row.
const ROW = `(?:第|[东西南北])?${NUM}排(?:${SEP}(?:平房)?${NUM}号(?:平房)?)?(?![人房树车椅座子楼])|[前后]排(?:平房)?${SEP}第?${NUM}[号家]`
// 老街17号之二: a house split in two keeps its number and says which half.
const HOUSE_PART = `(?:附${NUM}号|之${NUM})`
// 白象街3巷5号: a numbered lane off a named street.
// 骑楼街22号三楼: a floor of a house on a street is part of its address, as a building's is.
const STREET_ADDRESS = `${STREET}(?:${NUM}[巷条])?${NUM}号院?(?![楼栋])${HOUSE_PART}?${FLOOR_OR_ROOM}`
// The characters every form of CORE other than the street's, and every AREA, starts with.
const CORE_START = '(?=[0-9a-z零〇一二两三四五六七八九十百东西南北中新旧老坡第前后])'
const CORE = [
  `${PERIOD}(?:${SEP}${BUILDING})?(?:${SEP}${UNIT})?${FLOOR_ROOM}`,
  // 7栋2-301: a unit and a room after the building; 7号院3排5号: a row in a yard; 3栋A座2104, 1栋2座3203: a
  // tower of a block.
  `(?:${NUM}号院${SEP})?${BUILDING}(?:${SEP}(?:[a-z]|${NUM_CHAR}{1,2})座)?(?:${SEP}${BUILDING_UNIT}(?:${FLAT_BY_NUMBER}|${FLOOR_OR_ROOM})|${SEP}\\d{1,2}-\\d{3,4}(?!\\d)|${SEP}${ROW}|${FLOOR_OR_ROOM})`,
  `${UNIT}${FLOOR_OR_ROOM}`,
  `${NUM}(?:室|号房)`,
  // Shanghai lanes: 123弄5号(301室)
  `${NUM}弄(?:${SEP}${NUM}号)?(?:${SEP}${ROOM})?`,
  STREET_ADDRESS,
  ROW,
  // 李家村三组 十七号, 石桥村三社: a village's group.
  `${NUM}[组社](?:${SEP}${NUM}号)?`,
  // 西坊9巷3号: numbered lanes of an urban village; 8街坊11号, 8街坊, 7号街坊15栋: Wuhan's and Baotou's numbered blocks.
  `${NUM}[巷条](?:${SEP}${NUM}号${HOUSE_PART}?)`,
  `${NUM}号?街坊(?:${SEP}(?:${BUILDING}(?:${SEP}${BUILDING_UNIT})?${FLOOR_OR_ROOM}|${NUM}号${HOUSE_PART}?))?`,
  // 3门301, 躺在3门: in Wuhan's and the north's old blocks a stairway is a 门 (门诊, 3门课 are not).
  `\\d(?<![\\d.]\\d)\\d?门(?![课考诊票口])${FLOOR_ROOM}`,
  // 12号402, 二十一号三楼: a numbered block of a lane estate and the flat in it (12号楼 is a building).
  `${NUM}号(?![楼院])(?:${TO_A_ROOM}|${FLOOR})`,
  // …要两张 三村7号 · …还没来水 9号: a house or block number said last, after a space, as an address is.
  `(?<=\\s)${NUM}号(?=\\s*$)`,
  // 坡上二十号: a hillside's houses, numbered from the top or the bottom.
  `坡(?<![\\u4e00-\\u9fa5]坡)[上下]${NUM}号${HOUSE_PART}?`,
  // 3楼尾房 · 302房: a rented room by its floor or its number.
  `${FLOOR}${SEP}(?:尾房|头房|中间房)`,
  `\\d{3,4}房(?![子间东租])`,
  // 住23F: a tower's floor as the lift shows it is where the writer lives (98F is a reading).
  '\\d(?<![a-z0-9.]\\d)(?:(?<=[1-5])\\d)?f(?![a-z])',
  '\\d{1,2}-\\d{1,2}-\\d{3,4}(?!\\d)',
  // 5-1102: building and room; the guards keep phone numbers and times out.
  '(?<![\\d:.-])\\d{1,2}-\\d{3,4}(?![\\d:.-])',
]

// 建设新村24号, 曹杨新村五村7号, 岩脚寨12号: a house numbered in an estate or village with no buildings. Only
// after a word that names one (我们村3号 and 家里3号 are dates), so only where an estate's name may stand.
// The lookbehind stands after the first numeral it guards: in front it would be tried at every position.
const HOUSE_IN_ESTATE = `(?<house>${NUM_CHAR}(?<=(?:新村|寨|屯|弄堂|家属院|家属区|大院|(?<![家乡城农山们])村|(?<![农村们])庄)${NUM_CHAR})${NUM_CHAR}{0,3}(?:村${NUM})?号(?![楼栋院])${HOUSE_PART}?${FLOOR_ROOM})`

/**
 * The address pattern, with an estate's name in front (group 1) and an area (group 2). A street's
 * name or an estate's can start at any character, which makes them most of the scan's cost; a message
 * where neither can match (no street word before a number, no estate word before an address) is
 * scanned without them, which finds the same span.
 */
function locationPattern(estate: boolean, street: boolean): RegExp {
  const core = CORE.filter((form) => street || form !== STREET_ADDRESS).join('|')
  // Without a name in front, a match can only start where an area or a form of CORE can: saying so lets
  // the scan skip every other character instead of trying each alternative there.
  const start = estate || street ? '' : CORE_START
  // 她一个人在西区, 幸福家园东区: an area on its own, after an estate's name or not; 三村14号 is a house before 三村 is an area.
  return new RegExp(`${start}(${estate ? ESTATE : '(?!)'})?(?:(${AREA})?(?:${core})|${estate ? `${HOUSE_IN_ESTATE}|` : ''}${AREA})`)
}
const ADDRESS = {
  plain: locationPattern(false, false),
  afterStreet: locationPattern(false, true),
  afterEstate: locationPattern(true, false),
  afterBoth: locationPattern(true, true),
}
const STREET_BEFORE_NUMBER = new RegExp(`${STREET_SUFFIX}${NUM_CHAR}`)
const ESTATE_WORD = new RegExp(ESTATE_SUFFIX)
// An area or any address without a street starts with one of these.
const ESTATE_BEFORE_ADDRESS = new RegExp(`${ESTATE_SUFFIX}[0-9a-z零〇一二两三四五六七八九十百东西南北中新旧老第前后]`)

function addressIn(plain: string): RegExpExecArray | null {
  // A street's name can start with any character, so any estate word may stand right before one.
  if (STREET_BEFORE_NUMBER.test(plain)) return (ESTATE_WORD.test(plain) ? ADDRESS.afterBoth : ADDRESS.afterStreet).exec(plain)
  return (ESTATE_BEFORE_ADDRESS.test(plain) ? ADDRESS.afterEstate : ADDRESS.plain).exec(plain)
}

// Only a message with three digits in a row can hold a room on its own; it is looked for apart, and
// the earlier of the two spans wins, as if it were one more alternative.
const ROOM_ALONE_PATTERN = new RegExp(ROOM_ALONE)
const THREE_DIGITS = /\d{3}/
// Words in front of an estate name that belong to the sentence, not to the name (我家住在西园新村).
// 城中村西坊: the kind of place before its name.
const LEADING_WORDS = /^(?:一下|们|我们|俺们|我家|咱们|咱家|俺家|咱|俺|我|你|他|她|家(?!属)|住在|就在|住|在|是|的|去|到|给|送|往|和(?![平谐美睦顺兴乐])|跟|喺|城中村)+/
// 和平 and 人民 start names (和平里, 人民医院), and 和 and 人 there are no words of the sentence.
const SENTENCE_CHARS = /[住在的是了到去个岁我你他她跟从给往说有喺伫想疼痛测烧,.!?\s]|和(?![平谐美睦顺兴乐])|(?<!工)人(?!民)/
// 西苑6号楼, 王庄三组, 三村9号: a two-character name is an estate's when it starts with a direction or 新/老, is a
// village's, or is a numbered part of a 新村 (枫林三村).
const SHORT_ESTATE = /^(?:[东西南北中新老][苑园里村城府湾庭居坊]|[\u4e00-\u9fa5][庄屯]|[一二三四五六七八九十]村)$/
const NAME_GOES_ON = /^(?:村|庄|寨|屯)/
const GENERIC_PLACES = new Set(['村庄', '农庄', '宿舍', '小区', '社区', '家里', '这里', '那里', '屋里', '楼里', '院里', '村里', '城里', '花园', '公园', '园', '里'])

// A character every address needs (期 栋 号楼 单元 室 弄, 西区, 5-1102): most messages have none and skip the scan
// (社区 and 小区 are no address on their own).
const MAY_HOLD_ADDRESS = /[期栋楼幢座院#元室房弄号排组洞]|\d[f门坊]|[0-9一二三四五六七八九十][社村]|[东西南北中新旧老a-z一二三四五六七八九十0-9]区|\d-\d/

export function extractLocation(text: NormalisedText): string | undefined {
  const plain = text.plain
  const address = MAY_HOLD_ADDRESS.test(plain) ? addressIn(plain) : null
  const room = THREE_DIGITS.test(plain) ? ROOM_ALONE_PATTERN.exec(plain) : null
  const match = room !== null && (address === null || room.index < address.index) ? room : address
  if (!match) return compoundAlone(text)
  let start = match.index
  const estate = match[1]
  let named = false
  if (estate !== undefined) {
    // The name starts after the last word that cannot be part of one (一个人住在西园新村).
    const tail = estate.split(SENTENCE_CHARS).pop() ?? ''
    const lead = estate.length - tail.length + (LEADING_WORDS.exec(tail)?.[0].length ?? 0)
    const name = estate.slice(lead)
    // 八里村东街37号: the shortest estate the pattern found (八里) is cut short when the address goes on with a
    // word an estate's name ends in.
    const cutShort = NAME_GOES_ON.test(match[0].slice(estate.length))
    named = (name.length >= 3 || SHORT_ESTATE.test(name) || cutShort) && !GENERIC_PLACES.has(name)
    start += named ? lead : estate.length
  }
  // A house number is a date as often as a house: without its estate's name it is none.
  if (match.groups?.house !== undefined && !named) return undefined
  const end = match.index + match[0].length
  const span = writtenSpan(text, start, end).trim()
  return span.length > 0 ? span : undefined
}

// 化纤厂家属区, 县医院家属楼, 铁路新村, 岩脚寨: where a works' compound, a 新村 or a hamlet has no numbered
// buildings, its name is the address. Only the words that name such a place: 小区 and 花园 are said of every
// estate (请问明天小区…, 楼下花园). A village named alone (沙坡村) was tried and left out: held out, it lost
// more answers than it won, as 村 is said of the countryside as often as of a place.
const COMPOUND = /([\u4e00-\u9fa5]{1,6}?)(家属院|家属区|家属楼|生活区|新村|寨(?!子)|屯(?!子))/g
const SHORTEST_NAME: Readonly<Record<string, number>> = { 家属院: 1, 家属区: 1, 家属楼: 1, 生活区: 1 }
const MAY_NAME_A_COMPOUND = /家属|生活区|新村|寨|屯/
// 请问沙坡村…: a question's words end the sentence before a name.
const ASKING = /[问咋啥吗呢吧么]/

function compoundAlone(text: NormalisedText): string | undefined {
  const plain = text.plain
  if (!MAY_NAME_A_COMPOUND.test(plain)) return undefined
  COMPOUND.lastIndex = 0
  for (let m = COMPOUND.exec(plain); m !== null; m = COMPOUND.exec(plain)) {
    const tail = m[1]!.split(ASKING).pop()!.split(SENTENCE_CHARS).pop() ?? ''
    const name = tail.slice(LEADING_WORDS.exec(tail)?.[0].length ?? 0)
    if (name.length < (SHORTEST_NAME[m[2]!] ?? 2) || GENERIC_PLACES.has(name + m[2])) continue
    const end = m.index + m[0].length
    return writtenSpan(text, end - name.length - m[2]!.length, end)
  }
  return undefined
}
