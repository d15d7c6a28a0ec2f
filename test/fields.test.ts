import { describe, expect, it } from 'vitest'
import { recognise } from './helpers/recogniser.js'

function fieldsOf(text: string) {
  const r = recognise(text)
  expect(r.kind, text).toBe('request')
  return r.fields
}

describe('temperature as residents write it', () => {
  it.each([
    ['孩子发烧38.6度怎么办', 38.6],
    ['烧到38度5了 要不要吃药', 38.5],
    ['我妈发烧三十八度五怎么办', 38.5],
    ['烧到三十九度了怎么办', 39],
    ['39c 浑身疼 怎么办', 39],
    ['发烧39° 要去医院吗', 39],
    ['量了一下102华氏度 要紧吗', 38.9],
    ['体温37.9摄氏度 需要吃药吗', 37.9],
    ['38.7 头晕 浑身疼 咋整啊', 38.7],
    ['老爷子烧到三十八度半 要不要去医院', 38.5],
    ['阿拉囡囡烧到卅八度七 哪能办', 38.7],
    ['昨天38.5今天烧到39.2了怎么办', 39.2],
    ['闺女烧到38,4度 要不要去医院', 38.4],
    ['我爸咳得厉害 血氧90 华氏101 要去医院吗', 38.3],
    // The thermometer said to read Fahrenheit, and a reading taken with it.
    ['温度计是华氏的 显示102.2 孩子4岁', 39],
    ['家里只有华氏温度计 量了101 要吃药吗', 38.3],
  ])('%s → %d', (text, celsius) => expect(fieldsOf(text).temperatureC).toBe(celsius))

  it('ignores temperatures of things', () => {
    expect(fieldsOf('热水器水温40度都不到 水压太小了').temperatureC).toBeUndefined()
    expect(fieldsOf('空调坏了 屋里三十七度 老人受不了 谁会修').temperatureC).toBeUndefined()
    expect(fieldsOf('外面三十八度 空调坏了 老人受不了 谁会修').temperatureC).toBeUndefined()
    expect(fieldsOf('今年夏天这里也三十五度了 电扇坏了 哪里能修').temperatureC).toBeUndefined()
  })
})

