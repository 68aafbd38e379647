-- The names of referrers by AGB code (GP practices, youth doctors, specialists), imported as the tabular kind
-- `referrers`: the iJw messages and most case-system exports carry only the referrer's AGB code.
CREATE TABLE referrer_agb (
  agb   VARCHAR PRIMARY KEY,                -- AGB code of the practice or care professional (8 digits)
  name  VARCHAR NOT NULL,
  type  VARCHAR,                            -- referrer type as on allocations (02 huisarts, ...), when the list gives it
  place VARCHAR
);
