-- Search documents of activities that have ended are never found again (search reads only rows
-- with visible_until > now()), but they stay in the GIN index, whose candidate lists then grow
-- with all the history. The hourly sweep (search/ExpiredDocumentSweep) deletes them in batches;
-- this index lets it find them without reading the table.
CREATE INDEX search_doc_visible_until_idx ON search_doc (visible_until) WHERE kind = 'ACTIVITY';
