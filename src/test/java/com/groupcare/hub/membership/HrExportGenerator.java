package com.groupcare.hub.membership;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates a valid HR employee export snapshot (layout: {@code mappings/hr/hr-export.yaml}).
 *
 * <p>Semicolon separated, UTF-8, header line, dd/MM/yyyy dates, "\n" line endings. One line per
 * person: the member (lien A, rang 00) followed immediately by their dependants: spouse (lien C,
 * rang 01) and children (lien E, rang 10, 11, ... oldest first). Deterministic for a given seed;
 * rows are streamed, never held in memory.
 *
 * <p>Usage: {@code HrExportGenerator <file> <employees> [seed] [fileDate yyyy-MM-dd]}.
 */
public final class HrExportGenerator {

    public static final LocalDate DEFAULT_FILE_DATE = LocalDate.of(2026, 11, 1);
    public static final long DEFAULT_SEED = 20261101L;

    public static final List<String> COLUMNS = List.of(
            "matricule", "rang", "lien", "nom", "prenom", "date_naissance", "sexe", "cin",
            "date_embauche", "date_sortie", "code_unite", "rib", "telephone", "email",
            "etudiant", "handicape", "date_effet", "action");

    public static final String HEADER = String.join(";", COLUMNS);

    /** DEPARTMENT-level codes of mappings/hr/org-units.csv. */
    public static final List<String> UNIT_CODES = List.of(
            "DG-AUD", "DG-COM",
            "DEX-SFN", "DEX-SFS", "DEX-GAB", "DEX-MAH", "DEX-REG",
            "DTM-ATL", "DTM-PNE", "DTM-MAG",
            "DAF-RH", "DAF-SS", "DAF-CPT", "DAF-INF");

    /** Relative weights of UNIT_CODES: a transport company is mostly depots and workshops. */
    private static final int[] UNIT_WEIGHTS = {1, 1, 14, 12, 10, 8, 5, 8, 5, 3, 2, 1, 2, 2};

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    static final String[] MALE_FIRST_NAMES = {
        "Mohamed", "Ahmed", "Ali", "Mahmoud", "Youssef", "Hamza", "Amine", "Karim", "Sami", "Hichem",
        "Nabil", "Walid", "Slim", "Anis", "Bilel", "Chokri", "Fethi", "Hatem", "Imed", "Jamel",
        "Kamel", "Lotfi", "Mehdi", "Moez", "Mourad", "Nizar", "Omar", "Rached", "Ridha", "Riadh",
        "Sofiene", "Tarek", "Wassim", "Yassine", "Zied", "Habib", "Hedi", "Mounir", "Skander", "Fares"};

    static final String[] FEMALE_FIRST_NAMES = {
        "Fatma", "Amira", "Asma", "Aicha", "Emna", "Hela", "Houda", "Ines", "Imen", "Khadija",
        "Leila", "Mariem", "Mouna", "Nadia", "Najet", "Nesrine", "Olfa", "Rania", "Rim", "Salma",
        "Samia", "Sana", "Sonia", "Souad", "Wafa", "Yosra", "Zeineb", "Hajer", "Dorra", "Sirine",
        "Chaima", "Nour", "Ahlem", "Afef", "Besma", "Lamia", "Latifa", "Monia", "Sarra", "Hanen"};

    static final String[] FAMILY_NAMES = {
        "BEN ALI", "BEN SALAH", "TRABELSI", "JEBALI", "GHARBI", "BOUAZIZI", "MEJRI", "HAMMAMI",
        "AYARI", "DRIDI", "JLASSI", "KHEMIRI", "CHAABANE", "MANSOURI", "SASSI", "FERCHICHI",
        "MASMOUDI", "KARRAY", "ELLOUZE", "FOURATI", "ABID", "CHAARI", "KAMMOUN", "ZOUARI",
        "FEKI", "JEMAL", "BACCOUCHE", "BOUZID", "HAMDI", "GHORBEL", "SELLAMI", "TURKI",
        "BAHRI", "BEN AMOR", "BEN YOUSSEF", "RIAHI", "SAIDI", "ZRIBI", "DHOUIB", "FRIKHA"};

    /** Tunisian bank codes (ATB, BNA, Attijari, BT, Amen, BIAT, STB, UBCI, UIB, BH, Zitouna). */
    private static final String[] BANK_CODES = {"01", "03", "04", "05", "07", "08", "10", "11", "12", "14", "25"};

    /** Number of children 0..4, weights in percent (mean ~1.5). */
    private static final int[] CHILDREN_WEIGHTS = {26, 24, 28, 15, 7};

    /** CINs: (offset + n * CIN_STEP) mod CIN_SPACE is a bijection, so CINs are unique without a set. */
    private static final long CIN_SPACE = 20_000_000L; // 8 digits starting with 0 or 1
    private static final long CIN_STEP = 7_919_993L;   // coprime with 2^8 * 5^7

