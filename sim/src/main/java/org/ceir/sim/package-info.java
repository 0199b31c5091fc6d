/**
 * A synthetic country for ceir ({@code ceir simulate}): subscribers, phones, clone rings and the
 * daily operator files they produce, with the ground truth ({@code truth.csv}) to measure
 * detection by. {@link org.ceir.sim.Simulator} is the door; the rest is package-private.
 *
 * <h2>How it works</h2>
 * {@link org.ceir.sim.Population} draws scenarios from one seeded stream until every subscriber
 * has a place, and turns each into phones ({@code Devices}), SIMs ({@code Sims}) and
 * <em>links</em> ({@code Links}): a SIM in a phone's slot from a first to a last day, used each of
 * those days with the person's daily chance. {@code OperatorDayFile} then writes, in parallel,
 * one file per operator and day: the links whose range holds the day and whose chance comes up.
 * Each decision is a hash of (seed, operator, link, day), so the bytes never depend on threads.
 * Everything is kept in primitive columns (about 56 bytes per subscriber, measured): 10 million
 * subscribers take about 560 MB of heap.
 *
 * <h2>Scenarios (shares of subscribers; people with a home SIM)</h2>
 * <ul>
 *   <li>single, about 60%: one phone, one SIM; 4% join and 4% leave during the period.</li>
 *   <li>dual_sim 10%: an IMEI per slot, two SIMs, seven in ten on two operators; the second SIM
 *       is used less.</li>
 *   <li>dual_sim_one_imei 3%: a cheap phone with one IMEI for both slots: two IMSIs on one IMEI
 *       every day, often on two operators. (A ring of two looks exactly like this.)</li>
 *   <li>sim_swap 2%: a new SIM for the same number (one in ten ported to another operator),
 *       once; number_change 1.5%: a new SIM and number. Both may be seen on the switching day.</li>
 *   <li>resale 3% (sellers and buyers): the seller's SIM moves to a new phone (half imported),
 *       the buyer's SIM reaches the sold phone 1–10 days later, half the time from an older one.</li>
 *   <li>two_phones 2%: one SIM moved between two phones every 2–20 days.</li>
 *   <li>family_shared 2.5% (every member): two or three SIMs take turns in one phone for 3–21
 *       days each (A…B…A…B), both seen on half of the handover days. The hard case for a count.</li>
 *   <li>shop_tested 1% (the buyers): a shop tests a new phone with its SIM, or two, on the day of
 *       the sale; each test SIM visits hundreds of phones (one shop per 25,000 subscribers).</li>
 *   <li>imported 4%: a phone bought abroad takes over the owner's SIM during the period; 60%
 *       are registered, the rest not (some still within the 30-day grace at the end).</li>
 *   <li>stolen 0.4% (victims and new users): reported within two days of the theft (three in ten
 *       before the period), then another SIM appears in the phone; the victim's SIM moves on.</li>
 *   <li>clone 8% (donors and users of copies): a registered donor and K − 1 copies of its IMEI,
 *       each with its own SIM, all active at once. K from {@code RingSizes} (2 to 800, median
 *       11, mean about 114). Rings start between 90 days before the period and 14 days before
 *       its end; copies are sold about 3 days apart. Seven in ten copies are another model than
 *       the donor's TAC says (their radios may contradict it), 2% carry a foreign SIM, 10%
 *       change SIM during the period.</li>
 *   <li>roamer, 2% of the subscribers on top: a foreign SIM (Russia, Turkey, Iran, Georgia…) on
 *       a home network for a day to two months.</li>
 * </ul>
 * A person uses the phone on a day with a chance drawn once: 75% nearly every day (93–100%),
 * 20% most days (60–93%), 5% now and then (15–60%). Operators share the market 50/35/15 (three
 * operators; otherwise each has 0.7 of the one before). Radios follow the hardware
 * ({@code Radios}); 88% of phones send the IMEI with its Luhn digit, 10% with a spare 0, 2% as
 * an IMEISV. Dirt: 1 row in 1,024 has an empty MSISDN, 1 in 4,096 a malformed IMEI.
 *
 * <h2>Written by hand, and why</h2>
 * The device catalogue ({@code models.psv}: 89 models from 2G feature phones to 5G flagships,
 * TACs synthetic) and the scenarios are the simulation itself; no library simulates a mobile
 * network's subscribers. Growable primitive columns are fastutil's, gzip is the JDK's zlib.
 */
package org.ceir.sim;
