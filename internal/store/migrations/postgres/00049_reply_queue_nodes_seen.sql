-- +goose Up
-- The purge of old node records and the sweep that adopts queues no live
-- node lists both select by the time of the last renewal.
CREATE INDEX reply_queue_nodes_seen ON reply_queue_nodes (seen_ms, queue);

-- +goose Down
DROP INDEX reply_queue_nodes_seen;
