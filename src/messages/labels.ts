import type { Skill } from '../recognise/handler.js'
import type { Urgency } from '../recognise/types.js'
import type { TicketState } from '../tickets/types.js'

/** Who a resident is told will help, by the skill the ticket needs. */
export const SKILL_LABEL: Record<Skill, string> = {
  doctor: '家庭医生',
  delivery: '送药志愿者',
  water: '水电维修人员',
  power: '电工',
  police: '社区民警',
  general: '专班成员',
}

export const URGENCY_LABEL: Record<Urgency, string> = { emergency: '紧急', urgent: '加急', normal: '一般' }

export const STATE_LABEL: Record<TicketState, string> = {
  new: '待派单',
  assigned: '已派单，等待接单',
  accepted: '处理中',
  resolved: '已办结',
  rated: '已办结并评价',
  escalated: '已上报协调员',
  cancelled: '已取消',
  merged: '已合并',
}
