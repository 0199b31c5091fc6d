package org.ceir.sim;

import java.util.SplittableRandom;

import org.ceir.core.country.Country;

/**
 * Builds the simulated country: draws scenarios one after another until the subscribers are all
 * placed, and turns each into phones, SIMs and links. One random stream from the seed, so the same
 * seed gives the same world (StrictMath where a draw is transformed, so on every JVM too). The
 * shares and the behaviour of each scenario are documented in {@code package-info.java}; the
 * constants here are the single source.
 */
final class Population {
    // Shares of subscribers (people with a home SIM) by scenario; SINGLE takes what is left.
    static final double DUAL_SIM = 0.10;
    static final double DUAL_SIM_ONE_IMEI = 0.03;
    static final double SIM_SWAP = 0.02;
    static final double NUMBER_CHANGE = 0.015;
    static final double RESALE = 0.03;            // sellers and buyers
    static final double TWO_PHONES = 0.02;
    static final double FAMILY_SHARED = 0.025;    // every member of a family
    static final double SHOP_TESTED = 0.01;       // the buyers of shop-tested phones
    static final double IMPORTED = 0.04;
    static final double STOLEN = 0.004;           // victims and the new users of their phones
    static final double CLONE = 0.08;             // donors and everyone using a copy (the article's scale)
    /** Inbound roamers over the period, per subscriber; they come on top of the subscribers. */
    static final double ROAMERS = 0.02;
    /** Phones reported stolen before the period and never seen again, per subscriber. */
    static final double STOLEN_UNSEEN = 0.001;
    /** One shop with test SIMs per this many subscribers. */
    static final int SUBSCRIBERS_PER_SHOP = 25_000;
    /** Share of imported phones their owners register (the rest stay unregistered). */
    static final double IMPORTS_REGISTERED = 0.6;

    private static final Persona[] SCENARIOS = {Persona.SINGLE, Persona.DUAL_SIM, Persona.DUAL_SIM_ONE_IMEI,
        Persona.SIM_SWAP, Persona.NUMBER_CHANGE, Persona.RESALE, Persona.TWO_PHONES, Persona.FAMILY_SHARED,
        Persona.SHOP_TESTED, Persona.IMPORTED, Persona.STOLEN, Persona.CLONE};

    private final SplittableRandom random;
    private final int days;
    private final int operators;
    private final double[] operatorCumulative;
    private final Catalogue catalogue;
    private final Numbering numbering;
    private final World world;
    private final RingSizes ringSizes;
    private final double[] scenarioCumulative;
    private int[][] shopOperators;
    private int[][] shopSims;

    private Population(long seed, int subscribers, int days, Country country, Catalogue catalogue) {
        this.random = new SplittableRandom(Mix.stream(seed, 1));
        this.days = days;
        this.operators = country.operators().size();
        this.operatorCumulative = cumulative(operatorShares(operators));
        this.catalogue = catalogue;
        this.numbering = new Numbering(country, catalogue);
        this.world = new World(catalogue, days, operators);
        this.ringSizes = new RingSizes((int) Math.max(2, Math.min(RingSizes.LARGEST, subscribers * CLONE / 2)));
        double single = 1 - DUAL_SIM - DUAL_SIM_ONE_IMEI - SIM_SWAP - NUMBER_CHANGE - RESALE - TWO_PHONES
                - FAMILY_SHARED - SHOP_TESTED - IMPORTED - STOLEN - CLONE;
        // A scenario is drawn by its share divided by the people it takes, so that people end up in the shares.
        this.scenarioCumulative = cumulative(new double[] {single, DUAL_SIM, DUAL_SIM_ONE_IMEI, SIM_SWAP,
            NUMBER_CHANGE, RESALE / 2, TWO_PHONES, FAMILY_SHARED / 2.4, SHOP_TESTED, IMPORTED, STOLEN / 1.7,
            CLONE / ringSizes.mean()});
    }

    /** The world of {@code subscribers} people over {@code days} days. */
    static World build(long seed, int subscribers, int days, Country country, Catalogue catalogue) {
        Population population = new Population(seed, subscribers, days, country, catalogue);
        population.populate(subscribers);
        population.world.freeze();
        return population.world;
    }

