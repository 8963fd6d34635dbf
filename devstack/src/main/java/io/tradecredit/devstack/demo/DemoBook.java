package io.tradecredit.devstack.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.tradecredit.devstack.PlatformZone;

/**
 * {@code ./platform demo}: on a running platform, seeds tenant {@code acme} with the demo book
 * ({@link BookPlan}) and runs the daily jobs date by date up to today, then prints where to look.
 * Refuses to seed twice: when acme already has the book's first buyer it says so and only prints
 * where to look ({@code ./platform reset} starts over).
 *
 * <pre>java ... io.tradecredit.devstack.demo.DemoBook [--seed N] [--daily-days N] [--host H] [--kafka H:P]</pre>
 * {@code --daily-days N}: the jobs run on every one of the last N dates (default 14) and once a week before
 * them, on today's weekday: a weekly run catches up the steps due since the previous one, as the job door
 * does after downtime. {@code --daily-days 200} runs them on every date of the book.
 */
public final class DemoBook {
    /** The jobs run on each of the last 14 dates, weekly before them: minutes, not the half hour of 183 daily runs. */
    static final int DAILY_DAYS = 14;

    private DemoBook() {
    }

    public static void main(String[] args) throws Exception {
        long seed = BookPlan.DEFAULT_SEED;
        int dailyDays = DAILY_DAYS;
        String host = "127.0.0.1";
        String kafka = "127.0.0.1:9092";
        int keycloakPort = 8180;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--daily-days" -> dailyDays = Integer.parseInt(args[i + 1]);
                case "--host" -> host = args[i + 1];
                case "--kafka" -> kafka = args[i + 1];
                case "--keycloak-port" -> keycloakPort = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LocalDate today = PlatformZone.today();
        BookPlan book = BookPlan.of(seed, today);
        PlatformApi api = new PlatformApi(host, keycloakPort);
        WhereToLook where = new WhereToLook(api, book);
        if (where.seeded()) {
            System.out.println("acme already has the demo book (buyer " + book.buyers().get(0).name() + " is registered):"
                    + " nothing seeded again. `./platform reset && ./platform up && ./platform demo` starts over.");
            where.print();
            return;
        }
        long began = System.nanoTime();
        System.out.printf(Locale.ROOT, "Seeding acme: %d buyers, %d invoices, %d payments from %s to %s (seed %d)%n",
                book.buyers().size(), book.invoices().size(), book.payments().size(), book.start(), today, seed);
        BookSeeder seeder = new BookSeeder(api, book);
        seeder.settings();
        seeder.buyers();
        seeder.insurance();
        System.out.printf(Locale.ROOT, "  buyers, limits, contacts and insurance entered in %s%n", since(began));
        int runs = 0;
        long jobNanos = 0;
        long before = 0;
        int pending = 0;
        try (EventsSettled events = new EventsSettled(kafka); DailyJobs jobs = new DailyJobs(api, events)) {
            System.out.println("  daily jobs: " + jobs.jobs());
            for (LocalDate date = book.start(); !date.isAfter(today); date = date.plusDays(1)) {
                if (pending == 0) {
                    before = events.published();
                }
                pending += seeder.day(date);
                boolean daily = !date.isBefore(today.minusDays(dailyDays - 1L));
                if (daily || date.getDayOfWeek() == today.getDayOfWeek()) {
                    // the services have read what changed since the last run before this date's run
                    if (pending > 0) {
                        events.await(before);
                        pending = 0;
                    }
                    long jobsBegan = System.nanoTime();
                    runs += jobs.run(date, date.equals(today));
                    jobNanos += System.nanoTime() - jobsBegan;
                }
                if (date.getDayOfMonth() == 1 || date.equals(today)) {
                    System.out.printf(Locale.ROOT, "  %s done (%s)%n", date, since(began));
                }
            }
        }
        where.submitClaim();
        where.promise();
        where.handOff();
        System.out.printf(Locale.ROOT, "Seeded in %s: %d job runs taking %d s of it.%n%n", since(began), runs,
                Duration.ofNanos(jobNanos).toSeconds());
        where.print();
    }

    static String since(long began) {
        Duration d = Duration.ofNanos(System.nanoTime() - began);
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
