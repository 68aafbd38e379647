-- 001: the base schema. Amounts are whole eurocents (BIGINT); dates are DATE; codes are VARCHAR as in iJw
-- (leading zeros matter). Clients are known only by their pseudonym (keyed hash of the BSN), never by BSN or name.

CREATE TABLE municipality (
  code        VARCHAR PRIMARY KEY,          -- CBS four-digit code, e.g. '0150'
  name        VARCHAR NOT NULL,
  province    VARCHAR,
  region      VARCHAR                       -- youth-care region (jeugdzorgregio)
);

CREATE TABLE population (
  municipality VARCHAR NOT NULL,
  year         INTEGER NOT NULL,
  age_band     VARCHAR NOT NULL,            -- '0-3', '4-11', '12-17', '18-22', 'totaal'
  inhabitants  INTEGER NOT NULL,
  PRIMARY KEY (municipality, year, age_band)
);

CREATE TABLE client (
  client_id    VARCHAR PRIMARY KEY,         -- pseudonym: HMAC-SHA-256(secret, BSN), hex
  birth_month  DATE,                        -- first day of the birth month (day is dropped on purpose)
  sex          VARCHAR,                     -- COD046: 0 onbekend, 1 man, 2 vrouw
  municipality VARCHAR,                     -- municipality of residence as last reported
  district     VARCHAR,                     -- wijk, where a case-system export gives it
  postcode4    VARCHAR
);

CREATE TABLE provider (
  agb   VARCHAR PRIMARY KEY,                -- AGB code (8 digits)
  name  VARCHAR
);

CREATE TABLE product (
  code        VARCHAR PRIMARY KEY,          -- regional product code, e.g. '45A03'
  category    VARCHAR,                      -- JZ020 product category, e.g. '45'
  care_type   VARCHAR,                      -- the municipality's own care type, e.g. 'ambulant' (editable)
  description VARCHAR
);

CREATE TABLE product_tariff (
  code         VARCHAR NOT NULL,
  year         INTEGER NOT NULL,
  unit         VARCHAR,                     -- WJ756 eenheid code
  tariff_cents BIGINT NOT NULL,
  PRIMARY KEY (code, year)
);

CREATE TABLE referrer (
  referrer_id VARCHAR PRIMARY KEY,          -- type || ':' || (AGB or name or '')
  type        VARCHAR NOT NULL,             -- JZ? Verwijzer type: 01 gemeente, 02 huisarts, ... ; '00' = onbekend
  agb         VARCHAR,                      -- ZorgverlenerCode (AGB of the doctor / practice)
  name        VARCHAR
);

CREATE TABLE team (
  team_id      VARCHAR PRIMARY KEY,
  municipality VARCHAR,
  name         VARCHAR
);

CREATE TABLE request (                       -- JW315 verzoek om toewijzing
  provider_agb        VARCHAR NOT NULL,
  provider_reference  VARCHAR NOT NULL,     -- ReferentieAanbieder
  municipality        VARCHAR NOT NULL,
  client_id           VARCHAR NOT NULL,
  request_date        DATE NOT NULL,        -- Dagtekening of the message
  product_category    VARCHAR,
  product_code        VARCHAR,
  requested_start     DATE,
  requested_end       DATE,
  referrer_type       VARCHAR,
  referrer_agb        VARCHAR,
  file_id             VARCHAR NOT NULL,
  PRIMARY KEY (provider_agb, provider_reference, municipality, client_id)
);

CREATE TABLE allocation (                    -- JW301 toewijzing (or a case-system export)
  municipality        VARCHAR NOT NULL,
  allocation_no       VARCHAR NOT NULL,     -- ToewijzingNummer; unique only within a municipality
  client_id           VARCHAR NOT NULL,
  provider_agb        VARCHAR,
  provider_reference  VARCHAR,
  product_category    VARCHAR,
  product_code        VARCHAR,
  allocated_at        TIMESTAMP NOT NULL,   -- Toewijzingsdatum + tijd: the latest version wins
  start_date          DATE NOT NULL,
  end_date            DATE,                 -- NULL = open-ended
  volume              BIGINT,
  unit                VARCHAR,              -- WJ756
  frequency           VARCHAR,              -- WJ757
  budget_cents        BIGINT,               -- aspecific / generic allocations
  change_reason       VARCHAR,              -- JZ002 RedenWijziging; '13' = deleted
  deleted             BOOLEAN NOT NULL DEFAULT false,
  referrer_id         VARCHAR NOT NULL DEFAULT '00:',  -- '00:' = onbekend, never guessed
  team_id             VARCHAR,
  financing           VARCHAR NOT NULL DEFAULT 'ZIN',  -- 'ZIN' or 'PGB'
  file_id             VARCHAR NOT NULL,
  PRIMARY KEY (municipality, allocation_no)
);

