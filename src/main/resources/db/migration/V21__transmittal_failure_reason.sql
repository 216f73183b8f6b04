-- why a transmittal is FAILED: the broker gave up, or its files may have reached the insurer and a person checks
alter table transmittal add column failure_reason varchar(300);
