-- Saved views: a named page + filters + split + parameters, kept per user and opened by anyone holding its link (the
-- access layer narrows it to the opener's scope). The id is random and unguessable: it is the shareable link.
CREATE TABLE saved_view (
  id          VARCHAR PRIMARY KEY,           -- 22 characters of base64url randomness
  owner       VARCHAR NOT NULL,              -- login name of the user who saved it
  name        VARCHAR NOT NULL,              -- the user's own name for it, plain text
  page        VARCHAR NOT NULL,              -- the dashboard page's slug ('kosten'; 'overzicht' for the start page)
  state       VARCHAR NOT NULL,              -- JSON: filters, from, to, split, view, measure, params (web/src/state.ts)
  created_at  TIMESTAMP NOT NULL
);
CREATE INDEX saved_view_owner ON saved_view (owner);