CREATE TABLE care_period (                   -- JW305 start zorg / JW307 stop zorg
  municipality   VARCHAR NOT NULL,
  allocation_no  VARCHAR NOT NULL,
  provider_agb   VARCHAR NOT NULL,
  client_id      VARCHAR NOT NULL,
  start_date     DATE,
  end_date       DATE,
  end_reason     VARCHAR,                   -- JZ588 RedenBeeindiging
  start_file_id  VARCHAR,
  stop_file_id   VARCHAR,
  PRIMARY KEY (municipality, allocation_no)
);

CREATE TABLE invoice_line (                  -- JW323 (from 2021) or JW303 / case-system export (before)
  provider_agb        VARCHAR NOT NULL,
  reference           VARCHAR NOT NULL,     -- ReferentieNummer; unique only per provider
  previous_reference  VARCHAR,              -- VorigReferentieNummer of a credit line
  municipality        VARCHAR NOT NULL,
  client_id           VARCHAR NOT NULL,
  allocation_no       VARCHAR,
  invoice_no          VARCHAR,
  invoice_date        DATE,
  product_category    VARCHAR,
  product_code        VARCHAR,
  period_start        DATE NOT NULL,        -- the period of the care decides the year, not the invoice date
  period_end          DATE NOT NULL,
  volume              BIGINT,
  unit                VARCHAR,
  tariff_cents        BIGINT,
  amount_cents        BIGINT NOT NULL,      -- signed: credit lines are negative
  debit_credit        VARCHAR NOT NULL,     -- 'D' or 'C'
  message_kind        VARCHAR NOT NULL,     -- 'JW323', 'JW303', 'export'
  file_id             VARCHAR NOT NULL
  -- (provider_agb, reference) is unique, kept so by the importers (anti-join); no PRIMARY KEY: its index made bulk
  -- loading ~6x slower (measured: 1 M lines 0.9 s without, 5.4 s with, 16 s inside a transaction)
);

CREATE TABLE invoice_rejection (             -- JW325: only rejected lines; accepted = claimed - rejected
  provider_agb   VARCHAR NOT NULL,
  reference      VARCHAR NOT NULL,
  return_codes   VARCHAR NOT NULL,          -- comma-separated WJ001 codes
  amount_cents   BIGINT NOT NULL,           -- the rejected (claimed) amount, signed like the line
  answered_on    DATE,
  file_id        VARCHAR NOT NULL,
  PRIMARY KEY (provider_agb, reference)
);

CREATE TABLE budget (
  year          INTEGER NOT NULL,
  municipality  VARCHAR NOT NULL,
  care_type     VARCHAR NOT NULL DEFAULT '', -- '' = all care types
  team_id       VARCHAR NOT NULL DEFAULT '', -- '' = not a team budget
  kind          VARCHAR NOT NULL DEFAULT 'begroting', -- 'begroting', 'burap', 'rijksbijdrage', 'taakstelling'
  amount_cents  BIGINT NOT NULL,
  file_id       VARCHAR NOT NULL,
  PRIMARY KEY (year, municipality, care_type, team_id, kind)
);

CREATE TABLE pgb_cost (                      -- personal budget payments (SVB)
  line_key      VARCHAR PRIMARY KEY,        -- stable key of the source line (file-independent)
  municipality  VARCHAR NOT NULL,
  client_id     VARCHAR NOT NULL,
  period_start  DATE NOT NULL,
  period_end    DATE NOT NULL,
  care_type     VARCHAR,
  amount_cents  BIGINT NOT NULL,
  file_id       VARCHAR NOT NULL
);

CREATE TABLE import_file (                   -- import log: one row per file ever offered
  file_id       VARCHAR PRIMARY KEY,        -- sha-256 of the file's bytes
  file_name     VARCHAR NOT NULL,
  kind          VARCHAR NOT NULL,           -- 'JW301', ..., 'allocations', 'invoice_lines', ...
  imported_at   TIMESTAMP NOT NULL,
  records_total INTEGER NOT NULL,
  records_ok    INTEGER NOT NULL,
  records_quarantined INTEGER NOT NULL,
  status        VARCHAR NOT NULL,           -- 'ingelezen', 'overgeslagen', 'geweigerd'
  note          VARCHAR
);