    /**
     * Market shares of the operators in configured order: 50/35/15 for three, as in Azerbaijan;
     * otherwise each has 0.7 of the one before.
     */
    static double[] operatorShares(int count) {
        if (count == 3) {
            return new double[] {0.50, 0.35, 0.15};
        }
        double[] shares = new double[count];
        double share = 1;
        for (int i = 0; i < count; i++) {
            shares[i] = share;
            share *= 0.7;
        }
        return shares;
    }

    private void populate(int subscribers) {
        openShops(Math.max(1, (int) Math.round((double) subscribers / SUBSCRIBERS_PER_SHOP)));
        long placed = 0;
        while (placed < subscribers) {
            int remaining = (int) (subscribers - placed);
            Persona scenario = SCENARIOS[pick(scenarioCumulative)];
            int people = remaining < 3 ? single() : run(scenario, remaining);
            Persona counted = remaining < 3 ? Persona.SINGLE : scenario;
            world.people[counted.ordinal()] += people;
            placed += people;
        }
        long roamers = Math.round(subscribers * ROAMERS);
        for (long i = 0; i < roamers; i++) {
            roamer();
        }
        world.people[Persona.ROAMER.ordinal()] = roamers;
        long unseen = Math.round(subscribers * STOLEN_UNSEEN);
        for (long i = 0; i < unseen; i++) {
            int phone = device(catalogue.pickAny(random), Persona.STOLEN, true);
            world.stolenDevice.add(phone);
            world.stolenReportDay.add(-1 - random.nextInt(700));
        }
    }

    private int run(Persona scenario, int remaining) {
        switch (scenario) {
            case DUAL_SIM:
                return dualSim(false);
            case DUAL_SIM_ONE_IMEI:
                return dualSim(true);
            case SIM_SWAP:
                return simChange(true);
            case NUMBER_CHANGE:
                return simChange(false);
            case RESALE:
                return resale();
            case TWO_PHONES:
                return twoPhones();
            case FAMILY_SHARED:
                return family();
            case SHOP_TESTED:
                return shopTested();
            case IMPORTED:
                return imported();
            case STOLEN:
                return stolen();
            case CLONE:
                return cloneRing(remaining);
            default:
                return single();
        }
    }

    /** One phone, one SIM; a few subscribers join or leave during the period. */
    private int single() {
        int phone = device(catalogue.pickAny(random), Persona.SINGLE, true);
        int op = operator();
        int first = 0;
        int last = days - 1;
        double u = random.nextDouble();
        if (u < 0.04) {
            first = random.nextInt(days);
        } else if (u < 0.08) {
            last = random.nextInt(days);
        }
        link(op, phone, 0, homeSim(op), first, last, activity());
        return 1;
    }

    /** Two SIMs, mostly of different operators; the second is used less. */
    private int dualSim(boolean oneImei) {
        DeviceModel model = oneImei ? catalogue.pickOneImei(random) : catalogue.pickDualImei(random);
        Persona persona = oneImei ? Persona.DUAL_SIM_ONE_IMEI : Persona.DUAL_SIM;
        int phone = device(model, persona, true);
        int opA = operator();
        int opB = random.nextDouble() < 0.7 ? otherOperator(opA) : opA;
        char chanceA = activity();
        char chanceB = (char) (chanceA * (0.5 + 0.5 * random.nextDouble()));
        link(opA, phone, 0, homeSim(opA), 0, days - 1, chanceA);
        link(opB, phone, oneImei ? 0 : 1, homeSim(opB), 0, days - 1, chanceB);
        return 1;
    }

