package com.groupcare.hub.claim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims import values forms with a ledger held per chunk (families read once, reservations
 * written in one batch); a form recorded through POST /api/claims asks PostgreSQL line by line.
 * The same forms, where ceilings, periodicity and yearly counts bite within and across chunks,
 * must come out with the same amounts and reasons, line for line.
 */
class ClaimImportLedgerTest extends HubIntegrationTest {

    static final String FAMILY = "matricule;rang;lien;nom;prenom;date_naissance;sexe;cin;date_embauche;date_sortie;"
            + "code_unite;rib;telephone;email;etudiant;handicape;date_effet;action\n"
            + "810001;00;A;LEDGER;Ali;10/05/1980;M;12345678;01/01/2015;;DEX-SFN;;;;;;;A\n"
            + "810001;01;C;LEDGER;Rim;03/03/1982;F;87654321;;;;;;;;;;A\n"
            + "810001;10;E;LEDGER;Sami;01/06/2014;M;;;;;;;;N;N;;A\n";
    static final String[] ACTS = {"PH", "C1", "C2", "LAB", "DEN", "RX", "MAT", "ACU"};

    @Test
    void importedFormsAreValuedExactlyAsFormsRecordedOneByOne() {
        List<String> forms = forms();
        String csv = String.join(";", ClaimImportLines.HEADER) + "\n" + String.join("", forms);

        loadFamily();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("text/csv"));
        headers.set("X-File-Name", "ledger.csv");
        var answer = as("operator").exchange("/api/claims/import", HttpMethod.POST, new HttpEntity<>(csv, headers),
                new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> exchange = awaitExchange("ledger.csv");
        assertThat((Integer) exchange.get("chunks_expected")).as("forms spread over several chunks").isGreaterThan(2);
        List<String> imported = valuedLines();
        assertThat(imported).hasSize(csv.split("\n").length - 1);
        assertThat(imported).as("ceilings bite somewhere").anyMatch(l -> l.contains("CEILING"));

        emptyTheDatabase();
        loadFamily();
        for (String form : forms) {
            String[] first = form.split("\n")[0].split(";");
            List<Map<String, Object>> lines = new ArrayList<>();
            for (String line : form.split("\n")) {
                String[] f = line.split(";");
                lines.add(Map.of("actCode", f[6], "quantity", Integer.parseInt(f[7]), "amountCharged", f[8]));
            }
            String[] date = first[5].split("/");
            var created = as("operator").postForEntity("/api/claims", Map.of("claimNumber", first[0], "policyNumber", first[1],
                    "matricule", first[2], "rank", Integer.parseInt(first[3]),
                    "dateOfCare", date[2] + "-" + date[1] + "-" + date[0], "lines", lines), String.class);
            assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.OK);
        }
        assertThat(valuedLines()).isEqualTo(imported);
    }

    private void loadFamily() {
        dropHrFile("RH_DELTA_20260101.csv", FAMILY.getBytes(StandardCharsets.UTF_8));
        awaitExchange("RH_DELTA_20260101.csv");
    }

    private List<String> valuedLines() {
        return jdbc.queryForList("""
                select c.claim_number || ' ' || l.line_no || ' ' || l.expected || ' ' || l.reasons
                from claim_line l join claim c on c.id = l.claim_id order by c.claim_number, l.line_no""", String.class);
    }

    /** 120 forms of one family over 2026, big enough bills that ceilings run out. */
    private static List<String> forms() {
        Random random = new Random(7);
        List<String> forms = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            int rank = new int[] {0, 1, 10}[random.nextInt(3)];
            String date = String.format("%02d/%02d/2026", 1 + random.nextInt(28), 1 + (i - 1) / 12);
            StringBuilder form = new StringBuilder();
            for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
                String act = ACTS[random.nextInt(ACTS.length)];
                form.append(String.format("BS-%04d;POL-TRS-2026;810001;%d;;%s;%s;1;%d.%03d;\n", i, rank, date, act,
                        20 + random.nextInt(900), random.nextInt(1000)));
            }
            forms.add(form.toString());
        }
        return forms;
    }
}
