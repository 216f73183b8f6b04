-- A claim names a provider the hub knows.
alter table claim add constraint claim_provider foreign key (provider_code) references provider (code);