    /**
     * A switch from SIM A to SIM B on the same phone, once: a SIM swap keeps the number (one in ten
     * ports it to another operator), a number change gets a new one. On the switching day both
     * may be seen.
     */
    private int simChange(boolean keepNumber) {
        Persona persona = keepNumber ? Persona.SIM_SWAP : Persona.NUMBER_CHANGE;
        int phone = device(catalogue.pickAny(random), persona, true);
        int opA = operator();
        int simA = homeSim(opA);
        int day = 1 + random.nextInt(Math.max(1, days - 1));
        int opB = random.nextDouble() < (keepNumber ? 0.1 : 0.3) ? otherOperator(opA) : opA;
        int simB = keepNumber ? world.sims.add(numbering.imsi(opB), world.sims.msisdn(simA)) : homeSim(opB);
        char chance = activity();
        link(opA, phone, 0, simA, 0, random.nextDouble() < 0.4 ? day : day - 1, chance);
        link(opB, phone, 0, simB, day, days - 1, chance);
        return 1;
    }

    /**
     * A seller's phone X goes to a buyer: the seller's SIM moves to a new phone Y (half of them
     * imported) the day of the sale, the buyer's SIM appears in X one to ten days later, coming
     * (half the time) from the buyer's previous phone Z.
     */
    private int resale() {
        int sold = device(catalogue.pickAny(random), Persona.RESALE, true);
        int opSeller = operator();
        int seller = homeSim(opSeller);
        char sellerChance = activity();
        int day = 1 + random.nextInt(Math.max(1, days - 1));
        link(opSeller, sold, 0, seller, 0, day - 1, sellerChance);
        boolean imported = random.nextBoolean();
        int next = device(imported ? catalogue.pickImported(random) : catalogue.pickAny(random), Persona.RESALE,
                !imported || random.nextDouble() < IMPORTS_REGISTERED);
        link(opSeller, next, 0, seller, day, days - 1, sellerChance);
        int opBuyer = operator();
        int buyer = homeSim(opBuyer);
        char buyerChance = activity();
        int bought = day + 1 + random.nextInt(10);
        link(opBuyer, sold, 0, buyer, bought, days - 1, buyerChance);
        if (random.nextBoolean()) {
            link(opBuyer, device(catalogue.pickAny(random), Persona.RESALE, true), 0, buyer, 0, bought - 1, buyerChance);
        }
        return 2;
    }

    /** One SIM moved between two phones every 2 to 20 days; on a third of the moves both are seen that day. */
    private int twoPhones() {
        int[] phones = {device(catalogue.pickAny(random), Persona.TWO_PHONES, true),
            device(catalogue.pickAny(random), Persona.TWO_PHONES, true)};
        int op = operator();
        int sim = homeSim(op);
        char chance = activity();
        int current = random.nextInt(2);
        for (int start = -random.nextInt(20); start < days; ) {
            int end = start + 2 + random.nextInt(19) - 1;
            link(op, phones[current], 0, sim, start, random.nextDouble() < 0.3 ? end + 1 : end, chance);
            start = end + 1;
            current ^= 1;
        }
        return 1;
    }

    /**
     * Two or three SIMs taking turns in one phone, 3 to 21 days each, never the same SIM twice in a
     * row; on half of the handovers both SIMs are seen that day. The hard case: IMSIs interleave.
     */
    private int family() {
        int members = random.nextDouble() < 0.6 ? 2 : 3;
        int phone = device(catalogue.pickAny(random), Persona.FAMILY_SHARED, true);
        int[] ops = new int[members];
        int[] sims = new int[members];
        char[] chances = new char[members];
        for (int i = 0; i < members; i++) {
            ops[i] = operator();
            sims[i] = homeSim(ops[i]);
            chances[i] = activity();
        }
        int current = random.nextInt(members);
        for (int start = -random.nextInt(21); start < days; ) {
            int end = start + 3 + random.nextInt(19) - 1;
            link(ops[current], phone, 0, sims[current], start, random.nextBoolean() ? end + 1 : end, chances[current]);
            start = end + 1;
            current = (current + 1 + random.nextInt(members - 1)) % members;
        }
        return members;
    }

