package org.ceir.app;

import java.time.Clock;
import java.util.function.Consumer;

import org.ceir.registration.Deadlines;
import org.ceir.registration.ImporterBatches;
import org.ceir.registration.OwnerIds;
import org.ceir.registration.Payments;
import org.ceir.registration.PriceList;
import org.ceir.registration.RegistrationSettings;
import org.ceir.registration.Registrations;
import org.ceir.registration.StolenReports;
import org.ceir.registration.notify.Dispatcher;
import org.ceir.registration.notify.LogChannel;
import org.ceir.registration.notify.SmppChannel;
import org.ceir.registration.notify.SmsChannel;
import org.ceir.store.Database;
import org.ceir.web.RegistrationDesk;

/** The registration module's services, wired to one process's database and settings. */
public final class RegistrationServices {
    private final Database database;
    private final RegistrationSettings settings;
    private final Registrations registrations;
    private final Payments payments;
    private final ImporterBatches batches;
    private final StolenReports stolen;
    private final Deadlines deadlines;
    private final PriceList prices;
    private final RegistrationDesk desk;

    RegistrationServices(Ceir ceir) {
        this.database = ceir.database();
        this.settings = ceir.tuned().registration();
        Clock clock = Clock.systemUTC();
        OwnerIds ownerIds = OwnerIds.fromSettings(settings, ceir.home());
        this.registrations = new Registrations(database, settings, ownerIds, ceir.numberingPlan(), clock);
        this.payments = new Payments(database, settings);
        this.batches = new ImporterBatches(database, settings, clock);
        this.stolen = new StolenReports(database, ownerIds, settings.zone());
        this.deadlines = new Deadlines(database, settings, ceir.settings().country());
        this.prices = new PriceList(database);
        this.desk = new RegistrationDesk(settings, ceir.numberingPlan(), registrations, payments, batches, stolen,
                prices);
    }

    public RegistrationSettings settings() {
        return settings;
    }

    public Registrations registrations() {
        return registrations;
    }

    public Payments payments() {
        return payments;
    }

    public ImporterBatches batches() {
        return batches;
    }

    public StolenReports stolen() {
        return stolen;
    }

    public Deadlines deadlines() {
        return deadlines;
    }

    public PriceList prices() {
        return prices;
    }

    /** The same services as the web server takes them ({@code WebFeatures.withRegistration(desk())}). */
    public RegistrationDesk desk() {
        return desk;
    }

    /** The configured SMS channel; {@code print} also receives what the log channel writes. */
    public SmsChannel channel(Consumer<String> print) {
        return "smpp".equals(settings.sms().channel())
                ? new SmppChannel(settings.sms(), Dispatcher.receiptSink(database))
                : new LogChannel(print);
    }

    /** A dispatcher sending the outbox through {@code channel}. */
    public Dispatcher dispatcher(SmsChannel channel) {
        return new Dispatcher(database, channel, settings.sms());
    }
}
