package org.ceir.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ceir.core.country.Country;
import org.ceir.core.country.Operator;

/**
 * Hands out unique identities: IMEI bodies within a model's TACs, IMSIs within an operator's
 * PLMN, MSISDNs within an operator's number blocks, and the IMSIs and numbers of foreign visitors.
 *
 * <p>Uniqueness without a set: the n-th identity of a range of {@code size} values is
 * {@code (n × a + b) mod size} with {@code a} coprime to the size, a bijection; with {@code a}
 * near the golden section of the size, consecutive identities land far apart and look random. A
 * dual-SIM phone's two IMEIs are consecutive (an even serial and the next odd one), as most
 * manufacturers allocate them.
 */
final class Numbering {
    /** Pairs of serials per TAC: serial {@code 2k} for slot 1 and {@code 2k + 1} for slot 2. */
    private static final int SERIAL_PAIRS = 500_000;
    /** Identities handed out per range at most, so that {@code n × a} cannot overflow a long. */
    private static final long MOST_PER_RANGE = 1L << 29;
    /** National-number blocks (the two digits after the country code) each operator numbers from. */
    private static final int BLOCKS_PER_OPERATOR = 5;

    /** The networks inbound roamers come from (MCC-MNC, calling code, national number). */
    private static final List<Foreign> FOREIGN = List.of(
            new Foreign("250", "01", 7, 10, 91, 2, 18),   // Russia, MTS
            new Foreign("250", "99", 7, 10, 903, 3, 12),  // Russia, Beeline
            new Foreign("286", "01", 90, 10, 53, 2, 15),  // Turkey, Turkcell
            new Foreign("286", "02", 90, 10, 54, 2, 10),  // Turkey, Vodafone
            new Foreign("432", "11", 98, 10, 91, 2, 9),   // Iran, MCI
            new Foreign("432", "35", 98, 10, 93, 2, 6),   // Iran, Irancell
            new Foreign("282", "01", 995, 9, 59, 2, 10),  // Georgia, Geocell
            new Foreign("401", "02", 7, 10, 70, 2, 5),    // Kazakhstan, Kcell
            new Foreign("434", "05", 998, 9, 93, 2, 5),   // Uzbekistan, Ucell
            new Foreign("424", "02", 971, 9, 50, 2, 4),   // United Arab Emirates, Etisalat
            new Foreign("262", "01", 49, 10, 15, 2, 3),   // Germany, Telekom
            new Foreign("234", "15", 44, 10, 77, 2, 3));  // United Kingdom, Vodafone

    private record Foreign(String mcc, String mnc, int countryCode, int nationalLength, int prefix,
                           int prefixLength, double weight) {
    }

    private final Country country;
    private final long[] plmnBase;
    private final long[] msinSpace;
    private final long[] imsiCounter;
    private final long[] msisdnCounter;
    private final long nationalBlock;
    private final long countryBase;
    private final List<Foreign> foreign = new ArrayList<>();
    private final double[] foreignCumulative;
    private final long[] foreignCounter;
    private final int[][] imeiCounters;

    Numbering(Country country, Catalogue catalogue) {
        this.country = country;
        List<Operator> operators = country.operators();
        int n = operators.size();
        plmnBase = new long[n];
        msinSpace = new long[n];
        imsiCounter = new long[n];
        msisdnCounter = new long[n];
        for (int i = 0; i < n; i++) {
            String plmn = operators.get(i).plmn();
            msinSpace[i] = pow10(15 - plmn.length());
            plmnBase[i] = Long.parseLong(plmn) * msinSpace[i];
        }
        nationalBlock = pow10(country.nationalNumberLength() - 2);
        countryBase = Long.parseLong(country.countryCode()) * pow10(country.nationalNumberLength());
        for (Foreign network : FOREIGN) {
            if (!network.mcc().equals(country.mcc())) {
                foreign.add(network);
            }
        }
        foreignCumulative = new double[foreign.size()];
        double sum = 0;
        for (int i = 0; i < foreign.size(); i++) {
            sum += foreign.get(i).weight();
            foreignCumulative[i] = sum;
        }
        foreignCounter = new long[foreign.size()];
        imeiCounters = new int[catalogue.models().size()][];
        for (DeviceModel model : catalogue.models()) {
            imeiCounters[model.index()] = new int[model.tacs().length];
        }
    }

