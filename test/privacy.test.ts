import { describe, expect, it } from 'vitest'
import { buildingOf } from '../src/privacy/building.js'
import { maskPhones, redactForGroup } from '../src/privacy/mask.js'

describe('maskPhones', () => {
  it.each([
    ['电话13812345678', '电话138****5678'],
    ['电话138-1234-5678', '电话138****5678'],
    ['电话138 1234 5678', '电话138****5678'],
    ['13912345678和15987654321', '139****5678和159****4321'],
  ])('masks the mobile number in %s', (text, masked) => {
    expect(maskPhones(text)).toBe(masked)
  })

  it.each([
    ['身份证110101199003071234', '身份证110***********1234'],
    ['身份证11010119900307123X', '身份证110***********123X'],
  ])('masks the 18-character ID number in %s', (text, masked) => {
    expect(maskPhones(text)).toBe(masked)
  })

  it.each([
    ['座机010-12345678', '座机010-****78'],
    ['座机0755-1234567', '座机0755-****67'],
  ])('masks the landline in %s', (text, masked) => {
    expect(maskPhones(text)).toBe(masked)
  })

  it.each(['发烧38.6度', '体温38.6', '3栋', '12号楼', '3栋2单元', '血氧92%', '1号楼2单元301'])('leaves %s alone', (text) => {
    expect(maskPhones(text)).toBe(text)
  })

  it('masks a phone number inside a whole message and keeps the rest', () => {
    expect(maskPhones('家里老人发烧38.6度，3栋2单元，电话13812345678')).toBe('家里老人发烧38.6度，3栋2单元，电话138****5678')
  })

  it('does not mask a number of 12 digits that only starts like a mobile', () => {
    expect(maskPhones('138123456789')).toBe('138123456789')
  })
})

describe('redactForGroup', () => {
  it.each([
    ['电话13812345678', '电话***'],
    ['电话138-1234-5678', '电话***'],
    ['电话138 1234 5678', '电话***'],
    ['身份证110101199003071234', '身份证***'],
    ['3栋2单元1102', '3栋2单元***'],
    ['5号楼1102', '5号楼***'],
    ['放在302室门口', '放在***室门口'],
    ['1102房', '***房'],
    ['3-2-1102', '3-2-***'],
  ])('removes the private digits from %s', (text, redacted) => {
    expect(redactForGroup(text)).toBe(redacted)
  })

  it('leaves no digit of a landline but its last two', () => {
    const redacted = redactForGroup('座机010-12345678')
    expect(redacted).toBe('座机***-****78')
    expect(redacted).not.toMatch(/010|1234/)
  })

  it.each(['3栋2单元', '12号楼', '二期5栋', '发烧38.6度', '体温38.6', '血氧92%', '西区9号楼'])('keeps %s', (text) => {
    expect(redactForGroup(text)).toBe(text)
  })

  it('redacts a whole resident message down to what the group may hear', () => {
    const text = '已送到3栋2单元1102，电话13812345678，体温38.6度'
    const redacted = redactForGroup(text)
    expect(redacted).toBe('已送到3栋2单元***，电话***，体温38.6度')
    expect(redacted).not.toMatch(/1102|138|5678/)
  })
})

describe('buildingOf', () => {
  it.each([
    ['3栋2单元', '3栋'],
    ['3栋2单元1102', '3栋'],
    ['5号楼1102', '5号楼'],
    ['二期5栋302', '二期5栋'],
    ['西区9号楼', '西区9号楼'],
    ['十二栋3单元', '十二栋'],
    ['7幢 1单元 502', '7幢'],
    ['二期', '二期'],
    ['西区1102', '西区'],
    ['二期1102', '二期'],
    ['幸福里小区', '幸福里小区'],
  ])('says %s as %s', (location, building) => {
    expect(buildingOf(location)).toBe(building)
  })

  it.each(['1102', '302室', '2单元1102', '电话13812345678'])('says nothing for %s, which names no building', (location) => {
    expect(buildingOf(location)).toBeUndefined()
  })

  it('says nothing without a location', () => {
    expect(buildingOf(undefined)).toBeUndefined()
    expect(buildingOf('')).toBeUndefined()
  })
})

describe('numbers that must not slip through', () => {
  it('masks room numbers written with 号, full-width digits and mobiles with +86', () => {
    expect(redactForGroup('已送到3栋1102号')).toBe('已送到3栋***号')
    expect(redactForGroup('放在1102号门口')).toBe('放在***号门口')
    expect(redactForGroup('电话１３８１２３４５６７８')).not.toMatch(/\d{4}/)
    expect(maskPhones('电话１３８１２３４５６７８')).toBe('电话138****5678')
    expect(maskPhones('+8613812345678')).toBe('138****5678')
    expect(redactForGroup('送到３栋１１０２')).toBe('送到3栋***')
  })

  it('never takes a room number for a building', () => {
    expect(buildingOf('1102号')).toBeUndefined()
    expect(buildingOf('2单元1102号')).toBeUndefined()
    expect(buildingOf('送到1102号房')).toBeUndefined()
    expect(buildingOf('幸福里小区3号楼2单元301')).toBe('幸福里小区3号楼')
  })
})

describe('buildingOf without a building', () => {
  it('says nothing of an address written in Chinese numerals', () => {
    expect(buildingOf('三单元五零二室')).toBeUndefined()
    expect(buildingOf('西区')).toBe('西区')
  })
})