CREATE TABLE message (                       -- iJw message identity: sender + BerichtIdentificatie
  sender        VARCHAR NOT NULL,
  message_id    VARCHAR NOT NULL,
  message_date  DATE,
  message_code  VARCHAR NOT NULL,           -- 'JW301', ...
  receiver      VARCHAR,
  file_id       VARCHAR NOT NULL,
  PRIMARY KEY (sender, message_id, message_code)
);

CREATE TABLE quarantine (                    -- rejected records, with a Dutch reason; never contains a BSN
  file_id     VARCHAR NOT NULL,
  file_name   VARCHAR NOT NULL,
  record_no   INTEGER NOT NULL,             -- line number (CSV/XLSX) or line of the element (XML)
  field       VARCHAR,
  reason      VARCHAR NOT NULL,
  raw         VARCHAR,                      -- the record with BSN and names removed
  quarantined_at TIMESTAMP NOT NULL,
  resolved    BOOLEAN NOT NULL DEFAULT false
);

CREATE SEQUENCE note_id START 1;

CREATE TABLE note (                          -- "tellen en vertellen": a plain-text remark on a metric, municipality and period
  id            INTEGER PRIMARY KEY DEFAULT nextval('note_id'),
  metric        VARCHAR NOT NULL,           -- catalogue id, e.g. 'costs'
  municipality  VARCHAR,                    -- NULL = the whole region
  period_from   DATE NOT NULL,
  period_to     DATE NOT NULL,
  author        VARCHAR NOT NULL,
  created_at    TIMESTAMP NOT NULL,
  text          VARCHAR NOT NULL            -- plain text, at most 2,000 characters; never rendered as HTML
);

-- Access control (src/access): local accounts, sessions, login attempts and the append-only audit log.
CREATE TABLE user_account (
  name           VARCHAR PRIMARY KEY,       -- login name
  role           VARCHAR NOT NULL,          -- 'admin', 'analyst', 'team_lead', 'provider', 'reader'
  municipalities VARCHAR NOT NULL DEFAULT '', -- comma-separated municipality codes; '' = no municipality restriction
  provider_agb   VARCHAR,                   -- provider role: the own AGB code
  team_id        VARCHAR,                   -- team lead: the own team
  password_hash  VARCHAR NOT NULL,          -- 'scrypt$N$r$p$salt$hash' (base64); never the password
  created_at     TIMESTAMP NOT NULL,
  password_set_at TIMESTAMP NOT NULL
);

CREATE TABLE user_session (
  token_hash   VARCHAR PRIMARY KEY,         -- sha-256 of the cookie value: a leaked table does not yield sessions
  user_name    VARCHAR NOT NULL,
  csrf_token   VARCHAR NOT NULL,
  created_ms   BIGINT NOT NULL,             -- epoch milliseconds (absolute expiry)
  last_seen_ms BIGINT NOT NULL              -- epoch milliseconds (idle expiry)
);

CREATE TABLE login_attempt (
  at_ms      BIGINT NOT NULL,               -- epoch milliseconds
  user_name  VARCHAR NOT NULL,
  ip         VARCHAR NOT NULL,
  success    BOOLEAN NOT NULL
);

CREATE SEQUENCE audit_log_seq;
CREATE TABLE audit_log (                     -- append-only: the code has no UPDATE or DELETE on this table
  id         BIGINT PRIMARY KEY DEFAULT nextval('audit_log_seq'),
  logged_at  TIMESTAMP NOT NULL,            -- UTC
  actor      VARCHAR NOT NULL,              -- user name, or '' for the system (imports from the CLI)
  role       VARCHAR NOT NULL,
  action     VARCHAR NOT NULL,              -- 'view', 'export', 'login', 'login_failed', 'logout', 'import', 'user_add', ...
  target     VARCHAR,                       -- metric id, user name, file name
  detail     VARCHAR,                       -- JSON: filters, split, scope, reason
  row_count  INTEGER,
  outcome    VARCHAR NOT NULL,              -- 'ok' or 'geweigerd'
  ip         VARCHAR,
  prev_hash  VARCHAR NOT NULL,              -- sha-256 chain over the entries: an edited or removed entry breaks it
  hash       VARCHAR NOT NULL
);
