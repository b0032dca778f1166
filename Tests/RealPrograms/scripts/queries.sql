-- sqlite3: a schema, many rows from a recursive CTE inside a transaction, aggregates, a join,
-- a rolled-back transaction, an index and the query plan that uses it, JSON and window functions.
.headers on
.mode list
CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL, city_id INTEGER, age INTEGER, score REAL);
CREATE TABLE city (id INTEGER PRIMARY KEY, name TEXT UNIQUE, country TEXT);
INSERT INTO city (name, country) VALUES ('paris', 'fr'), ('berlin', 'de'), ('oslo', 'no'), ('lima', 'pe'), ('rome', 'it');
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO person (name, city_id, age, score)
  SELECT 'p' || i, 1 + (i * 7) % 5, 18 + (i * 13) % 60, (i % 97) * 1.25 + i / 1000.0 FROM n;
COMMIT;
SELECT count(*), sum(age), min(score), max(score), round(avg(score), 6), total(age * score) FROM person;
SELECT c.name, c.country, count(*) AS n, round(avg(p.age), 3) AS avg_age, max(p.score) AS best
  FROM person p JOIN city c ON c.id = p.city_id GROUP BY c.id ORDER BY n DESC, c.name;
SELECT age / 10 * 10 AS decade, count(*) FROM person GROUP BY decade HAVING count(*) > 100 ORDER BY decade;
BEGIN;
DELETE FROM person WHERE age > 30;
SELECT 'inside', count(*) FROM person;
ROLLBACK;
SELECT 'after rollback', count(*) FROM person;
CREATE INDEX person_age ON person (age, score);
EXPLAIN QUERY PLAN SELECT name FROM person WHERE age = 40 ORDER BY score;
SELECT name, score FROM person WHERE age = 40 ORDER BY score DESC, id LIMIT 5;
SELECT name, age, rank() OVER (PARTITION BY city_id ORDER BY score DESC, id) AS r FROM person WHERE id < 30 ORDER BY city_id, r LIMIT 12;
SELECT json_object('n', count(*), 'cities', json_group_array(DISTINCT city_id)) FROM person WHERE age < 20;
SELECT printf('%08.3f|%-6s|%x', 3.14159, 'ab', 255), length(randomblob(16)), length(zeroblob(1000)), upper('straße'), 1e308 * 10, 9223372036854775807 + 1;
UPDATE person SET score = score * 2 WHERE id % 1000 = 0;
SELECT sum(score), changes(), total_changes() FROM person;
SELECT quote(x'00ff'), typeof(1), typeof(1.0), typeof('1'), typeof(NULL), 7 / 2, 7 / 2.0, -7 % 3, cast('12abc' AS INTEGER);
PRAGMA integrity_check;
