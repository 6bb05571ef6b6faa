-- Up Migration
-- The access log (issue 7, item 9): every read of this agency's restricted (shipment-level)
-- records, who read them, under which operation, and which records by key. Append-only, enforced
-- here: UPDATE, DELETE and TRUNCATE are refused by triggers, whatever role the subgraph runs as.

CREATE TABLE access_log (
  id            text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  at            timestamptz NOT NULL,
  identity_kind text NOT NULL CHECK (identity_kind IN ('ANONYMOUS', 'USER', 'SERVICE')),
  subject       text NOT NULL,
  uscc          text,
  operation     text,
  entity_type   text NOT NULL,
  keys          text[] NOT NULL
);
-- Newest first, the order of `<agency>AccessLog`, overall and per subject.
CREATE INDEX access_log_at_idx ON access_log (at, id);
CREATE INDEX access_log_subject_idx ON access_log (subject, at, id);

CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the access log is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
