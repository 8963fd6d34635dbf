package io.tradecredit.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmsProviderRequestTest {
    static final String JSON = "{\"to\":\"{to}\",\"from\":\"{from}\",\"text\":\"{text}\",\"reference\":\"{id}\"}";

    @Test
    void theTemplateIsFilledWithEachValueEscapedForJson() {
        assertEquals("{\"to\":\"+86 138\",\"from\":\"Acme\",\"text\":\"say \\\"hi\\\"\\n\\\\ 付款\\r\\t\\u0001\",\"reference\":\"r-1\"}",
                SmsProviderRequest.body(JSON, true, "+86 138", "Acme", "say \"hi\"\n\\ 付款\r\t\u0001", "r-1"));
    }

    @Test
    void aFormBodyIsUrlEncoded() {
        assertEquals("to=%2B86+138&from=Acme+AR&text=%E4%BB%98%E6%AC%BE+%26+more&ref=r-1",
                SmsProviderRequest.body("to={to}&from={from}&text={text}&ref={id}", false, "+86 138", "Acme AR",
                        "付款 & more", "r-1"));
    }

    @Test
    void aTextContainingAPlaceholderIsNotFilledAgain() {
        assertEquals("{to}|+1 555", SmsProviderRequest.body("{text}|{to}", true, "+1 555", "A", "{to}", "r"));
    }
}
