-- 006: the user's own introduction and conclusions of a council report, per municipality (or the region) and year.
-- Plain text, never rendered as HTML; every save is written to the audit log (src/report/texts.ts).
CREATE TABLE report_text (
  municipality  VARCHAR NOT NULL,             -- CBS code; '' = the whole region
  year          INTEGER NOT NULL,
  introduction  VARCHAR,                      -- NULL = not written
  conclusions   VARCHAR,
  author        VARCHAR NOT NULL,             -- login name of who saved it last
  saved_at      TIMESTAMP NOT NULL,
  PRIMARY KEY (municipality, year)
);
