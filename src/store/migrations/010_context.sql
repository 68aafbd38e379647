-- Municipal context a user imports for comparing (issue 18): per municipality and year a decile (1 = lowest tenth of
-- the municipalities, 10 = highest) of a context measure, e.g. the income or child-poverty decile. Optional: a
-- municipality without deciles is simply not placed in a context reference group.
-- (Numbered 010: the next free number when written; the merger renumbers on conflict.)
CREATE TABLE municipality_context (
  municipality  VARCHAR NOT NULL,            -- four-digit CBS code, '0150'
  year          INTEGER NOT NULL,            -- the year the decile is about
  kind          VARCHAR NOT NULL,            -- 'inkomen', 'kinderarmoede'
  decile        INTEGER NOT NULL CHECK (decile BETWEEN 1 AND 10),
  source        VARCHAR,                     -- the file's 'bron' column, e.g. 'fictief, gegenereerd door Roer'
  file_id       VARCHAR NOT NULL,            -- the import (import_file.file_id) that wrote this row
  PRIMARY KEY (municipality, year, kind)
);
