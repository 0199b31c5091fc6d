package org.ceir.diameter.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Device-Watchdog-Answer, DWA (RFC 6733 §5.5.2).
 *
 * <pre>
 * &lt;DWA&gt; ::= &lt; Diameter Header: 280 &gt; { Result-Code } { Origin-Host } { Origin-Realm }
 *           [ Error-Message ] [ Failed-AVP ] [ Origin-State-Id ] * [ AVP ]
 * </pre>
 */
public record DeviceWatchdogAnswer(DiameterHeader header, ResultCode resultCode, Origin origin,
                                   Optional<String> errorMessage, List<Avp> failedAvps, OptionalLong originStateId) {

    public DeviceWatchdogAnswer {
        failedAvps = List.copyOf(failedAvps);
    }

    public static DeviceWatchdogAnswer to(DiameterHeader request, ResultCode resultCode, Origin origin,
                                          OptionalLong originStateId) {
        return new DeviceWatchdogAnswer(request.answer(resultCode.isProtocolError()), resultCode, origin,
                Optional.empty(), List.of(), originStateId);
    }

    /** The answer to a DWR that broke its grammar, with Error-Message and Failed-AVP. */
    public static DeviceWatchdogAnswer failed(DiameterHeader request, DiameterException error, Origin origin,
                                              OptionalLong originStateId) {
        return new DeviceWatchdogAnswer(request.answer(error.resultCode().isProtocolError()), error.resultCode(),
                origin, Optional.ofNullable(error.getMessage()),
                error.failedAvp() == null ? List.of() : List.of(error.failedAvp()), originStateId);
    }

    public static DeviceWatchdogAnswer from(DiameterMessage message) {
        Grammar.header(message, CommandCode.DEVICE_WATCHDOG, ApplicationId.COMMON, false, false);
        Avp result = null;
        Avp host = null;
        Avp realm = null;
        Avp error = null;
        Avp failed = null;
        Avp state = null;
        for (Avp avp : message.avps()) {
            if (avp.is(AvpCode.RESULT_CODE)) {
                result = Grammar.once(result, avp);
            } else if (avp.is(AvpCode.ORIGIN_HOST)) {
                host = Grammar.once(host, avp);
            } else if (avp.is(AvpCode.ORIGIN_REALM)) {
                realm = Grammar.once(realm, avp);
            } else if (avp.is(AvpCode.ERROR_MESSAGE)) {
                error = Grammar.once(error, avp);
            } else if (avp.is(AvpCode.FAILED_AVP)) {
                failed = Grammar.once(failed, avp);
            } else if (avp.is(AvpCode.ORIGIN_STATE_ID)) {
                state = Grammar.once(state, avp);
            } else {
                Grammar.other(avp, "DWA");
            }
        }
        Grammar.required(result, AvpCode.RESULT_CODE, "DWA");
        Grammar.required(host, AvpCode.ORIGIN_HOST, "DWA");
        Grammar.required(realm, AvpCode.ORIGIN_REALM, "DWA");
        return new DeviceWatchdogAnswer(message.header(), ResultCode.valueOf(result.unsigned32()),
                new Origin(host.identity(), realm.identity()), Answers.text(error), Answers.members(failed),
                state == null ? OptionalLong.empty() : OptionalLong.of(state.unsigned32()));
    }

    public DiameterMessage toMessage() {
        List<Avp> avps = new ArrayList<>(4);
        avps.add(Answers.resultCode(resultCode));
        avps.add(origin.hostAvp());
        avps.add(origin.realmAvp());
        Answers.addErrorMessage(avps, errorMessage);
        Answers.addFailedAvp(avps, failedAvps);
        originStateId.ifPresent(id -> avps.add(Avp.unsigned32(AvpCode.ORIGIN_STATE_ID, id)));
        return DiameterMessage.of(header, avps);
    }
}
