package com.countyleague.activity;

import java.util.Optional;

/**
 * Who holds a youth card, from what its QR code says (or the card number printed on it): the
 * organiser's screen takes check-ins by scanning cards. The points module, which issues the cards,
 * answers.
 */
public interface MemberCards {

    Optional<Long> holder(String scanned);
}