    /**
     * A shop tests a new phone with its SIM (half the time with both, when it has two) on the day
     * of the sale; the buyer's SIM follows within three days, half the time from an older phone.
     */
    private int shopTested() {
        int shop = random.nextInt(shopOperators.length);
        int phone = device(catalogue.pickAny(random), Persona.SHOP_TESTED, random.nextDouble() < 0.9);
        int day = random.nextInt(days);
        link(shopOperators[shop][0], phone, 0, shopSims[shop][0], day, day, Links.ALWAYS);
        if (shopSims[shop].length > 1 && random.nextBoolean()) {
            link(shopOperators[shop][1], phone, 0, shopSims[shop][1], day, day, Links.ALWAYS);
        }
        int op = operator();
        int buyer = homeSim(op);
        char chance = activity();
        int bought = day + random.nextInt(4);
        link(op, phone, 0, buyer, bought, days - 1, chance);
        if (random.nextBoolean()) {
            link(op, device(catalogue.pickAny(random), Persona.SHOP_TESTED, true), 0, buyer, 0, bought - 1, chance);
        }
        return 1;
    }

    /** A phone bought abroad takes over the owner's SIM on a day of the period; most are registered. */
    private int imported() {
        int old = device(catalogue.pickAny(random), Persona.IMPORTED, true);
        int op = operator();
        int sim = homeSim(op);
        char chance = activity();
        int day = random.nextInt(days);
        link(op, old, 0, sim, 0, random.nextDouble() < 0.3 ? day : day - 1, chance);
        int phone = device(catalogue.pickImported(random), Persona.IMPORTED, random.nextDouble() < IMPORTS_REGISTERED);
        link(op, phone, 0, sim, day, days - 1, chance);
        return 1;
    }

    /**
     * A phone stolen during the period (seven in ten) or before it: reported within two days of the
     * theft, then someone else's SIM appears in it; the victim's SIM moves to a replacement phone.
     */
    private int stolen() {
        int phone = device(catalogue.pickAny(random), Persona.STOLEN, true);
        int opThief = operator();
        int thief = homeSim(opThief);
        char thiefChance = activity();
        if (random.nextDouble() < 0.7) {
            int op = operator();
            int victim = homeSim(op);
            char chance = activity();
            int theft = random.nextInt(Math.max(1, days - 4));
            int report = theft + random.nextInt(3);
            link(op, phone, 0, victim, 0, theft, chance);
            link(op, device(catalogue.pickAny(random), Persona.STOLEN, true), 0, victim,
                    theft + 1 + random.nextInt(4), days - 1, chance);
            link(opThief, phone, 0, thief, report + 1 + random.nextInt(14), days - 1, thiefChance);
            world.stolenDevice.add(phone);
            world.stolenReportDay.add(report);
            return 2;
        }
        int report = -1 - random.nextInt(300);
        link(opThief, phone, 0, thief, report + 1 + random.nextInt(60), days - 1, thiefChance);
        world.stolenDevice.add(phone);
        world.stolenReportDay.add(report);
        return 1;
    }

    /**
     * A registered donor phone and K − 1 copies of its IMEI, each with its own SIM, all active at
     * once. The ring starts between 90 days before the period and 14 days before its end; copies
     * are sold a few days apart (exponential, mean 3 days). Seven in ten copies are another model
     * than the donor's TAC says, so their radios may contradict it; one in fifty carries a foreign
     * SIM; one in ten changes SIM during the period.
     */
    private int cloneRing(int remaining) {
        int size = Math.min(ringSizes.sample(random), remaining);
        int ring = world.ringFirst.size() + 1;
        DeviceModel donorModel = catalogue.pickAny(random);
        int donor = world.devices.add(numbering.imei(donorModel, random), donorModel.index(), imeiFormat(),
                Persona.CLONE, true, ring);
        int op = operator();
        link(op, donor, 0, homeSim(op), 0, days - 1, activity());
        long key = world.devices.key(donor);
        int start = -90 + random.nextInt(Math.max(0, days - 14) + 91);
        for (int copy = 1; copy < size; copy++) {
            DeviceModel hardware = random.nextDouble() < 0.3 ? donorModel : catalogue.pickCloneHardware(random);
            int phone = world.devices.add(key, hardware.index(), imeiFormat(), Persona.CLONE, false, ring);
            int joined = start + (int) (-3 * StrictMath.log(1 - random.nextDouble()));
            char chance = activity();
            int opCopy = operator();
            if (random.nextDouble() < 0.02) {
                int network = numbering.foreignNetwork(random);
                int sim = world.sims.add(numbering.foreignImsi(network), numbering.foreignMsisdn(network));
                link(opCopy, phone, 0, sim, joined, days - 1, chance);
            } else if (random.nextDouble() < 0.10 && Math.max(joined, 0) < days - 1) {
                int change = Math.max(joined, 0) + 1 + random.nextInt(days - 1 - Math.max(joined, 0));
                int opNext = operator();
                link(opCopy, phone, 0, homeSim(opCopy), joined, change - 1, chance);
                link(opNext, phone, 0, homeSim(opNext), change, days - 1, chance);
            } else {
                link(opCopy, phone, 0, homeSim(opCopy), joined, days - 1, chance);
            }
        }
        world.ringFirst.add(donor);
        world.ringPhones.add(size);
        return size;
    }

