-- One normalisation for every search (Atlas, jobs, programmes), on stored search columns and on queries:
-- lower case, accents removed (immutable_unaccent), Arabic diacritics (harakat, tanwin, shadda, sukun,
-- dagger alef) and tatweel removed, hamza/alef forms (أ إ آ ٱ) → ا, ى → ي, ة → ه, ؤ → و, ئ → ي.
-- IMMUTABLE, so generated columns and indexes can use it (src/lib/server/db/search.ts); names are
-- schema-qualified because index builds run with a restricted search_path.
CREATE OR REPLACE FUNCTION search_normalise(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT translate(
    regexp_replace(lower(public.immutable_unaccent($1)), '[\u064B-\u065F\u0670\u0640]', '', 'g'),
    'أإآٱىةؤئ', 'اااايهوي') $$;
