-- CBS open data for comparing municipalities (issue 18): every imported cell of a CBS table, by measure, region, period
-- and the table's other dimensions. A missing cell is kept as NULL with the reason CBS gave for it, never as 0.
-- (Numbered 007: 006 is kept free for the report texts built in parallel.)
CREATE TABLE cbs_measure (                    -- the measures (CBS 'Topic' in DataProperties) of each imported table
  table_id      VARCHAR NOT NULL,            -- '85097NED'
  measure_key   VARCHAR NOT NULL,            -- CBS's key, e.g. 'JeugdhulpZonderVerblijf_2'
  title         VARCHAR NOT NULL,            -- 'Jeugdhulp zonder verblijf'
  path          VARCHAR NOT NULL,            -- with its topic groups: 'Jongeren met jeugdhulp > Jeugdhulp zonder verblijf'
  unit          VARCHAR,                     -- 'aantal', '%', 'x 1 000 euro'
  decimals      INTEGER,
  PRIMARY KEY (table_id, measure_key)
);

CREATE TABLE cbs_category (                   -- the categories of a table's other dimensions, with CBS's titles
  table_id      VARCHAR NOT NULL,
  dimension     VARCHAR NOT NULL,            -- 'Leeftijd'
  category      VARCHAR NOT NULL,            -- '10000' (padding trimmed)
  title         VARCHAR NOT NULL,            -- 'Totaal leeftijd'
  PRIMARY KEY (table_id, dimension, category)
);

CREATE TABLE cbs_observation (
  table_id      VARCHAR NOT NULL,
  measure_key   VARCHAR NOT NULL,
  measure_title VARCHAR NOT NULL,
  region        VARCHAR NOT NULL,            -- CBS region code, padding trimmed: 'GM0150', 'NL01'
  region_title  VARCHAR,
  period        VARCHAR NOT NULL,            -- Roer's period key: '2020' (year), '2020-H1', '2019-K1', '2019-03'
  period_kind   VARCHAR NOT NULL,            -- 'jaar', 'halfjaar', 'kwartaal', 'maand'
  cbs_period    VARCHAR NOT NULL,            -- as CBS wrote it: '2020HJ01'
  period_status VARCHAR,                     -- CBS's status of the period: 'Definitief', 'Voorlopig'
  dims          VARCHAR NOT NULL,            -- the table's other dimensions, 'Geslacht=T001038;Leeftijd=10000'; '' if none
  value         DOUBLE,                      -- NULL when CBS gives no figure
  status        VARCHAR NOT NULL,            -- 'waarde', or why there is no figure: 'onbekend', 'geheim', 'leeg', …
  file_id       VARCHAR NOT NULL,            -- the import (import_file.file_id) that wrote this row
  PRIMARY KEY (table_id, measure_key, region, cbs_period, dims),
  CHECK ((value IS NULL) = (status <> 'waarde'))
);
CREATE INDEX cbs_observation_region ON cbs_observation (region, period);

-- Reference groups a municipality is compared with, saved per municipality under a name of the user's choosing.
CREATE TABLE reference_group (
  municipality  VARCHAR NOT NULL,            -- four-digit code of the municipality the group is for
  name          VARCHAR NOT NULL,            -- e.g. 'Buren'
  definition    VARCHAR NOT NULL,            -- JSON: {"kind":"regio","region":…} | {"kind":"grootteklasse","sizeClass":…} | {"kind":"buren","municipalities":[…]}
  saved_by      VARCHAR NOT NULL,
  saved_at      TIMESTAMP NOT NULL,
  PRIMARY KEY (municipality, name)
);
