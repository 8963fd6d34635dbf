package io.tradecredit.devstack.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One invoice of the demo book: one line of {@code quantity} × {@code unitPrice}, VAT for a Chinese buyer. */
public record DemoInvoice(String number, DemoBuyer buyer, LocalDate issued, LocalDate due, String product,
        int quantity, BigDecimal unitPrice, BigDecimal tax) {

    public BigDecimal net() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public BigDecimal total() {
        return net().add(tax);
    }
}
