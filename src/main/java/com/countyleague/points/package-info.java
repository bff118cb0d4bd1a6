/**
 * 公益银行: each person's points account and its append-only ledger, earning rules that pay once per
 * check-in or kept shift, tiers by points earned, the reward catalogue and redemptions, the youth card.
 */
package com.countyleague.points;
