package org.ceir.diameter.codec;

import java.util.List;
import java.util.Optional;

/** What every answer has in common: Result-Code, Error-Message, Failed-AVP (RFC 6733 §7). */
final class Answers {
    private static final Avp SUCCESS = Avp.unsigned32(AvpCode.RESULT_CODE, ResultCode.SUCCESS.value());

    private Answers() {
    }

    /** A Result-Code AVP; DIAMETER_SUCCESS is encoded once. */
    static Avp resultCode(ResultCode code) {
        return code.equals(ResultCode.SUCCESS) ? SUCCESS : Avp.unsigned32(AvpCode.RESULT_CODE, code.value());
    }

    static void addErrorMessage(List<Avp> avps, Optional<String> message) {
        message.ifPresent(text -> avps.add(Avp.utf8(AvpCode.ERROR_MESSAGE, text)));
    }

    /** Failed-AVP: one grouped AVP holding the offending AVPs (RFC 6733 §7.5). */
    static void addFailedAvp(List<Avp> avps, List<Avp> failed) {
        if (!failed.isEmpty()) {
            avps.add(Avp.grouped(AvpCode.FAILED_AVP, failed));
        }
    }

    static Optional<String> text(Avp avp) {
        return avp == null ? Optional.empty() : Optional.of(avp.utf8());
    }

    static List<Avp> members(Avp failedAvp) {
        return failedAvp == null ? List.of() : failedAvp.grouped();
    }
}
