package org.ceir.app.cli;

import java.io.PrintStream;
import java.time.LocalDate;

import org.ceir.app.RegistrationServices;
import org.ceir.registration.Deadlines;
import org.ceir.registration.notify.Dispatcher;
import org.ceir.registration.notify.SmsChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ceir notify run}: the 30-day rule's scan (deadlines, SMS to queue) and the sending of the
 * outbox. Once, or every {@code --every} seconds until stopped: this is the scheduler (ceir serve
 * does not run it).
 */
@Command(name = "notify", description = "SMS to subscribers: the 30-day rule's notices and the outbox.",
        subcommands = NotifyCommand.Run.class)
public final class NotifyCommand {

    @Command(name = "run", description = {"Scan for deadlines and stolen phones with new SIMs, queue their SMS,",
        "and send everything due (registration.sms.channel: log or smpp)."})
    static final class Run extends CeirCommandBase {
        @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "Scan as of another day (default: today in registration.time-zone).")
        LocalDate today;

        @Option(names = "--every", paramLabel = "SECONDS", defaultValue = "0",
                description = "Keep running, a round every SECONDS (0: once).")
        int every;

        @Override
        protected int run() throws InterruptedException {
            RegistrationServices services = ceir().registration();
            PrintStream out = System.out;
            try (SmsChannel channel = services.channel(out::println)) {
                Dispatcher dispatcher = services.dispatcher(channel);
                do {
                    LocalDate day = today != null ? today : LocalDate.now(services.settings().zone());
                    Deadlines.Scan scan = services.deadlines().scan(day);
                    Dispatcher.Round round = dispatcher.runUntilIdle();
                    out.printf("%s: %d new deadline(s), %d settled, %d grace SMS and %d stolen-phone SMS queued;"
                                    + " sent %d, retrying %d, failed %d, %d receipt(s)%n", day, scan.newDeadlines(),
                            scan.settled(), scan.messagesQueued(), scan.stolenNewSimMessages(), round.sent(),
                            round.retrying(), round.failed(), round.receiptsMatched());
                    if (every > 0) {
                        Thread.sleep(every * 1000L);
                    }
                } while (every > 0);
            }
            return 0;
        }
    }
}
