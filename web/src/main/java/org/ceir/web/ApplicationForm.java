package org.ceir.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.javalin.http.Context;
import org.ceir.core.identity.Imei;
import org.ceir.core.identity.InvalidIdentityException;
import org.ceir.registration.Refusal;
import org.ceir.registration.RegistrationException;
import org.ceir.registration.Registrations;
import org.ceir.registration.duty.Money;

/**
 * A registration application as typed into a form (the public one and the clerk's), checked field
 * by field so that every mistake is explained in the page's language next to its field, and each
 * IMEI the register refuses is explained next to that IMEI. Only a form without mistakes reaches
 * {@link Registrations#registerPhone}, which checks everything again.
 */
final class ApplicationForm {
    /** How many IMEI boxes a form starts with: most phones have one or two SIM slots. */
    static final int FIRST_IMEI_FIELDS = 2;
    /** IMEI boxes read from a post at most: more than any phone has, few enough to bound the work. */
    private static final int MAX_BOXES = 16;

    /** A mistake: the message key and its arguments, said next to the field. */
    record Mistake(String key, Object[] args) {
    }

    final String ownerId;
    final String ownerName;
    final String contact;
    final String model;
    final String price;
    final List<String> imeis;
    final int imeiFields;
    private final Map<String, Mistake> mistakes = new HashMap<>();
    private final Map<Integer, Mistake> imeiMistakes = new HashMap<>();
    private final Map<Integer, ImeiInputError> imeiErrors = new HashMap<>();

    private ApplicationForm(String ownerId, String ownerName, String contact, String model, String price,
                            List<String> imeis, int imeiFields) {
        this.ownerId = ownerId;
        this.ownerName = ownerName;
        this.contact = contact;
        this.model = model;
        this.price = price;
        this.imeis = imeis;
        this.imeiFields = imeiFields;
    }

    /** An empty form; {@code model} and {@code price} may come from the duty calculator. */
    static ApplicationForm blank(String model, String price) {
        List<String> imeis = new ArrayList<>();
        for (int i = 0; i < FIRST_IMEI_FIELDS; i++) {
            imeis.add("");
        }
        return new ApplicationForm("", "", "", text(model), text(price), imeis, FIRST_IMEI_FIELDS);
    }

    /**
     * The form as posted. The IMEI boxes keep their places (an empty box stays empty), and
     * {@code moreFields} adds one box, up to the phone's most.
     */
    static ApplicationForm posted(Context ctx, int maxImeis, boolean moreFields) {
        List<String> imeis = new ArrayList<>();
        for (String imei : ctx.formParams("imei")) {
            if (imeis.size() < MAX_BOXES) {
                imeis.add(text(imei));
            }
        }
        int fields = Math.max(FIRST_IMEI_FIELDS, imeis.size());
        if (moreFields && fields < maxImeis) {
            fields++;
        }
        while (imeis.size() < fields) {
            imeis.add("");
        }
        return new ApplicationForm(text(ctx.formParam("ownerId")), text(ctx.formParam("ownerName")),
                text(ctx.formParam("contact")), text(ctx.formParam("model")), text(ctx.formParam("price")),
                List.copyOf(imeis), fields);
    }

    /** Checks every field; true when the form may be sent to the register. */
    boolean check(RegistrationDesk desk) {
        if (!Pattern.matches(desk.settings().ownerIdPattern(), ownerId.replaceAll("\\s", "").toUpperCase(Locale.ROOT))) {
            mistakes.put("ownerId", new Mistake(ownerId.isEmpty() ? "apply.error.owner-id-missing"
                    : "apply.error.owner-id", new Object[] {desk.settings().ownerIdName()}));
        }
        if (ownerName.isEmpty()) {
            mistakes.put("ownerName", new Mistake("apply.error.name", new Object[0]));
        } else if (ownerName.length() > 200) {
            mistakes.put("ownerName", new Mistake("apply.error.name-long", new Object[] {200}));
        }
        try {
            desk.numbering().parseMsisdn(contact);
        } catch (IllegalArgumentException e) {
            mistakes.put("contact", new Mistake("apply.error.contact", new Object[0]));
        }
        if (price.isEmpty()) {
            mistakes.put("price", new Mistake("apply.error.price-missing", new Object[0]));
        } else {
            try {
                Money.parse(price, "price");
            } catch (IllegalArgumentException e) {
                mistakes.put("price", new Mistake("apply.error.price", new Object[0]));
            }
        }
        if (model.length() > 200) {
            mistakes.put("model", new Mistake("apply.error.model-long", new Object[] {200}));
        }
        Set<Long> seen = new HashSet<>();
        int given = 0;
        for (int i = 0; i < imeis.size(); i++) {
            String typed = imeis.get(i);
            if (typed.isEmpty()) {
                continue;
            }
            given++;
            try {
                Imei imei = Imei.parse(typed);
                if (!seen.add(imei.key())) {
                    imeiMistakes.put(i, new Mistake("apply.error.imei-twice", new Object[] {imei.toString()}));
                }
            } catch (InvalidIdentityException e) {
                imeiErrors.put(i, ImeiInputError.of(typed, e));
            }
        }
        if (given == 0) {
            mistakes.put("imeis", new Mistake("apply.error.no-imei", new Object[0]));
        } else if (given > desk.settings().maxImeisPerPhone()) {
            mistakes.put("imeis", new Mistake("apply.error.too-many", new Object[] {desk.settings().maxImeisPerPhone()}));
        }
        return !hasMistakes();
    }

