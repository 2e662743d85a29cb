-- A figures file staged before figures kept sentence offsets (it copies each sentence in a `sentence`
-- column; figurewire/staged_figures.py holds_sentence_text): loaded like load_figures, with the sentence's
-- offsets found in the batch's article text the way migration 0004 finds them for loaded rows.
delete from figures where article_id in (select article_id from staged_articles);
insert into figures by name
select
    staged.* exclude (sentence, window_start, found),
    case when found > 0 then window_start + found - 1 end as sentence_start,
    case when found > 0 then window_start + found - 1 + length(staged.sentence) end as sentence_end
from (
    select
        f.*,
        greatest(0, f."end" - length(f.sentence)) as window_start,
        case when length(f.sentence) > 0 then instr(
            substring(
                case when a.title is not null and a.title <> '' then a.title || chr(10) || chr(10) || a.body
                     else a.body end,
                greatest(0, f."end" - length(f.sentence)) + 1,
                f."start" - greatest(0, f."end" - length(f.sentence)) + length(f.sentence)),
            f.sentence) else 0 end as found
    from read_parquet($path) as f
    left join staged_articles as a on a.article_id = f.article_id
) as staged;
