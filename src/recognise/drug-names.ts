/**
 * Medicines no list names, found by the shape of their names: a generic drug's name ends in the stem
 * its class shares (利伐沙班, 缬沙坦, 卡托普利, 法莫替丁, 甲钴胺), and a remedy's in its form (六味地黄丸,
 * 蓝芩口服液). Residents name what their doctor prescribed, which no list of
 * common medicines keeps up with. The name starts after the last word of the sentence before it
 * (要吃利伐沙班, 卫生站能开丙戊酸钠), so only the name is kept.
 */

// Stems of the international nonproprietary names, as Chinese writes them, and the forms a remedy is sold in.
// Each is specific enough not to end an everyday word (地平 is kept out of 地平线, 丸 out of 肉丸).
const ENDING = new RegExp(
  '(?:诺林|沙班|沙坦|地平(?!线)|普利|洛尔|他汀|格雷|列净|列汀|列齐特|列美脲|双胍|替丁|拉唑|硝唑|康唑|他韦|洛韦|米松|尼松|利嗪|他定|钴胺|仙碱|茶碱|戊酸钠|霉素|西林|沙星|司琼|帕胺|噻嗪|地尔|' +
    '头孢(?:克肟|呋辛|拉定|地尼|克洛|丙烯|曲松|他啶|唑林|氨苄|羟氨苄))(?:钾|钠|钙)?(?:缓释片|肠溶片|片|眼膏|软膏|胶囊|颗粒)?' +
    // A form needs two characters of name before it: 小颗粒 in the water is no medicine.
    '|(?<form>胶囊|颗粒|口服液|糖浆|软膏|乳膏|眼膏|滴剂|注射液|缓释片|肠溶片|分散片|混悬液|气雾剂|喷雾剂|滴眼液|滴鼻液|[黄心遥胆肾气血宝]丸(?!子))',
  'g',
)

// The characters that end the words before a name: verbs of getting and taking, particles, measure
// words. A name itself holds none of them.
const BEFORE_A_NAME = new Set('开买要吃有打用的是了点些盒瓶片粒支拿借送找缺和跟或还换叫能给让在剩光完种个这那把被喝服先再也都就又想备带问说讲配领医生家里上下哪谁啥么到者需卖颗药求爷奶妈爸婆公娘姐哥弟妹娃儿')
// 两天, 三盒: a count ends the words before a name, but 六味地黄丸 starts with a numeral.
const NUMERALS = new Set('一二两三四五六七八九十几半')
const COUNTED = new Set('天盒瓶片粒支颗个包袋板')
// 苯磺酸氨氯地平: five characters before the stem at most.
const LONGEST_BEFORE = 5
const SHORTEST = 3

export interface NameSpan {
  readonly start: number
  readonly end: number
}

/** Spans of `plain` that read as a medicine's name by its ending. */
export function findDrugNames(plain: string): NameSpan[] {
  const found: NameSpan[] = []
  ENDING.lastIndex = 0
  for (let m = ENDING.exec(plain); m !== null; m = ENDING.exec(plain)) {
    const end = m.index + m[0].length
    let start = m.index
    while (start > 0 && m.index - start < LONGEST_BEFORE && isHan(plain.charCodeAt(start - 1)) && !endsAWord(plain, start - 1)) start--
    if (m.index - start >= (m.groups?.form ? 2 : 1) && end - start >= SHORTEST) found.push({ start, end })
  }
  return found
}

function endsAWord(plain: string, at: number): boolean {
  const char = plain[at]!
  return BEFORE_A_NAME.has(char) || (NUMERALS.has(char) && COUNTED.has(plain[at + 1]!))
}

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fa5
}
