package dev.signet.bench;

import java.util.Random;

/** Generated CRM files for benchmarks: realistic names, emails, handles, tiers; half the rows name an X user id. */
final class CrmFixtures {

    private static final String[] FIRST = { "Maria", "Tomasz", "Jennifer", "Dave", "Sophie", "Kenji", "Priya", "Lukas",
            "Aisha", "Ryan", "Chloe", "Ahmed", "Ingrid", "Marco", "Fatima", "Ben", "Olga", "Noah", "Zoe", "Hannah",
            "Lena", "Jonas", "Ada", "Bruno", "Carmen", "Diego", "Elif", "Farid", "Greta", "Hugo" };
    private static final String[] LAST = { "Garcia", "Kowalski", "Okafor", "Mitchell", "Lefevre", "Watanabe", "Nair",
            "Mueller", "Bello", "OBrien", "Tan", "Hassan", "Svensson", "Rossi", "Zahra", "Carter", "Petrova", "Kim",
            "Adams", "Schmidt", "Ortiz", "Keller", "Meyer", "Diaz", "Silva", "Yilmaz", "Novak", "Dubois", "Jensen",
            "Costa" };
    private static final String[] TIERS = { "none", "none", "silver", "gold", "platinum" };

    private CrmFixtures() {
    }

    /** Row {@code i} of a file whose CRM ids start with {@code prefix}; the same seed and i give the same row. */
    static String[] row(String prefix, long userIdBase, int i, long seed) {
        Random random = new Random(seed * 1_000_003L + i);
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String handle = (first.charAt(0) + "_" + last).toLowerCase() + i;
        String userId = i % 2 == 0 ? Long.toString(userIdBase + i) : "";
        return new String[] { prefix + "-" + i, first + " " + last, (first + "." + last + i).toLowerCase() + "@ex.co",
                TIERS[random.nextInt(TIERS.length)], (random.nextInt(1_000_000) / 100) + "." + (10 + random.nextInt(90)),
                i % 10 == 0 ? "vip" : "", userId, handle, i % 7 == 0 ? "Called about \"booking\", twice" : "" };
    }

    static String csv(String prefix, long userIdBase, int rows, long seed) {
        StringBuilder csv = new StringBuilder(rows * 140);
        csv.append("crm_id,name,email,loyalty_tier,lifetime_value,tags,x_user_id,x_handle,notes\n");
        for (int i = 0; i < rows; i++) {
            String[] row = row(prefix, userIdBase, i, seed);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    csv.append(',');
                }
                String cell = row[c];
                if (cell.contains(",") || cell.contains("\"")) {
                    csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
                } else {
                    csv.append(cell);
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
