-- Cross-repository search takes the whole query language (docs/query.md), as the embedded index
-- answers it: items keep what its filters read (metadata values and other text, technologies,
-- effort, folded owner and headings, files referenced, PL002), a tracker version when its review
-- falls due (is:stale), and the full-text vector covers the columns FTS5 covers, tokenised alike.
--
-- FTS5's tokenizer (porter unicode61) splits text at every character that is not a letter or digit,
-- stems with the original Porter algorithm and drops no word; PostgreSQL's `english` configuration
-- keeps file names and URLs whole, stems with Porter2 and drops stop words. The `punchlist`
-- configuration stems with Snowball's `porter` (the original) and no stop list, and
-- `punchlist_words` turns punctuation into spaces first, so that `ci/cd` is `ci` then `cd` on both
-- sides. (FTS5 also folds diacritics; this does not, which needs the unaccent extension.)
CREATE TEXT SEARCH DICTIONARY punchlist_porter (TEMPLATE = snowball, Language = porter);
CREATE TEXT SEARCH CONFIGURATION punchlist (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION punchlist
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart WITH punchlist_porter;

CREATE FUNCTION punchlist_words(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace($1, '[[:punct:]]+', ' ', 'g');

ALTER TABLE document_versions ADD COLUMN review_due date;   -- PL005: when the next review falls due

ALTER TABLE items
    ADD COLUMN fields text NOT NULL DEFAULT '',              -- metadata values, one per line
    ADD COLUMN body text NOT NULL DEFAULT '',                -- the item's other text
    ADD COLUMN section_path text NOT NULL DEFAULT '',        -- headings, outermost first, one per line
    ADD COLUMN sections text NOT NULL DEFAULT '',            -- category and headings, lower case (section:)
    ADD COLUMN owner_key text,                               -- the owner without '@', lower case (owner:)
    ADD COLUMN effort double precision,                      -- hours (effort:)
    ADD COLUMN tech text[] NOT NULL DEFAULT '{}',            -- canonical technology names (tech:)
    ADD COLUMN has_files boolean NOT NULL DEFAULT false,     -- references a file (has:files)
    ADD COLUMN contradicted boolean NOT NULL DEFAULT false,  -- PL002 (is:contradicted)
    ADD COLUMN boxes jsonb NOT NULL DEFAULT '[]';            -- the criteria as pushed, [{text, checked}], for the item's page

-- Filled for items stored before: what their JSON holds (the text an older push lacks stays empty).
UPDATE items SET
    section_path = coalesce((SELECT string_agg(s, E'\n') FROM jsonb_array_elements_text(item -> 'sectionPath') s), ''),
    sections = lower(concat_ws(E'\n', item ->> 'category', (SELECT string_agg(s, E'\n') FROM jsonb_array_elements_text(item -> 'sectionPath') s))),
    owner_key = lower(ltrim(owner, '@')),
    effort = (item -> 'effort' ->> 'hours')::double precision,
    has_files = coalesce(jsonb_path_exists(item, '$.references[*] ? (@.kind == "file")'), false);

-- The columns FTS5 weighs, in its order: title (A), criteria (B), headings (C), metadata and other text (D).
ALTER TABLE items DROP COLUMN search;
ALTER TABLE items ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('punchlist'::regconfig, punchlist_words(title)), 'A') ||
    setweight(to_tsvector('punchlist'::regconfig, punchlist_words(criteria)), 'B') ||
    setweight(to_tsvector('punchlist'::regconfig, punchlist_words(section_path)), 'C') ||
    setweight(to_tsvector('punchlist'::regconfig, punchlist_words(fields || E'\n' || body)), 'D')) STORED;

CREATE INDEX items_search ON items USING gin (search);
CREATE INDEX items_tech ON items USING gin (tech);