    /** A visitor with a foreign SIM on one home network, for a day to two months. */
    private void roamer() {
        int network = numbering.foreignNetwork(random);
        int sim = world.sims.add(numbering.foreignImsi(network), numbering.foreignMsisdn(network));
        int phone = device(catalogue.pickAny(random), Persona.ROAMER, false);
        int arrival = -10 + random.nextInt(days + 10);
        double u = random.nextDouble();
        int stay = u < 0.6 ? 1 + random.nextInt(7) : u < 0.9 ? 8 + random.nextInt(14) : 22 + random.nextInt(39);
        link(operator(), phone, 0, sim, arrival, arrival + stay - 1, (char) (0.9 * 65536));
    }

    /** Shops that test the phones they sell with their own SIM, and half of them with a second one on another operator. */
    private void openShops(int shops) {
        shopOperators = new int[shops][];
        shopSims = new int[shops][];
        for (int i = 0; i < shops; i++) {
            int op = operator();
            boolean two = random.nextBoolean() && operators > 1;
            int other = two ? otherOperator(op) : op;
            shopOperators[i] = two ? new int[] {op, other} : new int[] {op};
            shopSims[i] = two ? new int[] {homeSim(op), homeSim(other)} : new int[] {homeSim(op)};
            world.shopSims += shopSims[i].length;
        }
    }

    private int device(DeviceModel model, Persona persona, boolean registered) {
        return world.devices.add(numbering.imei(model, random), model.index(), imeiFormat(), persona, registered, -1);
    }

    private int homeSim(int op) {
        return world.sims.add(numbering.imsi(op), numbering.msisdn(op));
    }

    /** Adds a link clipped to the period; a link wholly outside it is dropped. */
    private void link(int op, int phone, int slot, int sim, int first, int last, char chance) {
        int from = Math.max(first, 0);
        int to = Math.min(last, days - 1);
        if (from <= to) {
            world.links[op].add(phone, slot, sim, from, to, chance);
        }
    }

    /** How the phone sends its IMEI: 88% with the Luhn digit, 10% with a spare 0, 2% as an IMEISV. */
    private byte imeiFormat() {
        double u = random.nextDouble();
        if (u < 0.88) {
            return Devices.LUHN;
        }
        return u < 0.98 ? Devices.SPARE_ZERO : (byte) (Devices.IMEISV + random.nextInt(100));
    }

    /**
     * A person's chance of using the phone on a given day: three in four nearly every day
     * (93–100%), one in five most days (60–93%), one in twenty now and then (15–60%).
     */
    private char activity() {
        double u = random.nextDouble();
        double v = random.nextDouble();
        double p = u < 0.75 ? 0.93 + 0.07 * v : u < 0.95 ? 0.60 + 0.33 * v : 0.15 + 0.45 * v;
        return (char) Math.min(Links.ALWAYS - 1, (int) (p * 65536));
    }

    private int operator() {
        return pick(operatorCumulative);
    }

    private int otherOperator(int op) {
        if (operators == 1) {
            return op;
        }
        int other;
        do {
            other = operator();
        } while (other == op);
        return other;
    }

    private int pick(double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static double[] cumulative(double[] weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
