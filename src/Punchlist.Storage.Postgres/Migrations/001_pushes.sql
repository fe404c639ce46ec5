-- Pushed scans: repositories, the commits pushed for each, and what each commit's trackers held.
-- Document versions and their analyses are content-addressed (keyed by a SHA-256 of what they hold),
-- so a tracker no commit changed is stored once, however many commits are pushed.

CREATE TABLE repositories (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    head_commit  bigint,                                 -- the latest commit by committed_at
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE commits (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository_id bigint NOT NULL REFERENCES repositories (id),
    sha           text NOT NULL,
    committed_at  timestamptz NOT NULL,
    branch        text,
    today         date NOT NULL,                          -- the day the scan judged dates against
    pushed_at     timestamptz NOT NULL DEFAULT now(),
    status        jsonb NOT NULL,                         -- punchlist.status/1, as pushed
    answer        jsonb NOT NULL,                         -- punchlist.pushed/1, as first answered
    UNIQUE (repository_id, sha)
);

ALTER TABLE repositories ADD FOREIGN KEY (head_commit) REFERENCES commits (id);

-- One tracker's content as read: keyed by the SHA-256 of its bytes and of its items as read (the same
-- bytes read under another punchlist.yml can give other items).
CREATE TABLE document_versions (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key     bytea NOT NULL UNIQUE,
    sha256  text NOT NULL,
    title   text
);

CREATE TABLE items (
    version_id        bigint NOT NULL REFERENCES document_versions (id),
    ordinal           int NOT NULL,
    key               text NOT NULL,
    id                text,
    title             text NOT NULL,
    section           text,
    priority          text,                               -- P0..P3, null when none
    state             text NOT NULL,
    owner             text,
    due               date,
    criteria_total    int NOT NULL,
    criteria_checked  int NOT NULL,
    criteria          text NOT NULL,                      -- the criteria's text, one per line
    item              jsonb NOT NULL,                     -- punchlist.items/1's item (document, address and overdue blank: they are not content)
    search            tsvector GENERATED ALWAYS AS (
                          setweight(to_tsvector('english'::regconfig, coalesce(id, '') || ' ' || title), 'A') ||
                          setweight(to_tsvector('english'::regconfig, criteria), 'B') ||
                          setweight(to_tsvector('english'::regconfig, coalesce(section, '') || ' ' || coalesce(owner, '')), 'C')) STORED,
    PRIMARY KEY (version_id, ordinal)
);

CREATE INDEX items_search ON items USING gin (search);
CREATE INDEX items_priority ON items (priority, state) WHERE priority IN ('P0', 'P1');

-- What a commit's check said about one tracker: its findings and evidence verdicts, content-addressed too.
CREATE TABLE analyses (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key       bytea NOT NULL UNIQUE,
    findings  jsonb NOT NULL,                              -- punchlist.findings/1's findings
    evidence  jsonb NOT NULL,                              -- [{ key, verdict }]
    sla       text[] NOT NULL                              -- keys of the items past their SLA (PL004)
);

-- A commit's trackers: the one row per commit and tracker that a push always writes.
CREATE TABLE commit_documents (
    commit_id    bigint NOT NULL REFERENCES commits (id),
    path         text NOT NULL,
    version_id   bigint NOT NULL REFERENCES document_versions (id),
    analysis_id  bigint NOT NULL REFERENCES analyses (id),
    PRIMARY KEY (commit_id, path)
);

CREATE INDEX commit_documents_version ON commit_documents (version_id);

-- Tokens: a SHA-256 of each (never the token); push tokens push to and read their repository, read tokens only read.
CREATE TABLE tokens (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    repository_id  bigint NOT NULL REFERENCES repositories (id),
    hash           bytea NOT NULL UNIQUE,
    scope          text NOT NULL CHECK (scope IN ('push', 'read')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz
);
