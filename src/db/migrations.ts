/**
 * The schema, as an append-only list: the database's `user_version` says how many have run.
 * Never edit a migration that has shipped; add the next one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE rooms (
    id TEXT PRIMARY KEY,
    topic TEXT NOT NULL,
    grid TEXT,
    coordinators INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL
  );
  CREATE TABLE members (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'coordinator')),
    skills TEXT NOT NULL,
    grids TEXT NOT NULL,
    shift TEXT NOT NULL,
    position INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    duty_override TEXT CHECK (duty_override IN ('on', 'off')),
    override_until INTEGER,
    last_assigned_at INTEGER
  );
  CREATE TABLE tickets (
    no INTEGER PRIMARY KEY AUTOINCREMENT,
    source_key TEXT NOT NULL UNIQUE,
    room_id TEXT,
    requester_id TEXT NOT NULL,
    requester_name TEXT NOT NULL,
    text TEXT NOT NULL,
    category TEXT NOT NULL,
    urgency TEXT NOT NULL,
    fields TEXT NOT NULL,
    state TEXT NOT NULL,
    assignee_id TEXT,
    dispatch_attempt INTEGER NOT NULL DEFAULT 0,
    dispatch_wanted INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    assigned_at INTEGER,
    accepted_at INTEGER,
    resolved_at INTEGER,
    closed_at INTEGER,
    rating INTEGER
  );
  CREATE INDEX tickets_by_assignee ON tickets (assignee_id, state);
  CREATE INDEX tickets_by_requester ON tickets (requester_id, state);
  CREATE INDEX tickets_by_state ON tickets (state);
  CREATE TABLE ticket_events (
    id INTEGER PRIMARY KEY,
    ticket_no INTEGER NOT NULL REFERENCES tickets (no),
    at INTEGER NOT NULL,
    type TEXT NOT NULL,
    by_id TEXT,
    to_id TEXT,
    note TEXT
  );
  CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_no, id);
  CREATE TABLE offers (
    id INTEGER PRIMARY KEY,
    source_key TEXT NOT NULL UNIQUE,
    room_id TEXT,
    from_id TEXT NOT NULL,
    from_name TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE inbound_seen (
    message_id TEXT PRIMARY KEY,
    at INTEGER NOT NULL,
    outcome TEXT NOT NULL
  );
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    chat_id TEXT NOT NULL,
    is_room INTEGER NOT NULL,
    text TEXT NOT NULL,
    mentions TEXT NOT NULL DEFAULT '[]',
    forward_message_id TEXT,
    created_at INTEGER NOT NULL,
    sent_at INTEGER
  );
  CREATE INDEX outbox_unsent ON outbox (chat_id, id) WHERE sent_at IS NULL;
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // Timers (issue 6): where the current chase started, how many of its steps ran, and the one
  // timer job Redis should hold for the ticket (its id and due time), so the reconciler can tell.
  // Rooms list their grid's buildings, so a request's building finds its grid.
  `
  ALTER TABLE tickets ADD COLUMN timer_since INTEGER;
  ALTER TABLE tickets ADD COLUMN timer_steps INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE tickets ADD COLUMN timer_key TEXT;
  ALTER TABLE tickets ADD COLUMN timer_due INTEGER;
  CREATE INDEX tickets_with_timer ON tickets (timer_key) WHERE timer_key IS NOT NULL;
  ALTER TABLE rooms ADD COLUMN buildings TEXT NOT NULL DEFAULT '[]';
  `,
  // The digest (issue 7): each ticket's grid and building as decided when it came in, so figures by
  // grid and the 30-day hot spots are one indexed query; events by time; files (the chart) to send.
  `
  ALTER TABLE tickets ADD COLUMN grid TEXT;
  ALTER TABLE tickets ADD COLUMN building TEXT;
  CREATE INDEX tickets_by_created ON tickets (created_at);
  CREATE INDEX ticket_events_by_at ON ticket_events (at, type);
  ALTER TABLE outbox ADD COLUMN file_name TEXT;
  ALTER TABLE outbox ADD COLUMN file_data BLOB;
  -- Covering indexes for the digest (scripts/bench-digest.ts: a million tickets a year): the period's
  -- figures, the open backlog and the chase's lapses are read from the index alone.
  CREATE INDEX tickets_for_digest ON tickets (created_at, state, category, grid, assignee_id, accepted_at, resolved_at, rating);
  CREATE INDEX tickets_open_for_digest ON tickets (state, created_at, category, assignee_id, assigned_at, accepted_at, no)
    WHERE state IN ('new', 'assigned', 'accepted', 'escalated');
  CREATE INDEX ticket_events_lapses ON ticket_events (at, to_id)
    WHERE (type = 'reminded' AND note = 'accept') OR (type = 'escalated' AND note = 'not accepted');
  `,
  // Talk of self-harm (issue 4's handlers): its answer is a crisis line and company, not a category's
  // advice, and the page says so; decided once at intake, like the urgency.
  `
  ALTER TABLE tickets ADD COLUMN self_harm INTEGER NOT NULL DEFAULT 0;
  `,
]
