-- Matching (src/lib/server/jobs/matching): the normalised forms the ranking query compares, stored in
-- generated columns of seeker_profile and used by GIN indexes (a later migration adds them).
-- IMMUTABLE so generated columns and indexes may use them: array_to_string is only STABLE in general
-- (element output functions), but on text[] it is immutable in fact.

-- Skills as comparison keys: search_normalise (lower case, accents and Arabic spelling variants),
-- typographic apostrophes as ', runs of spaces as one; empty entries dropped.
CREATE OR REPLACE FUNCTION matching_skill_keys(text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_remove(string_to_array(
    regexp_replace(regexp_replace(
      translate(public.search_normalise(array_to_string($1, E'\x1f')), E'\u2019\u2018\u02BC`\u00B4', E'\'\'\'\'\''),
      E' *\x1f *', E'\x1f', 'g'), ' {2,}', ' ', 'g'),
    E'\x1f'), '') $$;--> statement-breakpoint

-- ISCO-08 unit groups with their minor and sub-major groups: {7112, 9313} -> {7112, 711, 71, 9313, 931, 93}.
CREATE OR REPLACE FUNCTION matching_occupation_groups(text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_remove(string_to_array(
    regexp_replace(array_to_string($1, ','), '([0-9]{2})([0-9])([0-9])', '\1\2\3,\1\2,\1', 'g'),
    ','), '') $$;
