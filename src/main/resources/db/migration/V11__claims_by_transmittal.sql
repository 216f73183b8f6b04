-- A transmittal's total and a remittance's views read claims by their transmittal.
create index claim_by_transmittal on claim (transmittal_id);
