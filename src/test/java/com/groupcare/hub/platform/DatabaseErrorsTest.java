package com.groupcare.hub.platform;

import java.util.List;

import com.groupcare.hub.common.PgCopy;
import com.groupcare.hub.common.SafeErrors;
import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A database error never carries a field's value into a log: neither a failed COPY ("COPY ..., column
 * phone: +216...") nor a failed batch ("Batch entry 0 insert ... values ('+216...')") nor a key conflict.
 */
class DatabaseErrorsTest extends HubIntegrationTest {

    static final String PHONE = "+21699887766-0123456789-0123456789";

    @Test
    void aFailedCopyABatchOrAKeyConflictNamesNoValue() {
        Throwable copy = catchThrowable(() -> PgCopy.insert(jdbc, "org_unit", "code, name, level", List.of(PHONE),
                v -> new Object[] {v, "x", "DEPARTMENT"}));
        Throwable batch = catchThrowable(() -> jdbc.batchUpdate("insert into org_unit (code, name, level) values (?, 'x', 'DEPARTMENT')",
                java.util.Collections.singletonList(new Object[] {PHONE})));
        String code = jdbc.queryForObject("select code from org_unit limit 1", String.class);
        Throwable key = catchThrowable(() -> jdbc.update("insert into org_unit (code, name, level) values (?, ?, 'DEPARTMENT')",
                code, PHONE.substring(0, 20)));
        for (Throwable error : List.of(copy, batch, key)) {
            assertThat(error).isNotNull();
            for (Throwable t = error; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).as(t.getClass().getSimpleName()).doesNotContain(PHONE)
                        .doesNotContain(PHONE.substring(0, 12)).doesNotContain(code);
            }
            assertThat(SafeErrors.describe(error)).doesNotContain(PHONE.substring(0, 12));
        }
    }
}