describe('age of the person who needs help', () => {
  it.each([
    ['我妈82岁 发烧了怎么办', 82],
    ['家里八十多岁的老人发烧了 有没有退烧药', 80],
    ['宝宝8个月 发烧38度 能吃美林吗', 0],
    ['孩子3岁半 发烧了怎么办', 3],
    ['我35岁没事 我妈70岁发烧了 怎么办', 70],
    ['七旬老人独居 发烧了谁能帮帮忙', 70],
    ['八十多的老父亲从床上滚下来了 自己起不来 6栋', 80],
    ['孩子100天 发烧了 37.9 要去医院吗', 0],
    ['娃儿八个月了 发烧38度4 咋个办', 0],
    ['我爹八十好几了 降压药没了 谁能帮忙买点', 80],
    ['老伴儿七十三，这两天咳得厉害，要不要去医院', 73],
    ['我妈咳了一周了 吃了药也不见好 八十二 要紧吗', 82],
    // A fever beside an old age said alone: only a number a Fahrenheit reading could be is ruled out.
    ['老妈烧到39度 八十二 咋办', 82],
    ['宝宝快满三岁 发烧38度7 手脚冰凉', 2],
    ['谁家有胰岛素 我们老爷子七十大几了', 70],
    ['阿公八十三 阳咗 發燒三十九度', 83],
    ['女儿十四个月 烧到三十九度 谁有美林', 1],
    ['闺女今年十七 高烧39度 吃了布洛芬不退', 17],
    ['宝宝老是吐奶 正常吗 两个月', 0],
    ['我妹妹五个月 发烧38度 能用退热贴吗', 0],
    ['阿拉阿爷的降压药吃完了 伊八十一 哪里好配', 81],
    ['囡囡生出来四十天 摸上去烫 37.9', 0],
    ['我八十一了 腿脚不便 谁能帮我取个快递', 81],
    ['家母八十有二 咳了好几天了 能不能请医生上门看看', 82],
    ['6栋居民来电：其子（4个月）发热38.2℃，请医生回电', 0],
    ['我妹3个月 吐奶吐得厉害 要不要去医院', 0],
    ['外公快九十了 咳得睡不着 能吃什么止咳药', 90],
    ['俺是奔八十的人了 发烧没人管 谁能帮俺买点药', 80],
    ['老太太七十出头 降压药吃完了 谁去药店帮带一盒', 70],
    ['老爷子七十九了 发烧到38度 有没有退烧药', 79],
    ['爷爷今年虚岁八十四 阳了 咳得厉害 要紧吗', 84],
    ['七十多的老伴摔了一跤 膝盖破了 谁家有碘伏', 70],
    ['外婆八十挂零 咳了一礼拜 要不要去医院', 80],
    ['我那七十好几的老娘阳了 吃什么药好', 70],
    ['老父亲虚岁七十六 烧了两天了 怎么办', 76],
    ['我今年40 我爸71 都发烧了 他能吃布洛芬吗', 71],
    ['奶奶摔在厕所起不来 九十多的人了 3栋', 90],
    ['宝宝六十来天 鼻子堵 吃奶费劲 要紧吗', 0],
    ['伢三个月 今天拉了五次稀 要不要去医院', 0],
    ['50天宝宝 37.8 要去医院吗', 0],
  ])('%s → %i', (text, age) => expect(fieldsOf(text).age).toBe(age))

  it('does not read a generation as an age', () => {
    expect(fieldsOf('90后宝妈 孩子发烧了怎么办').age).toBeUndefined()
  })

  it('does not read a room, a reading or how long as an age', () => {
    expect(fieldsOf('5栋1702的老奶奶发烧了 谁能送点药').age).toBeUndefined()
    expect(fieldsOf('血氧仪测了三次 90 88 91 我爸阳了第五天').age).toBeUndefined()
    expect(fieldsOf('心率一百出头 心跳有点快 一百左右 要不要去医院').age).toBeUndefined()
    expect(fieldsOf('阳了才三天 烧到38度5 吃什么药').age).toBeUndefined()
  })

  it('does not read a child writer’s own age as the patient’s', () => {
    expect(fieldsOf('爷爷倒在厨房不说话 我才九岁 家里没别人 3栋').age).toBeUndefined()
  })

  it('does not read a temperature in Fahrenheit as an age', () => {
    expect(fieldsOf('她101华氏度 我100 这算发烧吗').age).toBeUndefined()
    expect(fieldsOf('我爸发烧 101 要紧吗').age).toBeUndefined()
  })

  it('reads an elder’s age said before the time of day, and by the words of Yunnan, the north and Inner Mongolia', () => {
    expect(fieldsOf('我婆婆九十一早上起来就说头晕 谁有血压计').age).toBe(91)
    expect(fieldsOf('我阿嫫八十三了 咳嗽 想买盒止咳糖浆').age).toBe(83)
    expect(fieldsOf('俺家那口子七十五了 烧到38度2').age).toBe(75)
    expect(fieldsOf('额吉七十六了 降压药吃完了 谁家有').age).toBe(76)
    expect(fieldsOf('我母亲九十三 咳嗽几天了 想要点止咳药').age).toBe(93)
    expect(fieldsOf('我爸87年的 今天烧到39度').age).toBeUndefined()
  })

  it('does not read a pet’s age as anyone’s', () => {
    expect(fieldsOf('我家老猫十五岁了 今天不吃东西 谁知道附近的宠物医院').age).toBeUndefined()
  })
})

