package com.groupcare.hub.membership;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The organisation tree (company > direction > department), loaded from mappings/hr/org-units.csv at start-up. */
@Component
public class OrgUnits implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(OrgUnits.class);

    private final JdbcTemplate jdbc;
    private final Resource source;

    public OrgUnits(JdbcTemplate jdbc, @Value("${hub.hr.org-units}") Resource source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    /** Runs before the routes start, so the first file already sees the tree. */
    @Override
    public void afterPropertiesSet() {
        List<CSVRecord> rows;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
            rows = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        // parents first: the file lists them first, and the foreign key checks it
        for (CSVRecord row : rows) {
            String parent = row.get("parent").isBlank() ? null : row.get("parent");
            jdbc.update("""
                    insert into org_unit (code, name, parent_code, level) values (?, ?, ?, ?)
                    on conflict (code) do update set name = excluded.name, parent_code = excluded.parent_code,
                        level = excluded.level, valid_to = null""",
                    row.get("code"), row.get("name"), parent, row.get("level"));
        }
        log.info("Organisation tree: {} units from {}", rows.size(), source.getFilename());
    }

    public Set<String> activeCodes() {
        return new HashSet<>(jdbc.queryForList("select code from org_unit where valid_to is null", String.class));
    }

    /** The unit and every unit below it, for searches that roll up the tree. */
    public List<String> subtree(String code) {
        return jdbc.queryForList("""
                with recursive tree as (
                    select code from org_unit where code = ?
                    union all
                    select u.code from org_unit u join tree t on u.parent_code = t.code)
                select code from tree""", String.class, code);
    }
}
