package org.ceir.sim;

/**
 * A device model as the GSMA catalogue describes it, with its market price and its share of the
 * phones in use. {@code tacs} are the TACs phones of this model carry in the simulated country;
 * {@code spareTacs} are the model's other allocations (regional variants) that the catalogue lists
 * but no simulated phone uses.
 */
record DeviceModel(int index, String manufacturer, String brand, String modelName, String marketingName,
                   String modelNumber, String deviceType, int generation, Slots slots, int priceUsd, int year,
                   String operatingSystem, double weight, boolean listed, int[] tacs, int[] spareTacs,
                   String[] allocationDates) {

    /** How the model holds SIMs. */
    enum Slots {
        /** One SIM, one IMEI. */
        SINGLE,
        /** Two SIM slots, an IMEI each (consecutive serials, as most manufacturers allocate). */
        DUAL,
        /** Two SIM slots sharing one IMEI: cheap phones, so two IMSIs on one IMEI every day. */
        DUAL_ONE_IMEI;

        static Slots parse(String text) {
            switch (text) {
                case "single":
                    return SINGLE;
                case "dual":
                    return DUAL;
                case "dual-one-imei":
                    return DUAL_ONE_IMEI;
                default:
                    throw new IllegalArgumentException("sim '" + text + "': single, dual or dual-one-imei");
            }
        }
    }

    private static final String[] RADIO_INTERFACES = {"", "", "GSM", "GSM,WCDMA", "GSM,WCDMA,LTE", "GSM,WCDMA,LTE,NR"};
    private static final String[] BANDS = {"", "",
        "GSM 850,GSM 900,GSM 1800,GSM 1900",
        "GSM 850,GSM 900,GSM 1800,GSM 1900,WCDMA FDD Band I,WCDMA FDD Band V,WCDMA FDD Band VIII",
        "GSM 850,GSM 900,GSM 1800,GSM 1900,WCDMA FDD Band I,WCDMA FDD Band V,WCDMA FDD Band VIII,"
                + "LTE FDD Band 1,LTE FDD Band 3,LTE FDD Band 7,LTE FDD Band 8,LTE FDD Band 20,LTE TDD Band 38,"
                + "LTE TDD Band 40",
        "GSM 850,GSM 900,GSM 1800,GSM 1900,WCDMA FDD Band I,WCDMA FDD Band V,WCDMA FDD Band VIII,"
                + "LTE FDD Band 1,LTE FDD Band 3,LTE FDD Band 7,LTE FDD Band 8,LTE FDD Band 20,LTE TDD Band 38,"
                + "LTE TDD Band 40,NR Band n1,NR Band n3,NR Band n28,NR Band n78"};

    /** The GSMA {@code Radio_Interface} field, e.g. {@code GSM,WCDMA,LTE}. */
    String radioInterface() {
        return RADIO_INTERFACES[generation];
    }

    /** The GSMA {@code Bands} field. */
    String bands() {
        return BANDS[generation];
    }

    boolean smartphone() {
        return deviceType.equals("Smartphone");
    }
}
