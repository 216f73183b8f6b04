-- A million-line remittance pays for every index on remittance_line, line by line (about 1.5 s per
-- btree per million rows here), so it keeps only those that guard money or find a claim line's answers:
-- - the two indexes on claim_line_id (one to find a line's earlier answers, one to forbid a second first
--   answer) become one: unique on (claim_line_id, 0) for the first answer and (claim_line_id, id) for any
--   later line, so a claim line still has one first answer at most and its answers are found by its id;
-- - unique (exchange_id, line_no) goes: the pipeline applies each chunk once in the transaction that records
--   it, and a line written twice would be a second first answer, refused above. A file's lines are found by a
--   BRIN index (lines are appended file after file, so block ranges follow exchanges; it costs nothing to keep).
drop index remittance_first_answer;
drop index remittance_by_claim_line;
create unique index remittance_answers_of_claim_line on remittance_line (claim_line_id, (case when first_answer then 0 else id end))
    where claim_line_id is not null;
alter table remittance_line drop constraint remittance_line_exchange_id_line_no_key;
create index remittance_by_exchange on remittance_line using brin (exchange_id);
