package org.ceir.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import org.ceir.registration.Payments;

/**
 * {@code POST /api/v1/payments}: a payment provider tells the register a duty was paid. The body
 * (JSON: {@code reference}, {@code registration}, {@code amount}, {@code currency}, optional
 * {@code paid_at}) is signed with HMAC-SHA256 under the shared secret, the hex digest sent in
 * {@value Payments#SIGNATURE_HEADER} ({@code sha256=<hex>}); {@link Payments#receiveSigned} checks it
 * over the exact bytes received before reading anything. The payment reference makes it idempotent:
 * the first notice answers 201, the same notice again 200 with {@code alreadyApplied}, and the same
 * reference for another registration or amount 409. A wrong amount is 400; a bad or missing
 * signature 403; every refusal a ProblemDetails. Limited per client address, so a forger's guesses
 * are few.
 */
final class PaymentApi implements RouteGroup {
    private final Payments payments;
    private final RateLimiter limiter;
    private final Requests requests;
    private final Messages messages;

    PaymentApi(Payments payments, RateLimiter limiter, Requests requests, Messages messages) {
        this.payments = payments;
        this.limiter = limiter;
        this.requests = requests;
        this.messages = messages;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/api/v1/payments", Access.signed(), this::receive));
    }

    private void receive(Context ctx) {
        String client = requests.clientAddress(ctx);
        limiter.acquire(client, requests.language(ctx), messages);
        byte[] body = ctx.bodyAsBytes();
        Payments.Receipt receipt = payments.receiveSigned(body, ctx.header(Payments.SIGNATURE_HEADER),
                "payment provider at " + client);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("payment", receipt.paymentReference());
        answer.put("registration", receipt.registration());
        answer.put("amount", receipt.amount().toPlainString());
        answer.put("currency", receipt.currency());
        answer.put("status", receipt.status());
        answer.put("alreadyApplied", receipt.alreadyApplied());
        ctx.header("Cache-Control", "no-store");
        Json.send(ctx, receipt.alreadyApplied() ? 200 : 201, "application/json", answer);
    }
}
