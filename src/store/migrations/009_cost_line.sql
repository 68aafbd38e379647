-- Youth-care costs that are not invoices (issue 17, the whole cost picture): the access team's staff, subsidies for the
-- child-protection chain, lump-sum contracts, prevention. One amount per year, municipality, kind and description.
-- (Numbered 009: 006–008 are taken by work built in parallel.)
CREATE TABLE cost_line (
  year          INTEGER NOT NULL,
  municipality  VARCHAR NOT NULL,
  cost_kind     VARCHAR NOT NULL,            -- 'toegang', 'subsidie', 'lumpsum', 'preventie', 'overig'
  description   VARCHAR NOT NULL DEFAULT '', -- '' = the kind's total
  amount_cents  BIGINT NOT NULL,
  file_id       VARCHAR NOT NULL,
  PRIMARY KEY (year, municipality, cost_kind, description)
);
