package org.ceir.app.cli;

import java.io.PrintStream;
import java.util.List;

import org.ceir.registration.Registrations;
import org.ceir.registration.Registrations.Registration;
import org.ceir.registration.duty.Money;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ceir register}: a person's phone, as a clerk at a post office registers it. */
@Command(name = "register", description = {
    "Register a person's phone: every IMEI is checked, the duty computed line by line;",
    "the registration waits for payment (ceir payments confirm) unless nothing is due."})
public final class RegisterCommand extends CeirCommandBase {
    @Option(names = "--fin", required = true, paramLabel = "ID", description = "The owner's national ID (FIN); stored encrypted.")
    String ownerId;

    @Option(names = "--name", required = true, description = "The owner's name.")
    String name;

    @Option(names = "--contact", required = true, paramLabel = "NUMBER", description = "A number to tell the owner on, e.g. 050 123 45 67.")
    String contact;

    @Option(names = "--model", description = "The model as the catalogue names it (default: from the IMEIs' TAC).")
    String model;

    @Option(names = "--imei", required = true, paramLabel = "IMEI", description = "An IMEI of the phone; repeat for each SIM slot (*#06#).")
    List<String> imeis;

    @Option(names = "--price", required = true, paramLabel = "USD", description = "What the owner paid, in US dollars (shown; the duty follows the catalogue's price).")
    String price;

    @Mixin
    ActorOption actor;

    @Override
    protected int run() {
        Registration r = ceir().registration().registrations().registerPhone(new Registrations.PhoneApplication(
                ownerId, name, contact, model, imeis, Money.parse(price, "--price")), actor.actor());
        RegistrationsCommand.print(System.out, r);
        PrintStream out = System.out;
        if ("PENDING_PAYMENT".equals(r.status())) {
            out.println("pay " + Money.format(r.duty(), r.currency()) + " with reference " + r.reference()
                    + " (a clerk: ceir payments confirm " + r.reference() + ")");
        }
        return 0;
    }
}
