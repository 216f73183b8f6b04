package com.groupcare.hub.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub dies once between an upload and its record: a PostgreSQL trigger on the record's update
 * (e.g. a batch becoming SENT) waits until the test opens the gate (the test has played the partner:
 * taken the file, or not), then fails, so nothing of the record is committed and the message is
 * delivered again, as after a restart. Later updates go through.
 */
public final class CrashOnce {

    private final JdbcTemplate jdbc;

    private CrashOnce(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first update of {@code table} that makes its status {@code status} waits for the gate, then fails. */
    public static CrashOnce whenStatusBecomes(JdbcTemplate jdbc, String table, String status) {
        jdbc.execute("create sequence crash_once_seq");
        jdbc.execute("create table crash_gate (opened boolean)");
        jdbc.execute("""
                create or replace function crash_once() returns trigger language plpgsql as $$
                begin
                  if nextval('crash_once_seq') = 1 then
                    for i in 1..600 loop
                      exit when exists (select 1 from crash_gate);
                      perform pg_sleep(0.05);
                    end loop;
                    raise exception 'simulated: the hub dies between the upload and its record';
                  end if;
                  return new;
                end $$""");
        jdbc.execute("create trigger crash_once before update on " + table + " for each row when (new.status = '" + status
                + "' and old.status <> '" + status + "') execute function crash_once()");
        return new CrashOnce(jdbc);
    }

    /** The partner has had its chance: the record fails now. */
    public void openTheGate() {
        jdbc.execute("insert into crash_gate values (true)");
    }

    /** How many records were tried: 2 when it crashed once, then recorded. */
    public long records() {
        return jdbc.queryForObject("select last_value from crash_once_seq", Long.class);
    }

    /** Call after each test (also when it failed). */
    public static void drop(JdbcTemplate jdbc, String table) {
        jdbc.execute("drop trigger if exists crash_once on " + table);
        jdbc.execute("drop table if exists crash_gate");
        jdbc.execute("drop sequence if exists crash_once_seq");
    }

    /**
     * Waits until a row of {@code table} has {@code status} (the record made on a later delivery), fails
     * if none does, then leaves a second for any further delivery of the message to have run.
     */
    public static void awaitRecord(JdbcTemplate jdbc, String table, String status) {
        String sql = "select count(*) from " + table + " where status = ?";
        for (int i = 0; i < 300 && jdbc.queryForObject(sql, Integer.class, status) == 0; i++) {
            pause(100);
        }
        if (jdbc.queryForObject(sql, Integer.class, status) == 0) {
            throw new AssertionError("no " + table + " became " + status + ": "
                    + jdbc.queryForList("select status from " + table, String.class));
        }
        pause(1000);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
