-- A million-line remittance pays for every index on remittance_line, line by line. The two indexes
-- on claim_line_id (one to find a line's earlier answers, one to forbid a second first answer)
-- become one: unique on (claim_line_id, 0) for the first answer and (claim_line_id, id) for any later
-- line, so a claim line still has one first answer at most and its answers are found by its id.
drop index remittance_first_answer;
drop index remittance_by_claim_line;
create unique index remittance_answers_of_claim_line on remittance_line (claim_line_id, (case when first_answer then 0 else id end))
    where claim_line_id is not null;
