-- The leads pgbench moves: every lead in the database, numbered so that a script can draw one.
DROP TABLE IF EXISTS bench_lead;
CREATE TABLE bench_lead AS SELECT row_number() OVER () AS n, id FROM lead;
ALTER TABLE bench_lead ADD PRIMARY KEY (n);
