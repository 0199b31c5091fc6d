package org.ceir.app.cli;

import picocli.CommandLine.Option;

/** Who is acting, for the audit log: {@code --as NAME}, else {@code cli:<login>}. */
final class ActorOption {
    @Option(names = "--as", paramLabel = "NAME", description = "Who is acting, for the audit log (default: cli:<login>).")
    String name;

    String actor() {
        return name != null && !name.isBlank() ? name.strip() : login();
    }

    /** {@code cli:<login>}: the person at this terminal, for commands without {@code --as}. */
    static String login() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
