package org.ceir.web;

import java.util.Set;

/**
 * The {@code web} section: where the web server listens and how it protects the register and its
 * staff. Validated here, naming the setting, so a bad value stops ceir at start-up.
 *
 * @param port                 the HTTP port (0: any free port, for tests)
 * @param bindAddress          the address to listen on ({@code 0.0.0.0}: every interface)
 * @param checksPerMinute      public IMEI checks a client address may make per minute
 * @param loginsPerMinute      login attempts a client address may make per minute
 * @param maxFailedLogins      failed passwords in a row that lock an account
 * @param lockoutMinutes       how long a locked account stays locked
 * @param sessionIdleMinutes   a console session ends after this long without a request
 * @param sessionMaxHours      a console session ends this long after login, whatever happens
 * @param secureCookies        mark cookies Secure (HTTPS only); off only for plain-HTTP trials
 * @param clientAddressHeader  the header carrying the client's address when a proxy you run sits in
 *                             front (e.g. {@code X-Forwarded-For}); empty: the connection's address
 * @param defaultLanguage      the language of a first visit: {@code az}, {@code en} or {@code ru}
 * @param formsPerMinute       public forms a client address may send per minute (registration
 *                             applications, lost or stolen reports, duty quotes, status look-ups)
 * @param paymentsPerMinute    payment notices a client address (a payment provider) may post per minute
 * @param maxUploadMegabytes   the largest file the console takes for import (an operator's data file)
 */
public record WebSettings(int port, String bindAddress, int checksPerMinute, int loginsPerMinute,
                          int maxFailedLogins, int lockoutMinutes, int sessionIdleMinutes, int sessionMaxHours,
                          boolean secureCookies, String clientAddressHeader, String defaultLanguage,
                          int formsPerMinute, int paymentsPerMinute, int maxUploadMegabytes) {
    private static final Set<String> LANGUAGES = Set.of("az", "en", "ru");

    public WebSettings {
        require(port >= 0 && port <= 65_535, "web.port " + port + ": a TCP port is 0 to 65535");
        require(bindAddress != null && !bindAddress.isBlank(), "web.bind-address is empty: use 0.0.0.0 for every interface");
        require(checksPerMinute >= 1, "web.checks-per-minute " + checksPerMinute + ": must be at least 1");
        require(loginsPerMinute >= 1, "web.logins-per-minute " + loginsPerMinute + ": must be at least 1");
        require(maxFailedLogins >= 1, "web.max-failed-logins " + maxFailedLogins + ": must be at least 1");
        require(lockoutMinutes >= 1, "web.lockout-minutes " + lockoutMinutes + ": must be at least 1");
        require(sessionIdleMinutes >= 1, "web.session-idle-minutes " + sessionIdleMinutes + ": must be at least 1");
        require(sessionMaxHours >= 1, "web.session-max-hours " + sessionMaxHours + ": must be at least 1");
        require(sessionIdleMinutes <= sessionMaxHours * 60, "web.session-idle-minutes " + sessionIdleMinutes
                + " is longer than web.session-max-hours " + sessionMaxHours);
        clientAddressHeader = clientAddressHeader == null ? "" : clientAddressHeader.strip();
        require(defaultLanguage != null && LANGUAGES.contains(defaultLanguage), "web.default-language "
                + defaultLanguage + ": one of az, en, ru");
        require(formsPerMinute >= 1, "web.forms-per-minute " + formsPerMinute + ": must be at least 1");
        require(paymentsPerMinute >= 1, "web.payments-per-minute " + paymentsPerMinute + ": must be at least 1");
        require(maxUploadMegabytes >= 1 && maxUploadMegabytes <= 1_048_576, "web.max-upload-megabytes "
                + maxUploadMegabytes + ": 1 to 1048576 (1 TB)");
    }

    /** The defaults of {@code ceir-defaults.yaml}, for tests and tools. */
    public static WebSettings defaults() {
        return new WebSettings(8080, "0.0.0.0", 30, 20, 5, 15, 30, 12, true, "", "az", 30, 600, 1024);
    }

    /** These settings on another port and address; for tests. */
    public WebSettings withPort(String address, int newPort) {
        return new WebSettings(newPort, address, checksPerMinute, loginsPerMinute, maxFailedLogins, lockoutMinutes,
                sessionIdleMinutes, sessionMaxHours, secureCookies, clientAddressHeader, defaultLanguage, formsPerMinute,
                paymentsPerMinute, maxUploadMegabytes);
    }

    /** These settings with another public check limit; for tests. */
    public WebSettings withChecksPerMinute(int perMinute) {
        return new WebSettings(port, bindAddress, perMinute, loginsPerMinute, maxFailedLogins, lockoutMinutes,
                sessionIdleMinutes, sessionMaxHours, secureCookies, clientAddressHeader, defaultLanguage, formsPerMinute,
                paymentsPerMinute, maxUploadMegabytes);
    }

    /** These settings with other limits on public forms and on payment notices; for tests. */
    public WebSettings withFormLimits(int forms, int payments) {
        return new WebSettings(port, bindAddress, checksPerMinute, loginsPerMinute, maxFailedLogins, lockoutMinutes,
                sessionIdleMinutes, sessionMaxHours, secureCookies, clientAddressHeader, defaultLanguage, forms, payments,
                maxUploadMegabytes);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
