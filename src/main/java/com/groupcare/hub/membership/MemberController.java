package com.groupcare.hub.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.groupcare.hub.common.PersonalData;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/members")
@Tag(name = "Members", description = "Members (adhérents), their beneficiaries, cards and change history")
public class MemberController {

    private final MemberRepository members;
    private final BeneficiaryRepository beneficiaries;
    private final MemberCardRepository cards;
    private final OrgUnits orgUnits;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public MemberController(MemberRepository members, BeneficiaryRepository beneficiaries, MemberCardRepository cards,
                            OrgUnits orgUnits, JdbcTemplate jdbc, ObjectMapper json) {
        this.json = json;
        this.members = members;
        this.beneficiaries = beneficiaries;
        this.cards = cards;
        this.orgUnits = orgUnits;
        this.jdbc = jdbc;
    }

    public record MemberSummary(String matricule, String lastName, String firstName, String unitCode, String status,
                                LocalDate hireDate, LocalDate leaveDate, String nationalIdMasked) {
    }

    public record MemberDetail(Map<String, Object> member, List<BeneficiaryView> beneficiaries, List<MemberCard> cards,
                               List<Map<String, Object>> movements, List<Map<String, Object>> history) {
    }

    public record BeneficiaryView(Map<String, Object> beneficiary, boolean coveredToday) {
    }

    @GetMapping
    @Operation(summary = "Search members by matricule, name (prefix of last or first name) or unit (with the units below it)")
    public Page<MemberSummary> search(@RequestParam(required = false) String matricule,
                                      @RequestParam(required = false) String name,
                                      @RequestParam(required = false) String unit,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        List<String> units = unit == null ? List.of("") : orgUnits.subtree(unit);
        return members.search(blank(matricule), blank(name).toLowerCase(java.util.Locale.ROOT), unit == null, units, PageRequest.of(page, Math.min(size, 500)))
                .map(m -> new MemberSummary(m.getMatricule(), m.getLastName(), m.getFirstName(), m.getUnitCode(),
                        m.getStatus(), m.getHireDate(), m.getLeaveDate(), PersonalData.mask(m.getNationalId())));
    }

    @GetMapping("/{matricule}")
    @Operation(summary = "One member with beneficiaries, cards, membership movements and change history")
    public MemberDetail get(@PathVariable String matricule, Authentication user) {
        Member m = members.findByMatricule(matricule)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no member with this matricule"));
        // the desk pays members and needs their ids and accounts; other readers see them masked
        boolean full = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN")
                || a.getAuthority().equals("ROLE_OPERATOR"));
        LocalDate today = LocalDate.now();
        List<BeneficiaryView> family = beneficiaries.findByMemberIdOrderByRank(m.getId()).stream()
                .map(b -> new BeneficiaryView(view(b, full), b.coveredOn(today))).toList();
        UUID id = m.getId();
        List<Map<String, Object>> movements = jdbc.queryForList("""
                select movement_type, effective_date, beneficiary_id, detail, exchange_id, line_no, created_at
                from membership_movement where member_id = ? order by created_at, effective_date""", id);
        List<Map<String, Object>> history = jdbc.queryForList("""
                select entity_type, entity_id, action, actor, at, before_state::text as before, after_state::text as after
                from audit_entry where entity_id = ? or entity_id in (
                    select id::text from beneficiary where member_id = ? union select id::text from member_card where member_id = ?)
                order by at, id""", id.toString(), id, id);
        history.forEach(entry -> {
            entry.put("before", state((String) entry.get("before"), full));
            entry.put("after", state((String) entry.get("after"), full));
        });
        return new MemberDetail(view(m, full), family, cards.findByMemberIdOrderByCardNumber(id), movements, history);
    }

    private static final List<String> SENSITIVE = List.of("nationalId", "bankAccount");

    private Map<String, Object> view(Object entity, boolean full) {
        Map<String, Object> fields = json.convertValue(entity, new TypeReference<Map<String, Object>>() { });
        if (!full) {
            SENSITIVE.forEach(key -> fields.computeIfPresent(key, (k, v) -> PersonalData.mask(v.toString())));
        }
        return fields;
    }

    private Map<String, Object> state(String stateJson, boolean full) {
        if (stateJson == null) {
            return null;
        }
        try {
            return view(json.readValue(stateJson, new TypeReference<Map<String, Object>>() { }), full);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("audit state is not JSON", e);
        }
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
