package com.groupcare.hub.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contracts the hub knows: loaded from mappings/contracts/*.yaml at start-up and changed
 * through the API; each definition is kept in the database (audited) and parsed in memory.
 */
@Service
public class ContractCatalog implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ContractCatalog.class);

    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final String pattern;
    private final Map<String, InsuranceContract> contracts = new ConcurrentHashMap<>();

    public ContractCatalog(JdbcTemplate jdbc, AuditLog auditLog, @Value("${hub.contracts.files}") String pattern) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.pattern = pattern;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(pattern)) {
            String yaml = file.getContentAsString(StandardCharsets.UTF_8);
            save(yaml, "file:" + file.getFilename());
        }
        jdbc.query("select definition from insurance_contract", rs -> {
            InsuranceContract c = ContractFiles.parse(rs.getString(1));
            contracts.put(c.policyNumber(), c);
        });
        log.info("Contracts: {}", contracts.keySet());
    }

    public Optional<InsuranceContract> get(String policyNumber) {
        return Optional.ofNullable(contracts.get(policyNumber));
    }

    public Collection<InsuranceContract> all() {
        return contracts.values();
    }

    /** Creates or replaces a contract from its YAML definition; returns it parsed. */
    @Transactional
    public InsuranceContract save(String yaml, String actor) {
        InsuranceContract contract = ContractFiles.parse(yaml);
        String before = jdbc.query("select definition from insurance_contract where policy_number = ?",
                rs -> rs.next() ? rs.getString(1) : null, contract.policyNumber());
        if (yaml.equals(before)) {
            return contract;
        }
        jdbc.update("""
                insert into insurance_contract (policy_number, insurer, currency, status, definition, source, updated_at)
                values (?, ?, ?, ?, ?, ?, now())
                on conflict (policy_number) do update set insurer = excluded.insurer, currency = excluded.currency,
                    status = excluded.status, definition = excluded.definition, source = excluded.source, updated_at = now()""",
                contract.policyNumber(), contract.insurer(), contract.currency(), contract.status(), yaml, actor);
        auditLog.write(java.util.List.of(new Audit("INSURANCE_CONTRACT", contract.policyNumber(),
                before == null ? "CREATE" : "UPDATE", actor, Instant.now(),
                before == null ? null : Map.of("definition", before), Map.of("definition", yaml))));
        contracts.put(contract.policyNumber(), contract);
        return contract;
    }
}