describe('location as written', () => {
  it.each([
    ['家里老人发烧38.6度，有没有退烧药？3栋2单元', '3栋2单元'],
    ['5号楼1102 停水了', '5号楼1102'],
    ['我爸八十一岁住在十一栋二单元三零二 谁能帮我去看看', '十一栋二单元三零二'],
    ['我们二期停电了 什么时候来电', '二期'],
    ['2期5栋水压太小，洗不了澡', '2期5栋'],
    ['我家住在西园新村9号楼 没水了', '西园新村9号楼'],
    ['西区9号楼停电了 怎么回事', '西区9号楼'],
    ['3-2-501的老人需要降压药', '3-2-501'],
    ['3棟2單元停水了', '3棟2單元'],
    ['我住123弄5号302室 停水了', '123弄5号302室'],
    ['5-1102的老人发烧了 有没有退烧药', '5-1102'],
    ['爷爷 发烧 了 住 5栋 2单元 谁 有 退烧药', '5栋 2单元'],
    ['解放路45号附2号的王婆婆发烧了 谁有退烧药', '解放路45号附2号'],
    ['我住十八梯巷12号3楼302 停水两天了', '十八梯巷12号3楼302'],
    ['我家在幸福巷8号 水管爆了', '幸福巷8号'],
    // An estate's name and a street's together: the scan that may skip either must keep both.
    ['我住幸福小区解放路45号 停水了', '幸福小区解放路45号'],
    ['家在东湖花园西区3栋 水压小', '东湖花园西区3栋'],
    ['3号院5号楼2单元停电了 什么时候来电', '3号院5号楼2单元'],
    ['安置小区3排5号停水了 什么时候来水', '安置小区3排5号'],
    ['16栋25楼 一点水都没有 加压泵是不是坏了', '16栋25楼'],
    ['老爷子咳得厉害 要不要去医院 5栋3门', '5栋3门'],
    ['我妈一个人住在东区 发烧了家里没药 谁能帮忙', '东区'],
    ['谁有退烧药 孩子烧到39度了 住北苑7号楼', '北苑7号楼'],
    ['楼上一直漏水下来 隔壁802也淹了 物业快来看看', '802'],
    ['1203的独居大爷两天没出门了 敲门也没人应 谁有他家人电话', '1203'],
    ['谁有布洛芬 借两片 1506', '1506'],
    ['我爸咳嗽 发烧 住3号楼1单元6楼 谁能送点药', '3号楼1单元6楼'],
    ['家里停暖气了 老人冻得不行 12幢西单元', '12幢西单元'],
    ['我们5座c梯18层水压特别小 什么时候能修好', '5座c梯18层'],
    ['住9栋3-702 下水道堵了 能来个师傅吗', '9栋3-702'],
    ['姥爷八十多了 发烧 谁能来看看 钢厂家属院4排', '钢厂家属院4排'],
    // A compound's name is its own even with no works in front: 家 of 家属院 is no word of the sentence.
    ['嘴唇乌了 喘不动 家属院6号楼', '家属院6号楼'],
    ['谁有布洛芬 老家属院3号楼2单元', '老家属院3号楼2单元'],
    ['我家住在红星小区5栋 停水了', '红星小区5栋'],
    ['水管漏了 楼下都湿了 骑楼街22号三楼', '骑楼街22号三楼'],
    ['谁有布洛芬 3栋A座2104', '3栋A座2104'],
    ['楼上水管打穿了 漏到我家 1栋2座3203', '1栋2座3203'],
    ['发烧了 住八里村东街37号三楼 谁有退烧药', '八里村东街37号三楼'],
    ['我在刘家庄62号 发烧39度 谁有药', '刘家庄62号'],
    ['爷爷发烧两天了 家在7排12号平房', '7排12号平房'],
    ['娃眼睛发炎了 谁有红霉素眼膏 纺织厂家属区4号楼', '纺织厂家属区4号楼'],
    ['嗓子疼想测一下郭家庄112号二楼203 谁有抗原', '郭家庄112号二楼203'],
    ['电梯停了 老人下不来 12栋b座 28楼', '12栋b座'],
    ['我婆婆一个人住在工人新村三村14号 发烧了', '工人新村三村14号'],
    ['阮阿公咳得厉害 谁有止咳药 阮厝佇骑楼街9号', '骑楼街9号'],
    ['停水一整天了 啥时候来水 三村', '三村'],
    ['五村门口的水龙头一开全是黄泥汤', '五村'],
    ['住在第2排7号 家里没电了', '第2排7号'],
    ['王家村四组 十二号 老人摔了 起不来', '王家村四组 十二号'],
    ['俺娘烧了两天了 家在赵庄二组', '赵庄二组'],
    ['水管冻住了 一点水都没有 住在幸福坊16号', '幸福坊16号'],
    ['我在胜利里8号 家里老人发烧了', '胜利里8号'],
    ['煤矿宿舍5栋停电了 什么时候来电', '煤矿宿舍5栋'],
    ['住人民路12号院 老人腿摔了 谁有车', '人民路12号院'],
    ['奶奶一个人在家发烧 我们住新区7号楼', '新区7号楼'],
    ['求两片退烧药 光明新村17号', '光明新村17号'],
    ['阳台水管爆了 在长青新村三村12号', '长青新村三村12号'],
    ['楼顶漏水 住和平里新村5号', '和平里新村5号'],
    ['娃咳了一晚上 咋办 我们在和平村二组', '和平村二组'],
    ['没电了 大湾村二社', '大湾村二社'],
    ['家里停水两天了 东街12号之一', '东街12号之一'],
    ['有没有感冒药 住北坊4巷7号', '北坊4巷7号'],
    ['管子裂了往外喷水 快来人修 坡下十五号', '坡下十五号'],
    ['孩子发烧没人管 我住5楼尾房', '5楼尾房'],
    ['热水器坏了 408房', '408房'],
    ['谁有退烧贴 我家18F', '18F'],
    ['电梯困人了 2号楼西梯', '2号楼西梯'],
    ['停水了 3栋C单元1201', '3栋C单元1201'],
    ['没水了 K2栋17楼', 'K2栋17楼'],
    ['谁有体温计 住在 9 号楼 602', '9 号楼 602'],
    ['求一盒布洛芬 11号搂', '11号搂'],
    ['老人咳嗽 住人民医院宿舍3栋', '人民医院宿舍3栋'],
    ['伢烧到39度 住9街坊4号', '9街坊4号'],
    ['楼道灯坏了 2门', '2门'],
    ['我妈发烧了 住5栋3门口那户 谁有布洛芬', '5栋3门'],
    ['一路血点子到3栋402门口 敲门没人开 快来看看', '3栋402'],
    ['11号503的阿婆发烧了 谁有退烧药', '11号503'],
    ['停水了 十五号二楼', '十五号二楼'],
    ['谁有体温计借一下 曹杨五村8号', '曹杨五村8号'],
    ['退热贴还有伐 想要两张 四村16号', '四村16号'],
    ['楼顶水箱又坏了 一滴水都没有 6号', '6号'],
    ['有冇人有止咳药 住喺南村三巷8號', '南村三巷8號'],
  ])('%s → %s', (text, location) => expect(fieldsOf(text).location).toBe(location))

  it('does not read a row of people or things as a row of houses', () => {
    expect(fieldsOf('公用水龙头冻住了 一排人都打不上水').location).toBeUndefined()
  })

  it('does not read a date after a word for home or village as a house number', () => {
    expect(fieldsOf('家里3号就没药了 谁有降压药').location).toBeUndefined()
    expect(fieldsOf('我们村5号停的水 到现在还没来').location).toBeUndefined()
  })

  it('does not read the numeral ending a village’s own name as a 新村’s part', () => {
    expect(fieldsOf('嗓子疼 在丈八村租的房子 38度多 要不要去诊所').location).toBeUndefined()
  })

  it('does not read a number of rooms or classes as an address', () => {
    expect(fieldsOf('三房一厅就我一个人 发烧了没人管').location).toBeUndefined()
    expect(fieldsOf('娃3门课没考好 发烧了 吃啥药').location).toBeUndefined()
  })

  it('does not read a phone number or a time as a building', () => {
    expect(fieldsOf('停水了 物业电话138-1234-5678打不通').location).toBeUndefined()
    expect(fieldsOf('说是9:00-1200停水 现在还没来水').location).toBeUndefined()
  })

  it('reads a flat by its number on the landing (户) or on its floor (3楼2号)', () => {
    expect(fieldsOf('暖气片漏水了 地上一摊 8号楼2单元4户').location).toBe('8号楼2单元4户')
    expect(fieldsOf('老太太咳了一宿 谁有止咳药 12号3户').location).toBe('12号3户')
    expect(fieldsOf('谁家有创可贴 孩子手划破了 9栋2单元5楼1号').location).toBe('9栋2单元5楼1号')
    expect(fieldsOf('5栋一共23户 好几户老人都缺降压药 谁能帮忙').location).toBe('5栋')
  })

  it('reads rows counted from a side, a flat by its number after its unit, and numbered 街坊 with their blocks', () => {
    expect(fieldsOf('快来人 平房区东三排8号老两口一直没开门 屋里一股煤烟味').location).toBe('平房区东三排8号')
    expect(fieldsOf('我妈发烧了 谁家有退烧药 老家属院后排3号').location).toBe('老家属院后排3号')
    expect(fieldsOf('谁家有体温计 借一下 3栋1单元5号').location).toBe('3栋1单元5号')
    expect(fieldsOf('停电了 整栋楼都黑了 7号街坊18栋 啥时候来电').location).toBe('7号街坊18栋')
  })

  it('takes a works’ compound, a 新村 or a hamlet by its name when it has no numbered buildings', () => {
    expect(fieldsOf('屋里水有消毒水味 能喝不 化纤厂家属区').location).toBe('化纤厂家属区')
    expect(fieldsOf('哪个药店还有头孢克肟 娃娃发烧38度 我们在岩脚寨').location).toBe('岩脚寨')
    expect(fieldsOf('咱家属院老楼的水管是不是锈透了 接的水发黄').location).toBeUndefined()
  })

  it('does not read 120 after an address, or a reading, as a room', () => {
    expect(fieldsOf('我爸胸口疼得厉害 在C区5幢 120还没到').location).toBe('C区5幢')
    expect(fieldsOf('老人阳了 心慌 心率 112').location).toBeUndefined()
  })
})

