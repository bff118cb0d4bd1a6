package com.countyleague.points;

import java.util.List;

import com.countyleague.web.RuleViolationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/** Any sequence of postings leaves an account that never went below zero and agrees with what was accepted. */
class PointsAccountPropertiesTests {

    @Property
    void theBalanceIsTheSumOfAcceptedEntriesAndNeverNegative(
            @ForAll @Size(max = 60) List<PointsEntry.Kind> kinds,
            @ForAll @Size(max = 60) List<@IntRange(min = -500, max = 500) Integer> amounts) {
        PointsAccount account = new PointsAccount();
        int balance = 0;
        int earned = 0;
        for (int i = 0; i < Math.min(kinds.size(), amounts.size()); i++) {
            PointsEntry.Kind kind = kinds.get(i);
            int amount = amounts.get(i);
            try {
                account.apply(kind, amount);
                balance += amount;
                if (kind == PointsEntry.Kind.EARN || (kind == PointsEntry.Kind.ADJUST && amount > 0)) {
                    earned += amount;
                }
            } catch (RuleViolationException refused) {
                assertThat(balance + amount).as("refused only when it would go below zero").isNegative();
            }
            assertThat(account.getBalance()).isEqualTo(balance).isNotNegative();
            assertThat(account.getEarnedTotal()).isEqualTo(earned);
        }
    }

    @Property
    void aRedemptionBeyondTheBalanceNamesWhatIsShort(@ForAll @IntRange(max = 1000) int balance,
                                                     @ForAll @IntRange(min = 1, max = 1000) int over) {
        PointsAccount account = new PointsAccount();
        account.apply(PointsEntry.Kind.EARN, balance);
        int price = balance + over;
        try {
            account.apply(PointsEntry.Kind.REDEEM, -price);
            throw new AssertionError("a redemption beyond the balance was accepted");
        } catch (RuleViolationException refused) {
            assertThat(refused.messageKey()).isEqualTo("points.short");
            assertThat(refused.arguments()).containsExactly(price, balance);
        }
        assertThat(account.getBalance()).isEqualTo(balance);
    }
}
