-- A full rebuild replaces every article and figure (and the extract errors) with re-parsed ones:
-- articles a better parser no longer produces must not linger.
delete from figures;
delete from articles;
delete from fetch_errors where stage = 'extract';