describe('medicines as written', () => {
  it('lists names once each, in order, longest form', () => {
    expect(fieldsOf('谁家有布洛芬混悬液或者泰诺林 布洛芬混悬液也行').medicines).toEqual(['布洛芬混悬液', '泰诺林'])
  })

  it('keeps the resident’s spelling and the form of the medicine', () => {
    expect(fieldsOf('求布洛分 还有儿童退烧药').medicines).toEqual(['布洛分', '儿童退烧药'])
    expect(fieldsOf('謝謝 誰家有退燒藥').medicines).toEqual(['退燒藥'])
    expect(fieldsOf('我爸吃的苯磺酸左旋氨氯地平 快吃完了 谁能帮买').medicines).toEqual(['苯磺酸左旋氨氯地平'])
    expect(fieldsOf('孩子咳嗽 能吃蒲地蓝消炎口服液吗').medicines).toEqual(['蒲地蓝消炎口服液'])
  })

  it('finds a misspelt name the way it is spelt', () => {
    expect(fieldsOf('谁能带一瓶霍香正气水 中暑了').medicines).toEqual(['霍香正气水'])
    expect(fieldsOf('要两盒泰诺灵 老人发烧').medicines).toEqual(['泰诺灵'])
  })

  it('finds a prescribed medicine no list names, by its name’s ending', () => {
    expect(fieldsOf('医生说出院后要吃利伐沙班 这药哪里能买到').medicines).toEqual(['利伐沙班'])
    expect(fieldsOf('卫生站能开丙戊酸钠吗 孩子的药只剩两天').medicines).toEqual(['丙戊酸钠'])
    expect(fieldsOf('我妈要的甲钴胺医院没了 谁家有 借一盒').medicines).toEqual(['甲钴胺'])
    expect(fieldsOf('老爷子要吃阿托伐他汀钙片 谁家有').medicines).toEqual(['阿托伐他汀钙片'])
    expect(fieldsOf('谁家有六味地黄丸 借几粒').medicines).toEqual(['六味地黄丸'])
    // A listed name keeps its own start: 到 is not part of it.
    expect(fieldsOf('哪里能买到奥司他韦 孩子甲流').medicines).toEqual(['奥司他韦'])
  })

  it('takes no everyday word for a medicine by its ending', () => {
    expect(fieldsOf('水里有白色的小颗粒 是水箱的问题吗 3栋').medicines).toBeUndefined()
    expect(fieldsOf('站楼顶能看到地平线 风大把花盆吹下来砸到车了 物业快来处理一下').medicines).toBeUndefined()
    expect(fieldsOf('孩子要吃肉丸子 哪家超市有卖 停电了冰箱坏了').medicines).toBeUndefined()
  })

  it('does not count a bare 药', () => {
    expect(fieldsOf('阳了要不要吃药').medicines).toBeUndefined()
  })

  it('does not count a thermometer a reading came from, but lists one asked for', () => {
    expect(fieldsOf('宝宝出生第9天 耳温枪显示100.8华氏度 是发烧了吧').medicines).toBeUndefined()
    expect(fieldsOf('谁家有额温枪借我用一下').medicines).toEqual(['额温枪'])
  })

  it('names first aid for falls and cuts', () => {
    expect(fieldsOf('我妈刚才在厨房滑了一下 自己站起来了 谁家有红花油借点').medicines).toEqual(['红花油'])
    expect(fieldsOf('孩子手被开水烫了 起了个泡 谁家有烫伤膏和绷带').medicines).toEqual(['烫伤膏', '绷带'])
  })

  it('names everyday needs by class and by name', () => {
    expect(fieldsOf('明天坐大巴去医院复查 谁有晕车药 匀两片').medicines).toEqual(['晕车药'])
    expect(fieldsOf('我爸的血压药吃完了 谁顺路帮忙带一盒').medicines).toEqual(['血压药'])
    expect(fieldsOf('老人慢阻肺 舒利迭用完了 谁能帮忙去医院开').medicines).toEqual(['舒利迭'])
  })
})
