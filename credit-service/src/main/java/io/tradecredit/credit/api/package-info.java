/** credit-service: REST resources and their request/response records. They translate and delegate: no rule, no SQL, no Kafka here. */
package io.tradecredit.credit.api;
