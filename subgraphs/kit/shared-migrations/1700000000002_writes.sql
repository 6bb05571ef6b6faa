-- Up Migration
-- What writes need: the history of every status change (when, from, to, who, why), and the
-- idempotency keys of mutations (a retry with the same key returns the first result).

CREATE TABLE status_change (
  id          bigserial PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id   text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  from_status text,
  to_status   text NOT NULL,
  actor       text NOT NULL,
  reason      text
);
CREATE INDEX status_change_entity_idx ON status_change (entity_type, entity_id, at, id);

CREATE TABLE idempotency_key (
  operation    text NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  result       jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (operation, key)
);
