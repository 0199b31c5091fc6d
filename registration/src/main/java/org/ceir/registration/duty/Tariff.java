package org.ceir.registration.duty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The duty tariff: its versions by date, the currency duties are paid in, and the rate that
 * converts the catalogue's US-dollar prices into it. Computes a phone's duty line by line.
 *
 * <p>The state duty applies to personal imports: by bracket of the catalogue's market price, or a
 * flat amount when the model is not in the catalogue. The excise, where a version has one, applies
 * to every imported phone, except the first personal imports of each person's calendar year.
 * A phone with several IMEIs (dual SIM) pays once.
 */
public final class Tariff {
    private final List<TariffVersion> versions;
    private final String currency;
    private final BigDecimal unitsPerUsd;

    /**
     * @param versions    the versions, in any order; no two may start the same day
     * @param currency    the currency duties are paid in (ISO 4217), e.g. AZN
     * @param unitsPerUsd how many units of that currency one US dollar buys
     */
    public Tariff(List<TariffVersion> versions, String currency, BigDecimal unitsPerUsd) {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("the tariff needs at least one version");
        }
        List<TariffVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(TariffVersion::effectiveFrom));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).effectiveFrom().equals(sorted.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("tariff versions " + sorted.get(i - 1).id() + " and "
                        + sorted.get(i).id() + " both start on " + sorted.get(i).effectiveFrom());
            }
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException("two tariff versions are called " + sorted.get(i).id());
            }
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency '" + currency + "': an ISO 4217 code such as AZN");
        }
        if (unitsPerUsd == null || unitsPerUsd.signum() <= 0) {
            throw new IllegalArgumentException("units per USD " + unitsPerUsd + ": a positive exchange rate");
        }
        this.versions = List.copyOf(sorted);
        this.currency = currency;
        this.unitsPerUsd = unitsPerUsd;
    }

    public String currency() {
        return currency;
    }

    public List<TariffVersion> versions() {
        return versions;
    }

    /** The version in force on a day. */
    public TariffVersion versionOn(LocalDate day) {
        TariffVersion found = null;
        for (TariffVersion version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                found = version;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no duty tariff is in force on " + day + "; the first starts on "
                    + versions.get(0).effectiveFrom());
        }
        return found;
    }

    /** The duty of one phone, line by line. */
    public DutyQuote quote(DutyRequest request) {
        TariffVersion version = versionOn(request.on());
        List<DutyLine> lines = new ArrayList<>();
        String phone = describe(request);
        BigDecimal total = BigDecimal.ZERO;

        String rate = unitsPerUsd.stripTrailingZeros().toPlainString();
        if (request.marketPriceUsd().isPresent()) {
            BigDecimal usd = request.marketPriceUsd().get();
            BigDecimal local = Money.cents(usd.multiply(unitsPerUsd));
            String converted = " = " + Money.format(local, currency) + " at " + rate + " " + currency + "/USD";
            if (phone.equals("this phone")) {
                lines.add(new DutyLine("market price", "a phone at " + Money.usd(usd) + " (the price given)" + converted,
                        null, "price.given", List.of(Money.usd(usd), Money.format(local, currency), rate)));
            } else {
                lines.add(new DutyLine("market price", phone + ": " + Money.usd(usd) + " in the price catalogue"
                        + converted, null, "price.catalogue",
                        List.of(phone, Money.usd(usd), Money.format(local, currency), rate)));
            }
        } else {
            lines.add(new DutyLine("market price", phone + ": not in the price catalogue", null, "price.unlisted",
                    List.of(phone)));
        }
        request.declaredPriceUsd().ifPresent(declared -> lines.add(new DutyLine("declared", Money.usd(declared)
                + " as declared (shown only: the duty follows the catalogue's price)", null, "declared",
                List.of(Money.usd(declared)))));

        if (request.payer() == Payer.PERSON) {
            DutyLine duty = stateDuty(version, request);
            lines.add(duty);
            total = total.add(duty.amount());
        } else {
            lines.add(new DutyLine("state duty", "none: an importer's phones clear customs at the border",
                    Money.cents(BigDecimal.ZERO), "duty.importer", List.of()));
        }

        if (version.excise() != null) {
            DutyLine excise = excise(version.excise(), request);
            lines.add(excise);
            total = total.add(excise.amount());
        }
        return new DutyQuote(version.id(), version.effectiveFrom(), version.assumption(), currency, lines,
                Money.cents(total));
    }

    private DutyLine stateDuty(TariffVersion version, DutyRequest request) {
        if (request.marketPriceUsd().isEmpty()) {
            return new DutyLine("state duty", "flat rate for a model not in the price catalogue",
                    Money.cents(version.notInCatalogue()), "duty.unlisted", List.of());
        }
        BigDecimal price = request.marketPriceUsd().get();
        BigDecimal below = null;
        for (Bracket bracket : version.brackets()) {
            if (bracket.fits(price, request.deviceType())) {
                String range = range(below, bracket);
                String from = below == null ? "" : Money.usd(below);
                String to = bracket.upToUsd() == null ? "" : Money.usd(bracket.upToUsd());
                String types = String.join(", ", bracket.deviceTypes());
                if (bracket.amount() != null) {
                    return new DutyLine("state duty", "bracket " + range, Money.cents(bracket.amount()), "duty.bracket",
                            List.of(from, to, types));
                }
                BigDecimal local = price.multiply(unitsPerUsd);
                BigDecimal duty = Money.cents(local.multiply(bracket.ratePercent()).divide(BigDecimal.valueOf(100),
                        6, RoundingMode.HALF_UP));
                String percent = bracket.ratePercent().stripTrailingZeros().toPlainString();
                return new DutyLine("state duty", "bracket " + range + ": " + percent + "% of "
                        + Money.format(local, currency), duty, "duty.rate",
                        List.of(from, to, types, percent, Money.format(local, currency)));
            }
            if (bracket.upToUsd() != null && bracket.deviceTypes().isEmpty()) {
                below = bracket.upToUsd();
            }
        }
        throw new IllegalStateException("tariff " + version.id() + " has no bracket for " + Money.usd(price));
    }

    private DutyLine excise(Excise excise, DutyRequest request) {
        if (request.payer() == Payer.IMPORTER) {
            return new DutyLine("excise", "per imported phone", Money.cents(excise.perImportedPhone()),
                    "excise.importer", List.of());
        }
        int year = request.on().getYear();
        int ordinal = request.earlierPersonalImports() + 1;
        List<String> args = List.of(Integer.toString(ordinal), Integer.toString(year),
                Integer.toString(excise.exemptPersonalPerYear()));
        if (ordinal <= excise.exemptPersonalPerYear()) {
            return new DutyLine("excise", "exempt: personal import " + ordinal + " of " + year + " (the first "
                    + excise.exemptPersonalPerYear() + " a year are free)", Money.cents(BigDecimal.ZERO),
                    "excise.exempt", args);
        }
        return new DutyLine("excise", "personal import " + ordinal + " of " + year + ": flat rate beyond "
                + excise.exemptPersonalPerYear() + " a year", Money.cents(excise.personalBeyondExempt()),
                "excise.beyond", args);
    }

    private static String range(BigDecimal below, Bracket bracket) {
        String types = bracket.deviceTypes().isEmpty() ? ""
                : ", " + String.join(" or ", bracket.deviceTypes()).toLowerCase(Locale.ROOT);
        if (bracket.upToUsd() == null) {
            return (below == null ? "any price" : "over " + Money.usd(below)) + types;
        }
        return (below == null ? "up to " : "over " + Money.usd(below) + " up to ") + Money.usd(bracket.upToUsd()) + types;
    }

    private static String describe(DutyRequest request) {
        String make = request.make() == null ? "" : request.make().strip();
        String model = request.model() == null ? "" : request.model().strip();
        String name = (make + " " + model).strip();
        return name.isEmpty() ? "this phone" : name;
    }
}
