package com.countyleague.orglife;

/**
 * The county's dues bands, in fen: a member earning under the threshold a month (after tax) pays the
 * fixed amount; one earning the threshold or more pays the permille of their income with what is below
 * the yuan dropped; students, the unemployed and relief recipients pay the reduced amount.
 */
public record DuesBands(int incomeThresholdFen, int belowThresholdFen, int permille, int reducedFen) {

    /** What a member of this category and monthly income pays a month, in fen. */
    public int monthlyFen(DuesCategory category, Integer monthlyIncomeFen) {
        if (category != DuesCategory.INCOME) {
            return reducedFen;
        }
        long income = monthlyIncomeFen == null ? 0 : monthlyIncomeFen;
        if (income < incomeThresholdFen) {
            return belowThresholdFen;
        }
        long share = income * permille / 1000;
        return (int) (share / 100 * 100);
    }
}
