package com.groupcare.hub.membership;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The lines of an HR file put aside until its completion step (table hr_deferred_line): a family's
 * lines when one of them would end, or bring closer, the cover of someone covered (a leave date, a
 * withdrawal, an earlier age limit; {@link FamilySync#endsCover}). The safety valve counts what they
 * would end; they apply once it passes or a person releases the file, and a rejected file's lines
 * are dropped unapplied. A chunk writes its rows in its own transaction, so a redelivered chunk
 * (skipped by the pipeline) never adds them twice.
 */
@Repository
class HrDeferredLines {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // "member", from isMember()

    /** A line put aside, and whether it is one that ends someone's cover (or only follows such a line in its family). */
    record Deferred(HrRecord record, boolean endsCover) {
    }

    private final JdbcTemplate jdbc;

    HrDeferredLines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void put(long exchangeId, List<Deferred> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into hr_deferred_line (exchange_id, line_no, matricule, rank, ends_cover, record)
                values (?, ?, ?, ?, ?, ?::json) on conflict do nothing""", lines, 1000, (ps, d) -> {
            ps.setLong(1, exchangeId);
            ps.setInt(2, d.record().lineNo());
            ps.setString(3, d.record().matricule());
            ps.setInt(4, d.record().rank());
            ps.setBoolean(5, d.endsCover());
            ps.setString(6, toJson(d.record()));
        });
    }

    /** Whether any line of the file would end someone's cover. */
    boolean anyEnding(long exchangeId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from hr_deferred_line where exchange_id = ? and ends_cover)", Boolean.class, exchangeId));
    }

    /** The families (matricules) whose own lines would end someone's cover. */
    int familiesEnding(long exchangeId) {
        return jdbc.queryForObject("select count(distinct matricule) from hr_deferred_line where exchange_id = ? and ends_cover",
                Integer.class, exchangeId);
    }

    /** The file's lines put aside, in file order. */
    List<HrRecord> lines(long exchangeId) {
        return jdbc.query("select record from hr_deferred_line where exchange_id = ? order by line_no",
                (rs, i) -> fromJson(rs.getString(1)), exchangeId);
    }

    /** Done with the file (completed, or rejected: its lines never apply). Returns how many lines were put aside. */
    int drop(long exchangeId) {
        return jdbc.update("delete from hr_deferred_line where exchange_id = ?", exchangeId);
    }

    private static String toJson(HrRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            // not the exception's message: it could quote the line (personal data)
            throw new IllegalStateException("an HR line could not be put aside (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static HrRecord fromJson(String json) {
        try {
            return JSON.readValue(json, HrRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an HR line put aside could not be read back (" + e.getClass().getSimpleName() + ")");
        }
    }
}
