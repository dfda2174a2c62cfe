-- The leads a one-round-trip move script (*-1rt.sql) moves: those in the status it moves from,
-- numbered in random order, so that each client takes the next one of its own and never moves a
-- lead twice (the move scripts check the status, as Baton does; a lead drawn twice would be
-- refused the second time and cost less than a move).
--   psql -v from=GENERATED -f pool.sql
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_move;
CREATE TABLE bench_move AS
    SELECT row_number() OVER (ORDER BY random()) AS n, id FROM lead WHERE status = :'from';
ALTER TABLE bench_move ADD PRIMARY KEY (n);
SELECT count(*) FROM bench_move;
