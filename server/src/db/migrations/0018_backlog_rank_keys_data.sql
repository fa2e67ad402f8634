-- Backlog ranks were floats (midpoints that collapse after ~50 insertions between the same two neighbours); since
-- 0017 the column is text holding those floats' shortest exact decimal form. Each becomes the fractional-indexing
-- key of the same number, exactly as server/src/modules/pipeline/pipeline.rank.ts's rankKeyOfNumber writes it, so
-- the order is kept and hand-made ranks stay comparable with score-derived ones: the double's 64 bits made
-- order-preserving (sign bit set for a positive, every bit flipped for a negative; -0 taken as 0) written as 11
-- base-62 digits after the head "k".
UPDATE "request" AS r
SET "rank" = k.key
FROM (
  SELECT
    o.id,
    'k' || string_agg(
      substr(
        '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
        mod(div(o.ordered, power(62::numeric, p.place)), 62)::int + 1,
        1
      ),
      '' ORDER BY p.place DESC
    ) AS key
  FROM (
    SELECT
      b.id,
      CASE WHEN b.bits >= 0 THEN b.bits::numeric + 9223372036854775808 ELSE -1 - b.bits::numeric END AS ordered
    FROM (
      SELECT
        id,
        ('x' || encode(float8send(CASE WHEN "rank"::float8 = 0 THEN 0::float8 ELSE "rank"::float8 END), 'hex'))::bit(64)::bigint AS bits
      FROM "request"
    ) AS b
  ) AS o
  CROSS JOIN generate_series(0, 10) AS p(place)
  GROUP BY o.id
) AS k
WHERE r.id = k.id;