    Registrations.PhoneApplication application() {
        List<String> given = imeis.stream().filter(imei -> !imei.isEmpty()).toList();
        BigDecimal declared = Money.parse(price, "price");
        return new Registrations.PhoneApplication(ownerId, ownerName, contact, model, given, declared);
    }

    /**
     * What a page's template needs to draw this form (the public one and the clerk's alike): the
     * form, an error about it as a whole (or null), and from the register the owner's ID's name, the
     * IMEIs a phone may have and the models to choose from.
     */
    Map<String, Object> model(String formError, RegistrationDesk desk, PriceChoices choices) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", this);
        model.put("formError", formError);
        model.put("ownerIdName", desk.settings().ownerIdName());
        model.put("maxImeis", desk.settings().maxImeisPerPhone());
        model.put("models", choices.all());
        return model;
    }

    /**
     * Puts the register's refusals next to the IMEIs they are about; returns false when the
     * refusal is not about IMEIs (the caller says it as a whole).
     */
    boolean refused(RegistrationException e, TacCatalogue catalogue) {
        if (e.refusals().isEmpty()) {
            return false;
        }
        for (Refusal refusal : e.refusals()) {
            int index = indexOf(refusal.imei());
            String imei = refusal.imei();
            Mistake mistake = switch (refusal.reason()) {
                case MODEL_MISMATCH -> new Mistake("apply.error.MODEL_MISMATCH", new Object[] {imei, modelOf(imei, catalogue)});
                default -> new Mistake("apply.error." + refusal.reason().name(), new Object[] {imei});
            };
            if (index < 0) {
                mistakes.put("imeis", mistake);
            } else {
                imeiMistakes.put(index, mistake);
            }
        }
        return true;
    }

    boolean hasMistakes() {
        return !mistakes.isEmpty() || !imeiMistakes.isEmpty() || !imeiErrors.isEmpty();
    }

    /** The mistake of a field, or null. */
    Mistake mistake(String field) {
        return mistakes.get(field);
    }

    /** The register's refusal of the IMEI in box {@code index}, or null. */
    Mistake imeiMistake(int index) {
        return imeiMistakes.get(index);
    }

    /** What is wrong with the IMEI typed in box {@code index}, or null. */
    ImeiInputError imeiError(int index) {
        return imeiErrors.get(index);
    }

    /**
     * One line of the summary at the top of the form: the field it leads to, the field's name and
     * what is wrong with it.
     */
    record SummaryLine(String field, String labelKey, Object[] labelArgs, String key, Object[] args) {
    }

    /** Every mistake, in the form's order, for the summary at the top. */
    List<SummaryLine> summary() {
        List<SummaryLine> lines = new ArrayList<>();
        for (String field : List.of("ownerId", "ownerName", "contact")) {
            add(lines, field, new Object[0], mistakes.get(field));
        }
        if (mistakes.containsKey("imeis")) {
            lines.add(new SummaryLine("imei-0", "apply.phone", new Object[0], mistakes.get("imeis").key(),
                    mistakes.get("imeis").args()));
        }
        for (int i = 0; i < imeis.size(); i++) {
            ImeiInputError error = imeiErrors.get(i);
            if (error != null) {
                lines.add(new SummaryLine("imei-" + i, "apply.error.field.imei", new Object[] {i + 1}, error.messageKey(),
                        error.args()));
            }
            add(lines, "imei-" + i, new Object[] {i + 1}, imeiMistakes.get(i));
        }
        for (String field : List.of("model", "price")) {
            add(lines, field, new Object[0], mistakes.get(field));
        }
        return lines;
    }

    private static void add(List<SummaryLine> lines, String field, Object[] labelArgs, Mistake mistake) {
        if (mistake != null) {
            String label = field.startsWith("imei-") ? "apply.error.field.imei" : "apply.error.field." + field;
            lines.add(new SummaryLine(field, label, labelArgs, mistake.key(), mistake.args()));
        }
    }

    private int indexOf(String refused) {
        for (int i = 0; i < imeis.size(); i++) {
            if (imeis.get(i).isEmpty()) {
                continue;
            }
            try {
                if (Imei.parse(imeis.get(i)).toString().equals(refused) || imeis.get(i).equals(refused)) {
                    return i;
                }
            } catch (InvalidIdentityException e) {
                if (imeis.get(i).equals(refused)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String modelOf(String imei, TacCatalogue catalogue) {
        try {
            return catalogue.lookup(Imei.parse(imei).tac().value()).model()
                    .map(m -> m.manufacturer() + " " + m.name()).orElse("?");
        } catch (InvalidIdentityException e) {
            return "?";
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
