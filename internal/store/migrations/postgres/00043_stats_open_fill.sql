-- +goose Up
-- stats_open is filled here from the complaints themselves, not left to the
-- next rebuild: during the rollout of 00038 a node without knowledge of
-- stats_open may rebuild the other roll-ups and write stats_rules, after
-- which the nodes that read stats_open would trust a table never filled.
-- The trigger of 00038 are the database's, so every node's writes keep it
-- from here on. The store's tests run this file's Up again on a database
-- whose stats_open was emptied: it must stay a fill and nothing else. The
-- lock holds off the writes (and their trigger) of nodes still running.
LOCK TABLE complaints IN SHARE ROW EXCLUSIVE MODE;
DELETE FROM stats_open;
INSERT INTO stats_open (class, type, unit_id, district, due_day, n)
SELECT class, type, unit_id, district, due_day, count(*) FROM (
	SELECT CASE WHEN v.k IN (1, 3) THEN '*' WHEN c.class <> '' THEN c.class ELSE c.suggested_class END AS class,
		CASE WHEN v.k >= 2 THEN '*' WHEN c.type <> '' THEN c.type ELSE c.suggested_type END AS type,
		c.unit_id, c.district, coalesce((c.due_at + 19800000) / 86400000, 2147483647) AS due_day
	FROM complaints c CROSS JOIN (VALUES (0), (1), (2), (3)) v(k)
	WHERE c.stage <> 'closed') o
GROUP BY class, type, unit_id, district, due_day;

-- +goose Down
-- Nothing to undo: the rows are those the triggers keep.
SELECT 1;
