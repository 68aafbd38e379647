-- 008: the measures register of the look ahead (issue 17), per municipality or the region ('' as in report_text).
-- A measure acts through mechanisms, each on one lever with a low–high band per year; lever and bands are JSON in the
-- shapes of src/forecast/levers.ts and measures.ts. Every save and delete is audited (src/forecast/register.ts).
CREATE TABLE measure (
  id                 VARCHAR PRIMARY KEY,
  municipality       VARCHAR NOT NULL,        -- CBS code; '' = the whole region
  name               VARCHAR NOT NULL,
  description        VARCHAR NOT NULL,
  owner              VARCHAR,                 -- NULL = not known
  start              DATE,
  preparation_months INTEGER,
  investment_cents   BIGINT NOT NULL,
  status             VARCHAR NOT NULL,
  indicator          VARCHAR,                 -- JSON {metric, column, filters} to monitor it by; NULL = none
  position           INTEGER NOT NULL,        -- order in the register
  author             VARCHAR NOT NULL,
  saved_at           TIMESTAMP NOT NULL
);
CREATE TABLE measure_mechanism (
  measure_id VARCHAR NOT NULL,
  position   INTEGER NOT NULL,
  lever      VARCHAR NOT NULL,                -- JSON Lever
  bands      VARCHAR NOT NULL,                -- JSON Band[] ({from, low, high})
  PRIMARY KEY (measure_id, position)
);
