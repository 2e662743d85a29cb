-- A figure keeps its sentence as offsets into its article's text (title || '\n\n' || body, the text its
-- start/end point into) instead of a copy: the copy was the widest column of the largest table (1M
-- figures: a third of the load's bytes). Models cut the sentence from the article (int_figure_versions,
-- fct_figure_reports). Rows loaded before this migration get their sentence's offsets by finding the stored
-- sentence in the article's text where it can enclose the figure (it starts at most at "start" and ends at
-- least at "end"); a sentence that cannot be found there (none was ever stored) keeps null offsets.
alter table figures add column sentence_start bigint;
alter table figures add column sentence_end bigint;
update figures
set sentence_start = located.sentence_start, sentence_end = located.sentence_start + length(figures.sentence)
from (
    select
        f.figure_id,
        f.article_id,
        greatest(0, f."end" - length(f.sentence)) + instr(
            substring(
                case when a.title is not null and a.title <> '' then a.title || chr(10) || chr(10) || a.body
                     else a.body end,
                greatest(0, f."end" - length(f.sentence)) + 1,
                f."start" - greatest(0, f."end" - length(f.sentence)) + length(f.sentence)),
            f.sentence) - 1 as sentence_start
    from figures as f
    inner join articles as a on a.article_id = f.article_id
    where length(f.sentence) > 0
) as located
where located.figure_id = figures.figure_id
    and located.article_id = figures.article_id
    and located.sentence_start >= greatest(0, figures."end" - length(figures.sentence));
alter table figures drop column sentence;
