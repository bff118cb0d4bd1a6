package com.countyleague.points;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The county's settings of the bank: whether points expire (after how many years) and how long a reservation waits. */
@Entity
@Table(name = "points_setting")
public class PointsSetting {

    @Id
    private Integer id;

    private Integer expiryYears;

    private int reservationDays;

    @Version
    private long version;

    protected PointsSetting() {
    }

    void set(Integer expiryYears, int reservationDays) {
        this.expiryYears = expiryYears;
        this.reservationDays = reservationDays;
    }

    public Integer getExpiryYears() {
        return expiryYears;
    }

    public int getReservationDays() {
        return reservationDays;
    }
}
