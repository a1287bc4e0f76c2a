-- Activity.bookings lists an activity's bookings in the order they were made, a keyset page at a
-- time: (created_at, id) > cursor. booking_activity_status_idx leads with status, so without a
-- status filter it cannot give that order; this one serves every page with an index range scan.
CREATE INDEX booking_activity_created_idx ON booking (activity_id, created_at, id);
