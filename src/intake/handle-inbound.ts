import type { InboundMessage } from '../chat/inbound-message.js'
import { mayRun, parseCommand } from '../commands/parse-command.js'
import { runCommand } from '../commands/run-command.js'
import type { Core, Work } from '../core.js'
import * as memberText from '../messages/member.js'
import * as residentText from '../messages/resident.js'
import { buildingKey, buildingOf } from '../privacy/building.js'
import { takeRating } from '../ratings/record-rating.js'
import { createIntakeStore } from './intake-store.js'

const SENTENCE_CHARS = 12

/** What became of a message, kept per message id so a replayed message is recognised as one. */
export type Outcome = 'ignored' | 'command' | 'ticket' | 'offer' | 'chatter' | 'attachment' | 'help' | 'rating'

/**
 * Decides what one chat message means and does it: a command from its sender, a help request that
 * becomes a ticket, an offer kept for matching, a photo for an open ticket's assignee, or silence.
 * Runs inside the step's transaction, so a message is handled completely or not at all, and once.
 */
export function createInboundHandler(core: Core): (work: Work, message: InboundMessage) => Outcome {
  const intake = createIntakeStore<Outcome>(core.db)
  return (work, message) => {
    const seen = intake.outcomeOf(message.id)
    if (seen) return seen
    const outcome = decide(core, intake, work, message)
    intake.markSeen(message.id, work.now, outcome)
    return outcome
  }
}

type IntakeStore = ReturnType<typeof createIntakeStore<Outcome>>

function decide(core: Core, intake: IntakeStore, work: Work, message: InboundMessage): Outcome {
  const room = message.roomId === null ? null : core.roster.room(message.roomId)
  // The bot serves only the groups on its roster; anywhere else it stays out of the conversation.
  if (room === undefined) return 'ignored'
  const member = core.roster.member(message.fromId)

  if (message.type !== 'text') return handleMedia(core, work, message, member !== undefined)

  const command = parseCommand(message.text)
  // A resident whose sentence happens to start like a command they may not run (关闭 3 号楼总阀的人呢？
  // 水管爆了) is asking for help, and is heard as such: a refusal would lose the request. Commands are
  // a few characters; a sentence is longer.
  const asking =
    command !== null &&
    !member &&
    !mayRun(command, undefined) &&
    message.text.length >= SENTENCE_CHARS &&
    core.recognise(message.text).kind === 'request'
  if (command && !asking) {
    runCommand(core, work, { id: message.fromId, name: message.fromName, member, roomId: message.roomId }, command)
    return 'command'
  }
  // The coordinators' group is where the team talks; only commands are for the bot there.
  if (room?.coordinators) return 'ignored'
  // A member's direct message that is no command is most likely a mistyped one.
  if (!room && member) {
    work.send({ contact: message.fromId }, memberText.memberHelp)
    return 'help'
  }

  // Right after help came, a short 5 or 满意 is the resident's rating of it.
  if (!member && takeRating(core, work, { id: message.fromId, roomId: message.roomId }, message.text)) return 'rating'

  const recognition = core.recognise(message.text)
  if (recognition.kind === 'offer') {
    intake.addOffer(message, work.now)
    return 'offer'
  }
  if (recognition.kind !== 'request') {
    if (room) return 'chatter'
    work.send({ contact: message.fromId }, residentText.residentHelp)
    return 'help'
  }

  const building = buildingOf(recognition.fields.location)
  const ticket = core.tickets.create({
    sourceKey: message.id,
    roomId: message.roomId,
    requesterId: message.fromId,
    requesterName: message.fromName,
    text: message.text,
    category: recognition.category,
    urgency: recognition.urgency,
    fields: recognition.fields,
    selfHarm: recognition.selfHarm,
    // The resident asked when they wrote, not when a busy queue got to it: deadlines count from here.
    at: message.at,
    grid: room?.grid ?? core.roster.gridOfBuilding(building) ?? null,
    building: building ? buildingKey(building) : null,
  })
  if (ticket) work.dispatch({ ticketNo: ticket.no, attempt: 1 })
  return 'ticket'
}

/**
 * A photo of the medicine box or the tap is worth having: from a resident with an open ticket it goes
 * to the assignee. From anyone else it is no request, and the group hears nothing.
 */
function handleMedia(core: Core, work: Work, message: InboundMessage, fromMember: boolean): Outcome {
  const ticket = core.tickets.openRequestedBy(message.fromId)[0]
  if (ticket) {
    core.tickets.addEvent(ticket.no, work.now, 'attachment', message.fromId, ticket.assigneeId, message.type)
    if (ticket.assigneeId) {
      work.send({ contact: ticket.assigneeId }, memberText.attachmentForward(ticket.no, message.fromName, message.type), {
        forwardMessageId: message.id,
      })
    }
    return 'attachment'
  }
  if (message.roomId === null && !fromMember) {
    work.send({ contact: message.fromId }, residentText.cannotReadMedia)
    return 'help'
  }
  return 'ignored'
}
