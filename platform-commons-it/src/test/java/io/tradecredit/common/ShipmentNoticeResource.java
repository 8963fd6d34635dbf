package io.tradecredit.common;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.tradecredit.common.api.CheckableBody;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/** A body with its own rules, echoed when whole (for WholeBodyReadingTest). */
@Path("/api/v1/shipment-notices")
public class ShipmentNoticeResource {
    public enum Carrier { ROAD, RAIL }

    public record Item(String sku, Money price) {
    }

    public record Notice(String reference, LocalDate shipped, UUID buyerId, Carrier carrier, Money value,
            List<Item> items) implements CheckableBody {
        @Override
        public List<Violation> violations() {
            List<Violation> found = new ArrayList<>();
            if (reference == null) {
                found.add(new Violation("reference", "is required"));
            }
            if (shipped == null) {
                found.add(new Violation("shipped", "is required"));
            }
            if (value == null) {
                found.add(new Violation("value", "is required"));
            }
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).sku() == null) {
                        found.add(new Violation("items[" + i + "].sku", "is required"));
                    }
                }
            }
            return found;
        }
    }

    @POST
    public Notice echo(Notice notice) {
        return notice;
    }
}
