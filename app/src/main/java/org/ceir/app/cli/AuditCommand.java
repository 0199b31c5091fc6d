package org.ceir.app.cli;

import java.util.Locale;

import org.ceir.store.AuditLog;
import picocli.CommandLine.Command;

/** {@code ceir audit verify}: walks the hash-chained audit log and names the first broken link. */
@Command(name = "audit", description = "The audit log: who did what, when and why, hash-chained.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand {

    @Command(name = "verify", description = {"Check every entry of the audit log against its hash and its link to the one",
        "before; exit 0 when the chain holds, 1 naming the first entry that was altered, removed or inserted."})
    static final class Verify extends CeirCommandBase {
        @Override
        protected int run() {
            AuditLog.Verification result = ceir().database().transaction(AuditLog::verify);
            if (!result.intact()) {
                throw new IllegalStateException("audit log broken after " + (result.entries() - 1)
                        + " good entries: " + result.firstBroken().orElseThrow());
            }
            System.out.printf(Locale.ROOT, "audit log intact: %,d entries, every link holds%n", result.entries());
            return 0;
        }
    }
}
