package io.tradecredit.devstack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.tradecredit.devstack.demo.BookEvents.Dispute;
import io.tradecredit.devstack.demo.BookEvents.Insolvency;
import io.tradecredit.devstack.demo.BookEvents.Payment;
import io.tradecredit.devstack.demo.BookEvents.Plan;
import io.tradecredit.devstack.demo.DemoBuyer.Conduct;

/**
 * The demo book of tenant {@code acme}, worked out before anything is sent: buyers, six months of
 * invoices and the payments, dispute, plan and insolvency that follow. The same seed and today give
 * the same book (names, numbers, amounts, dates); dates count back from today.
 */
public record BookPlan(LocalDate start, LocalDate today, List<DemoBuyer> buyers, List<DemoInvoice> invoices,
        List<Payment> payments, Dispute dispute, Plan plan, Insolvency insolvency) {

    public static final long DEFAULT_SEED = 20261204L;
    static final BigDecimal VAT = new BigDecimal("0.13");
    /** Conducts of the buyers after the four with a part of their own (insured, insolvent, disputing, on a plan). */
    private static final List<Conduct> CYCLE = List.of(Conduct.PROMPT, Conduct.LATE, Conduct.PROMPT, Conduct.STOPPED,
            Conduct.PROMPT, Conduct.PARTIAL, Conduct.LATE, Conduct.PROMPT);
    private static final List<Conduct> ROLES = List.of(Conduct.INSURED, Conduct.INSOLVENT, Conduct.DISPUTING,
            Conduct.ON_PLAN);

    public static BookPlan of(long seed, LocalDate today) {
        Random random = new Random(seed);
        LocalDate start = today.minusMonths(6);
        List<DemoBuyer> buyers = buyers(random, today);
        Insolvency insolvency = new Insolvency(with(buyers, Conduct.INSOLVENT), today.minusDays(12),
                "深圳市中级人民法院 (Shenzhen Intermediate People's Court)");
        List<DemoInvoice> invoices = invoices(random, buyers, start, today, insolvency);
        Settlement settlement = new Settlement(random, today, invoices);
        return new BookPlan(start, today, buyers, invoices, settlement.payments(), settlement.dispute(),
                settlement.plan(), insolvency);
    }

    static DemoBuyer with(List<DemoBuyer> buyers, Conduct conduct) {
        return buyers.stream().filter(b -> b.conduct() == conduct).findFirst().orElseThrow();
    }

    public List<DemoInvoice> invoicesOf(DemoBuyer buyer) {
        return invoices.stream().filter(i -> i.buyer().equals(buyer)).toList();
    }

    /** Chinese buyers first get the parts of their own; then Chinese and English-named buyers mixed. */
    private static List<DemoBuyer> buyers(Random random, LocalDate today) {
        List<Names.Company> chinese = new ArrayList<>(Names.CHINESE);
        Collections.shuffle(chinese, random);
        List<Names.Company> rest = new ArrayList<>(chinese.subList(ROLES.size(), chinese.size()));
        rest.addAll(Names.ENGLISH);
        Collections.shuffle(rest, random);
        List<Names.Company> order = new ArrayList<>(chinese.subList(0, ROLES.size()));
        order.addAll(rest);
        List<DemoBuyer> buyers = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Conduct conduct = i < ROLES.size() ? ROLES.get(i) : CYCLE.get((i - ROLES.size()) % CYCLE.size());
            buyers.add(buyer(random, i, order.get(i), conduct, today));
        }
        return List.copyOf(buyers);
    }

    private static DemoBuyer buyer(Random random, int index, Names.Company company, Conduct conduct, LocalDate today) {
        boolean chinese = Names.CITIES.stream().anyMatch(c -> c.name().equals(company.city()));
        int terms = List.of(30, 30, 45, 60).get(random.nextInt(4));
        BigDecimal limit = BigDecimal.valueOf(100_000L + 50_000L * random.nextInt(15)).setScale(2);
        LocalDate founded = today.minusYears(4 + random.nextInt(25)).withDayOfYear(1 + random.nextInt(360));
        String email = "ap@" + company.slug() + ".example";
        if (chinese) {
            Names.City city = Names.CITIES.stream().filter(c -> c.name().equals(company.city())).findFirst().orElseThrow();
            StringBuilder organization = new StringBuilder();
            for (int k = 0; k < 9; k++) {
                organization.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
            }
            String code = Uscc.withCheckCharacter("91" + city.divisionCode() + organization);
            String address = city.street() + (1 + random.nextInt(300)) + "号 " + city.postcode();
            String mobile = String.format("+86 13%d %04d %04d", random.nextInt(10), random.nextInt(10_000),
                    random.nextInt(10_000));
            return new DemoBuyer(index, company.name(), "CN", code, address, company.industry(), founded, terms, limit,
                    conduct, pick(random, Names.CHINESE_CONTACTS), "zh-CN", email, mobile);
        }
        String country = company.city();
        String registration = switch (country) {
            case "HK" -> String.format("%07d", 1_000_000 + random.nextInt(2_000_000));
            case "SG" -> String.format("20%02d%05d%c", 5 + random.nextInt(19), random.nextInt(100_000),
                    (char) ('A' + random.nextInt(26)));
            default -> String.format("%08d", 1_000_000 + random.nextInt(12_000_000));
        };
        String mobile = switch (country) {
            case "HK" -> String.format("+852 %04d %04d", 5000 + random.nextInt(4000), random.nextInt(10_000));
            case "SG" -> String.format("+65 %04d %04d", 8000 + random.nextInt(2000), random.nextInt(10_000));
            default -> String.format("+44 7700 9%05d", random.nextInt(100_000));
        };
        return new DemoBuyer(index, company.name(), country, registration, Names.address(country), company.industry(),
                founded, terms, limit, conduct, pick(random, Names.ENGLISH_CONTACTS), "en", email, mobile);
    }

    /** An invoice every three to six weeks per buyer from the book's first days to yesterday; numbered by issue date. */
    private static List<DemoInvoice> invoices(Random random, List<DemoBuyer> buyers, LocalDate start, LocalDate today,
            Insolvency insolvency) {
        record Draft(DemoBuyer buyer, LocalDate issued, Names.Product product, int quantity, BigDecimal unitPrice) {
        }
        List<Draft> drafts = new ArrayList<>();
        for (DemoBuyer buyer : buyers) {
            LocalDate last = buyer.equals(insolvency.buyer()) ? insolvency.filedOn().minusDays(1) : today.minusDays(1);
            for (LocalDate issued = start.plusDays(random.nextInt(21)); !issued.isAfter(last);
                    issued = issued.plusDays(21 + random.nextInt(22))) {
                Names.Product product = pick(random, Names.PRODUCTS);
                int price = product.lowestPrice() + random.nextInt(product.highestPrice() - product.lowestPrice() + 1);
                drafts.add(new Draft(buyer, issued, product, 2 + random.nextInt(29),
                        BigDecimal.valueOf(price).setScale(2)));
            }
        }
        drafts.sort(Comparator.comparing(Draft::issued).thenComparing(d -> d.buyer().index()));
        List<DemoInvoice> invoices = new ArrayList<>();
        for (int n = 0; n < drafts.size(); n++) {
            Draft d = drafts.get(n);
            BigDecimal net = d.unitPrice().multiply(BigDecimal.valueOf(d.quantity()));
            BigDecimal tax = d.buyer().chinese() ? net.multiply(VAT).setScale(2, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(2);
            invoices.add(new DemoInvoice(String.format("JG-%d-%05d", d.issued().getYear(), n + 1), d.buyer(),
                    d.issued(), d.issued().plusDays(d.buyer().paymentTermDays()), d.product().description(),
                    d.quantity(), d.unitPrice(), tax));
        }
        return List.copyOf(invoices);
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
