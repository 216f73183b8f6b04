package com.groupcare.hub.membership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.groupcare.hub.common.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
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

    public MemberController(MemberRepository members, BeneficiaryRepository beneficiaries, MemberCardRepository cards,
                            OrgUnits orgUnits, JdbcTemplate jdbc) {
        this.members = members;
        this.beneficiaries = beneficiaries;
        this.cards = cards;
        this.orgUnits = orgUnits;
        this.jdbc = jdbc;
    }

    public record MemberSummary(String matricule, String lastName, String firstName, String unitCode, String status,
                                LocalDate hireDate, LocalDate leaveDate, String nationalIdMasked) {
    }

    public record MemberDetail(Member member, List<BeneficiaryView> beneficiaries, List<MemberCard> cards,
                               List<Map<String, Object>> movements, List<Map<String, Object>> history) {
    }

    public record BeneficiaryView(Beneficiary beneficiary, boolean coveredToday) {
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
    public MemberDetail get(@PathVariable String matricule) {
        Member m = members.findByMatricule(matricule)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no member with this matricule"));
        LocalDate today = LocalDate.now();
        List<BeneficiaryView> family = beneficiaries.findByMemberIdOrderByRank(m.getId()).stream()
                .map(b -> new BeneficiaryView(b, b.coveredOn(today))).toList();
        UUID id = m.getId();
        List<Map<String, Object>> movements = jdbc.queryForList("""
                select movement_type, effective_date, beneficiary_id, detail, exchange_id, line_no, created_at
                from membership_movement where member_id = ? order by created_at, effective_date""", id);
        List<Map<String, Object>> history = jdbc.queryForList("""
                select entity_type, entity_id, action, actor, at, before_state::text as before, after_state::text as after
                from audit_entry where entity_id = ? or entity_id in (
                    select id::text from beneficiary where member_id = ? union select id::text from member_card where member_id = ?)
                order by at, id""", id.toString(), id, id);
        return new MemberDetail(m, family, cards.findByMemberIdOrderByCardNumber(id), movements, history);
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }
}
