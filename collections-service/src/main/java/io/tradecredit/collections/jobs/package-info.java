/** collections-service: Time-driven jobs: DailyJob implementations run as of a date, daily by the scheduler or by an operator. */
package io.tradecredit.collections.jobs;
