-- HR lines put aside until their file's completion step: the lines of a family one of which would
-- end, or bring closer, the cover of someone covered (a leave date, a withdrawal, an earlier age
-- limit). They count in the safety valve and apply only once it passes or a person releases the
-- file; a rejected file's lines are dropped unapplied. Rows go when the file completes or is rejected.
-- record: the parsed line (json), so the line applies at completion exactly as it would have in its chunk.
create table hr_deferred_line (
    exchange_id bigint      not null,
    line_no     integer     not null,
    matricule   varchar(12) not null,
    rank        integer     not null,
    ends_cover  boolean     not null,
    record      json        not null,
    primary key (exchange_id, line_no)
);
create index hr_deferred_line_by_family on hr_deferred_line (exchange_id, matricule);
