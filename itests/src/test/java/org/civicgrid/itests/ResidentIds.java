package org.civicgrid.itests;

/** Resident ID numbers for test data, valid under GB 11643 (the platform refuses a wrong check character). */
final class ResidentIds {

    private ResidentIds() {
    }

    /** @return the 18-character ID number: the 17 digits given and their check character */
    static String of(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
