-- +goose Up
-- Which reply queues each node of the desk works (one per account in its
-- --accounts), renewed every minute while the node runs: the queue of an
-- account that no live node lists is adopted into the state account's,
-- and only such a queue, so that a node still running with an older list
-- during a rolling change does not take the replies of an account a newer
-- node has just added. seen_ms is the node's last renewal, by its clock.
CREATE TABLE reply_queue_nodes (
	node    TEXT NOT NULL,
	queue   TEXT NOT NULL,
	seen_ms BIGINT NOT NULL,
	PRIMARY KEY (node, queue)
);

-- +goose Down
DROP TABLE reply_queue_nodes;
