package com.countyleague.points;

import java.util.Locale;
import java.util.Optional;

import com.countyleague.activity.MemberCards;

import org.springframework.stereotype.Component;

/** The holder of a youth card: its QR code opens /card/{code}; the number is printed on the card. */
@Component
class YouthCards implements MemberCards {

    private final PointsAccountRepository accounts;

    YouthCards(PointsAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Long> holder(String scanned) {
        String text = scanned == null ? "" : scanned.trim();
        int card = text.lastIndexOf("/card/");
        if (card >= 0) {
            return accounts.findByCardCode(text.substring(card + "/card/".length())).map(PointsAccount::getPersonId);
        }
        return accounts.findByCardCode(text).or(() -> accounts.findByCardNumber(text.toUpperCase(Locale.ROOT)))
                .map(PointsAccount::getPersonId);
    }
}
