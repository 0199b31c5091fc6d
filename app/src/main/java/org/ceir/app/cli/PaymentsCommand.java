package org.ceir.app.cli;

import java.util.Optional;

import org.ceir.registration.Payments;
import org.ceir.registration.duty.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ceir payments confirm REF}: a clerk took the duty; the registration becomes active. */
@Command(name = "payments", description = "Payments of the duty.", subcommands = PaymentsCommand.Confirm.class)
public final class PaymentsCommand {

    @Command(name = "confirm", description = {"Confirm that a registration's duty was paid (a clerk took it).",
        "The phone is registered for the network checks at once."})
    static final class Confirm extends CeirCommandBase {
        @Parameters(paramLabel = "REF", description = "The registration's reference, e.g. R-7K2M9QXD.")
        String registration;

        @Option(names = "--amount", description = "The amount taken (default: exactly the duty); must match it.")
        String amount;

        @Option(names = "--receipt", description = "The clerk's receipt number (default: CLERK-<REF>); the same receipt twice is one payment.")
        String receipt;

        @Mixin
        ActorOption actor;

        @Override
        protected int run() {
            Payments.Receipt result = ceir().registration().payments().confirmByClerk(registration,
                    Optional.ofNullable(amount).map(a -> Money.parse(a, "--amount")), Optional.ofNullable(receipt),
                    actor.actor());
            System.out.println((result.alreadyApplied() ? "already received: " : "received: ") + "payment "
                    + result.paymentReference() + ", " + Money.format(result.amount(), result.currency()) + " for "
                    + result.registration() + "; registration " + result.status());
            return 0;
        }
    }
}
