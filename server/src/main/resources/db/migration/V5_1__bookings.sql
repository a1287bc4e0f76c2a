-- Bookings by QR code: rate-limit counters, retry-safe attendance, and the indexes the
-- booking, waiting-list and no-show paths read.

-- Booking attempts per mobile number and per client IP in one clock hour, shared by every
-- replica. The key is a salted SHA-256 of the number or address: the phone number itself
-- is stored once, in booking, and nowhere else. Rows older than two hours are deleted by
-- the periodic booking job.
CREATE TABLE booking_attempt (
    kind         text        NOT NULL CHECK (kind IN ('PHONE', 'IP')),
    key          bytea       NOT NULL CHECK (length(key) = 32),
    window_start timestamptz NOT NULL,
    count        int         NOT NULL CHECK (count > 0),
    PRIMARY KEY (kind, key, window_start)
);
CREATE INDEX booking_attempt_window_idx ON booking_attempt (window_start);

-- The salt of those keys, made once per database, so a copy of the counters cannot be
-- matched against a list of numbers hashed elsewhere.
INSERT INTO app_meta (key, value)
VALUES ('booking_attempt_salt', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
ON CONFLICT (key) DO NOTHING;

-- The waiting list in order: position and promotion read (created_at, id) among one
-- activity's WAITLISTED bookings. booking_activity_status_idx covers the same columns,
-- but this partial index stays small however many bookings an activity had.
CREATE INDEX booking_waitlist_idx ON booking (activity_id, created_at, id)
    WHERE status = 'WAITLISTED';

-- The no-show sweep looks only at bookable activities that ended since its last run.
CREATE INDEX activity_bookable_ends_idx ON activity (ends_at) WHERE capacity IS NOT NULL;

-- A staff member's phone may send the same count twice (a retry after a timeout): the
-- same key records it once.
ALTER TABLE attendance ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX attendance_idempotency_key ON attendance (activity_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