    private HrExportGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: HrExportGenerator <file> <employees> [seed] [fileDate yyyy-MM-dd]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int employees = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        LocalDate fileDate = args.length > 3 ? LocalDate.parse(args[3]) : DEFAULT_FILE_DATE;
        write(file, employees, seed, fileDate);
        System.out.println("wrote " + employees + " members to " + file + " (seed " + seed + ", file date " + fileDate + ")");
    }

    /** Writes a snapshot dated 2026-11-01. */
    public static void write(Path file, int employees, long seed) throws IOException {
        write(file, employees, seed, DEFAULT_FILE_DATE);
    }

    /** Writes a snapshot of {@code employees} members and their families, as of {@code fileDate}. */
    public static void write(Path file, int employees, long seed, LocalDate fileDate) throws IOException {
        if (employees < 0 || employees > 999_999) {
            throw new IllegalArgumentException("employees must be in 0..999999: " + employees);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            Generator g = new Generator(seed, fileDate, out);
            for (int i = 1; i <= employees; i++) {
                g.family(i);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The two-digit key of a Tunisian RIB: 97 - ((first 18 digits * 100) mod 97). */
    public static String ribKey(String first18) {
        if (first18 == null || !first18.matches("\\d{18}")) {
            throw new IllegalArgumentException("expected 18 digits: " + first18);
        }
        int mod = new BigInteger(first18).multiply(BigInteger.valueOf(100)).mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", 97 - mod);
    }

    /** True when {@code rib} has 20 digits and its last two are the key of the first 18. */
    public static boolean isValidRib(String rib) {
        return rib != null && rib.matches("\\d{20}") && ribKey(rib.substring(0, 18)).equals(rib.substring(18));
    }

    /** Holds the generation state; bounded memory (only an email counter keyed by name pair). */
    private static final class Generator {
        private final Random rnd;
        private final LocalDate fileDate;
        private final BufferedWriter out;
        private final long cinOffset;
        private long cinCount;
        private final Map<String, Integer> emailCounts = new HashMap<>();
        private final int unitWeightTotal;

        Generator(long seed, LocalDate fileDate, BufferedWriter out) {
            this.rnd = new Random(seed);
            this.fileDate = fileDate;
            this.out = out;
            this.cinOffset = Math.floorMod(rnd.nextLong(), CIN_SPACE);
            int total = 0;
            for (int w : UNIT_WEIGHTS) {
                total += w;
            }
            this.unitWeightTotal = total;
        }

        void family(int seq) {
            String matricule = String.format("%06d", seq);
            boolean male = rnd.nextInt(100) < 78;
            String firstName = pick(male ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
            String lastName = pick(FAMILY_NAMES);
            LocalDate birth = birthForAge(22, 62);

            LocalDate earliestHire = birth.plusYears(20).plusDays(1);
            LocalDate hire = between(earliestHire, fileDate);
            LocalDate leave = null;
            if (rnd.nextInt(100) < 3 && ChronoUnit.DAYS.between(hire, fileDate) >= 2) {
                // leavers still in the export left within the last two years
                LocalDate from = hire.plusDays(1);
                LocalDate twoYears = fileDate.minusYears(2);
                leave = between(from.isAfter(twoYears) ? from : twoYears, fileDate.minusDays(1));
            }
            String unit = pickUnit();
            String rib = rib();
            String phone = phone();
            String email = email(firstName, lastName);

            row(matricule, "00", "A", lastName, firstName, birth, male ? "M" : "F", cin(),
                    hire, leave, unit, rib, phone, email, "", "");

            // spouse: opposite gender, keeps her/his own family name
            String fatherName = male ? lastName : null;
            LocalDate youngestParentBirth = birth;
            LocalDate motherBirth = birth; // or the single father's
            if (rnd.nextInt(100) < 60) {
                boolean spouseMale = !male;
                String spouseLast = pick(FAMILY_NAMES);
                String spouseFirst = pick(spouseMale ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
                int gap = rnd.nextInt(9); // years
                LocalDate spouseBirth = male ? birth.plusYears(gap) : birth.minusYears(gap);
                spouseBirth = spouseBirth.plusDays(rnd.nextInt(365) - 182);
                LocalDate latest = fileDate.minusYears(20);
                if (spouseBirth.isAfter(latest)) {
                    spouseBirth = latest.minusDays(rnd.nextInt(365));
                }
                if (spouseBirth.isAfter(youngestParentBirth)) {
                    youngestParentBirth = spouseBirth;
                }
                if (spouseMale) {
                    fatherName = spouseLast;
                } else {
                    motherBirth = spouseBirth;
                }
                row(matricule, "01", "C", spouseLast, spouseFirst, spouseBirth, spouseMale ? "M" : "F", cin(),
                        null, null, "", "", "", "", "", "");
            }
            if (fatherName == null) {
                fatherName = lastName;
            }

            // children: born when both parents were at least 18 and the mother at most 45,
            // at most 25 years old at the file date
            int children = weighted(CHILDREN_WEIGHTS, 100);
            LocalDate oldestChild = youngestParentBirth.plusYears(18);
            LocalDate limit25 = fileDate.minusYears(25).plusDays(1);
            if (oldestChild.isBefore(limit25)) {
                oldestChild = limit25;
            }
            LocalDate youngestChild = motherBirth.plusYears(45);
            if (youngestChild.isAfter(fileDate)) {
                youngestChild = fileDate;
            }
            if (oldestChild.isAfter(youngestChild)) {
                children = 0;
            }
            List<LocalDate> births = new ArrayList<>(children);
            for (int c = 0; c < children; c++) {
                births.add(between(oldestChild, youngestChild));
            }
            births.sort(null); // oldest first
            // siblings at least ~10 months apart: push later births forward, drop those past the file date
            for (int c = 1; c < births.size(); c++) {
                LocalDate earliest = births.get(c - 1).plusDays(300 + rnd.nextInt(120));
                if (births.get(c).isBefore(earliest)) {
                    births.set(c, earliest);
                }
            }
            LocalDate lastBirth = youngestChild;
            births.removeIf(d -> d.isAfter(lastBirth));
            children = births.size();
            List<String> used = new ArrayList<>();
            used.add(firstName);
            for (int c = 0; c < children; c++) {
                LocalDate childBirth = births.get(c);
                boolean childMale = rnd.nextBoolean();
                String childFirst;
                do {
                    childFirst = pick(childMale ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
                } while (used.contains(childFirst));
                used.add(childFirst);
                int age = (int) ChronoUnit.YEARS.between(childBirth, fileDate);
                String cin = age >= 18 ? cin() : "";
                boolean student = age >= 18 && rnd.nextInt(100) < 60;
                boolean disabled = rnd.nextInt(100) < 1;
                row(matricule, String.valueOf(10 + c), "E", fatherName, childFirst, childBirth,
                        childMale ? "M" : "F", cin, null, null, "", "", "", "",
                        student ? "O" : "N", disabled ? "O" : "N");
            }
        }

        private void row(String matricule, String rang, String lien, String nom, String prenom, LocalDate birth,
                         String sexe, String cin, LocalDate hire, LocalDate leave, String unit, String rib,
                         String phone, String email, String student, String disabled) {
            StringBuilder sb = new StringBuilder(160);
            sb.append(matricule).append(';')
                    .append(rang).append(';')
                    .append(lien).append(';')
                    .append(nom).append(';')
                    .append(prenom).append(';')
                    .append(DATE.format(birth)).append(';')
                    .append(sexe).append(';')
                    .append(cin).append(';')
                    .append(hire == null ? "" : DATE.format(hire)).append(';')
                    .append(leave == null ? "" : DATE.format(leave)).append(';')
                    .append(unit).append(';')
                    .append(rib).append(';')
                    .append(phone).append(';')
                    .append(email).append(';')
                    .append(student).append(';')
                    .append(disabled).append(';')
                    .append("").append(';')   // date_effet
                    .append("").append('\n'); // action
            try {
                out.write(sb.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String pick(String[] values) {
            return values[rnd.nextInt(values.length)];
        }

        private String pickUnit() {
            return UNIT_CODES.get(weighted(UNIT_WEIGHTS, unitWeightTotal));
        }

        private int weighted(int[] weights, int total) {
            int r = rnd.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        /** A birth date giving an age in [minAge, maxAge] (whole years) at the file date. */
        private LocalDate birthForAge(int minAge, int maxAge) {
            LocalDate latest = fileDate.minusYears(minAge);
            LocalDate earliest = fileDate.minusYears(maxAge + 1).plusDays(1);
            return between(earliest, latest);
        }

        /** Uniform date in [from, to], both inclusive. */
        private LocalDate between(LocalDate from, LocalDate to) {
            long days = ChronoUnit.DAYS.between(from, to);
            if (days <= 0) {
                return from;
            }
            return from.plusDays((long) (rnd.nextDouble() * (days + 1)));
        }

        private String cin() {
            long n = Math.floorMod(cinOffset + cinCount++ * CIN_STEP, CIN_SPACE);
            return String.format("%08d", n);
        }

        private String rib() {
            StringBuilder sb = new StringBuilder(20);
            sb.append(pick(BANK_CODES));
            sb.append(String.format("%03d", rnd.nextInt(1000)));
            sb.append(String.format("%06d", rnd.nextInt(1_000_000)));
            sb.append(String.format("%07d", rnd.nextInt(10_000_000)));
            String first18 = sb.toString();
            return first18 + ribKey(first18);
        }

        private String phone() {
            char[] lead = {'2', '5', '9', '4'};
            return "+216" + lead[rnd.nextInt(lead.length)] + String.format("%07d", rnd.nextInt(10_000_000));
        }

        private String email(String firstName, String lastName) {
            String base = ascii(firstName) + "." + ascii(lastName);
            int n = emailCounts.merge(base, 1, Integer::sum);
            return (n == 1 ? base : base + n) + "@example.tn";
        }

        private static String ascii(String name) {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
    }
}