    /**
     * A new IMEI body (14 digits) of this model with an even serial, so that {@code body + 1} is the
     * phone's second IMEI when it has one.
     */
    long imei(DeviceModel model, SplittableRandom random) {
        int[] counters = imeiCounters[model.index()];
        int start = random.nextInt(counters.length);
        for (int k = 0; k < counters.length; k++) {
            int t = (start + k) % counters.length;
            if (counters[t] < SERIAL_PAIRS) {
                int tac = model.tacs()[t];
                long pair = scatter(counters[t]++, tac, SERIAL_PAIRS);
                return tac * 1_000_000L + pair * 2;
            }
        }
        throw new IllegalStateException("model " + model.marketingName() + " has run out of serial numbers ("
                + counters.length * SERIAL_PAIRS + " phones); simulate fewer subscribers");
    }

    /** A new IMSI of home operator {@code op}: its MCC and MNC, then a unique MSIN. */
    long imsi(int op) {
        long n = imsiCounter[op]++;
        if (n >= msinSpace[op] || n >= MOST_PER_RANGE) {
            throw new IllegalStateException("operator " + country.operators().get(op).code() + " has run out of IMSIs");
        }
        return plmnBase[op] + scatter(n, op, msinSpace[op]);
    }

    /** A new E.164 number (digits) from home operator {@code op}'s blocks. */
    long msisdn(int op) {
        long n = msisdnCounter[op]++;
        int block = (int) (n % BLOCKS_PER_OPERATOR);
        long index = n / BLOCKS_PER_OPERATOR;
        if (index >= nationalBlock || index >= MOST_PER_RANGE) {
            throw new IllegalStateException("operator " + country.operators().get(op).code()
                    + " has run out of numbers: national numbers of " + country.nationalNumberLength() + " digits");
        }
        long prefix = 10 + (40 + BLOCKS_PER_OPERATOR * op + block) % 90;
        return countryBase + prefix * nationalBlock + scatter(index, 1000 + op * BLOCKS_PER_OPERATOR + block, nationalBlock);
    }

    /** Picks a foreign network for an inbound roamer, by how many visitors come from it. */
    int foreignNetwork(SplittableRandom random) {
        if (foreign.isEmpty()) {
            throw new IllegalStateException("no foreign network differs from this country's MCC " + country.mcc());
        }
        double x = random.nextDouble() * foreignCumulative[foreignCumulative.length - 1];
        for (int i = 0; i < foreignCumulative.length; i++) {
            if (x < foreignCumulative[i]) {
                return i;
            }
        }
        return foreignCumulative.length - 1;
    }

    /** A new IMSI of foreign network {@code network}. */
    long foreignImsi(int network) {
        Foreign f = foreign.get(network);
        long n = foreignCounter[network]++;
        long space = 10_000_000_000L;
        return Long.parseLong(f.mcc() + f.mnc()) * space + scatter(n, 2000 + network, space);
    }

    /** A new E.164 number of foreign network {@code network}; call after {@link #foreignImsi}. */
    long foreignMsisdn(int network) {
        Foreign f = foreign.get(network);
        long n = foreignCounter[network] - 1;
        long rest = pow10(f.nationalLength() - f.prefixLength());
        return f.countryCode() * pow10(f.nationalLength()) + f.prefix() * rest + scatter(n, 3000 + network, rest);
    }

    /**
     * The n-th of {@code size} distinct values (n below {@code size} and {@link #MOST_PER_RANGE}):
     * {@code (n × a + b) mod size}, with {@code a} the odd number nearest the golden section of
     * {@code size} that is coprime to it and {@code b} from the range's salt.
     */
    static long scatter(long n, long salt, long size) {
        long a = multiplier(size);
        long b = Math.floorMod(Mix.mix(salt), size);
        return Math.floorMod(n * a + b, size);
    }

    private static long multiplier(long size) {
        long a = Math.max(1, (long) (size * 0.6180339887498949));
        while (gcd(a, size) != 1) {
            a++;
        }
        return a;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
