-- Indexes for reading the audit log and the token list by their filters, newest first.
CREATE INDEX audit_log_actor_idx ON audit_log (actor, id DESC);
CREATE INDEX audit_log_target_id_idx ON audit_log (target_type, target_id, id DESC);
CREATE INDEX api_token_point_idx ON api_token (point_id) WHERE point_id IS NOT NULL;
