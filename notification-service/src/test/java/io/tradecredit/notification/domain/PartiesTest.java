package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Both companies a dunning letter names, completed from what the service knows (DOMAIN §3). */
class PartiesTest {
    static final SenderIdentity ACME = new SenderIdentity("Acme AR", "ar@acme.example", null, "Acme Trading Co., Ltd.",
            "Zhang San");
    static final Contact EMAIL_ONLY = Contact.of(UUID.randomUUID(), UUID.randomUUID(), "Li Wei", "accounts payable",
            "li@globex.example", null, null, "en", null);
    static final Contact WITH_POST = Contact.of(UUID.randomUUID(), UUID.randomUUID(), "Li Wei", "accounts payable",
            null, null, "Room 801, 1 Nanjing Road East, Shanghai", "en", null);

    @Test
    void aPartyIsPrintedStrippedAndWhatIsNotKnownIsEmpty() {
        Parties.Party p = new Parties.Party("  Globex Trading Ltd.\n", null);
        assertEquals("Globex Trading Ltd.", p.name());
        assertEquals("", p.address());
        assertEquals("", new Parties.Party(" ", "").name());
    }

    @Test
    void theSellerIsTheRequestsWithItsAddress() {
        assertEquals(new Parties.Party("Acme Industrial Supply Co., Ltd.", "88 Century Avenue, Shanghai"), Parties.seller(
                new Parties.Party(" Acme Industrial Supply Co., Ltd. ", "88 Century Avenue, Shanghai"), ACME, "Tradecredit"));
    }

    @Test
    void aRequestWithoutASellerNamesTheTenantsSenderElseThePlatformAndNoAddress() {
        assertEquals(new Parties.Party("Acme AR", ""), Parties.seller(new Parties.Party(null, " "), ACME, "Tradecredit"));
        assertEquals(new Parties.Party("Tradecredit", ""), Parties.seller(new Parties.Party("", null), null, "Tradecredit"));
    }

    @Test
    void theBuyersAddressIsTheRequestsEvenForAContactWithoutAPostalAddress() {
        Parties.Party requested = new Parties.Party("Globex Trading Ltd.", "1 Nanjing Road East, Shanghai");
        assertEquals(requested, Parties.buyer(requested, EMAIL_ONLY));
        assertEquals(requested, Parties.buyer(requested, WITH_POST));
    }

    @Test
    void aRequestWithoutTheBuyersAddressTakesTheContactsPostalAddressIfAny() {
        Parties.Party requested = new Parties.Party("Globex Trading Ltd.", null);
        assertEquals(new Parties.Party("Globex Trading Ltd.", "Room 801, 1 Nanjing Road East, Shanghai"),
                Parties.buyer(requested, WITH_POST));
        assertEquals(new Parties.Party("Globex Trading Ltd.", ""), Parties.buyer(requested, EMAIL_ONLY));
        assertEquals(new Parties.Party("Globex Trading Ltd.", ""), Parties.buyer(requested, null));
    }
}
